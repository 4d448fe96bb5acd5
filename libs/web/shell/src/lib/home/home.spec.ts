import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HealthResponse } from '@border-academy/shared-contracts';
import { problemInterceptor } from '@border-academy/web-data-access';
import { provideI18n } from '@border-academy/web-i18n';
import { Home } from './home';

const healthy: HealthResponse = {
  status: 'ok',
  version: '0.1.0',
  uptimeSeconds: 1,
  database: { status: 'up' },
};

describe('Home', () => {
  let fixture: ComponentFixture<Home>;
  let http: HttpTestingController;
  let page: HTMLElement;

  const healthCard = () => page.querySelector('[data-testid="health-status"]') as HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Home);
    page = fixture.nativeElement as HTMLElement;
    // Not whenStable(): the pending health request keeps the app unstable until it is answered.
    TestBed.tick();
  });

  afterEach(() => http.verify());

  it('welcomes the user and names the three thematic areas', () => {
    http.expectOne('/api/health').flush(healthy);
    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Welcome to Border Academy');
    const areas = Array.from(page.querySelectorAll('h3')).map((heading) => heading.textContent?.trim());
    expect(areas).toEqual(['Integrated Border Management', 'Migration', 'Trade facilitation']);
  });

  it('shows the platform status loading, then working', async () => {
    expect(healthCard().querySelector('mat-progress-bar')).not.toBeNull();

    http.expectOne('/api/health').flush(healthy);
    await fixture.whenStable();

    expect(healthCard().querySelector('mat-progress-bar')).toBeNull();
    expect(healthCard().textContent).toContain('All systems operational.');
  });

  it('shows the status as unreachable without a global notification, and checks again on request', async () => {
    http.expectOne('/api/health').error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await fixture.whenStable();

    expect(healthCard().textContent).toContain('The platform cannot be reached right now.');
    // a notification would arrive after its snack bar's code has loaded
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.querySelector('mat-snack-bar-container')).toBeNull();

    (healthCard().querySelector('button') as HTMLButtonElement).click();
    TestBed.tick();
    expect(healthCard().querySelector('mat-progress-bar')).not.toBeNull();
    http.expectOne('/api/health').flush(healthy);
    await fixture.whenStable();
    expect(healthCard().textContent).toContain('All systems operational.');
  });

  it('shows a degraded platform when the API answers that a service is down', async () => {
    http.expectOne('/api/health').flush({ ...healthy, status: 'error', database: { status: 'down' } });
    await fixture.whenStable();
    expect(healthCard().textContent).toContain('some services are unavailable');
  });
});
