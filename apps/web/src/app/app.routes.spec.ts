import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SessionResponse } from '@border-academy/shared-contracts';
import { AUTH_API } from '@border-academy/web-data-access';
import { provideI18n } from '@border-academy/web-i18n';
import { appRoutes } from './app.routes';

describe('appRoutes', () => {
  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
  });

  it('lazily loads the Home page at the root, titled in the active language', async () => {
    const harness = await RouterTestingHarness.create();
    const home = await harness.navigateByUrl('/');
    TestBed.inject(HttpTestingController).expectOne('/api/health');

    expect((harness.routeNativeElement as HTMLElement).querySelector('h1')?.textContent?.trim()).toBe(
      'Welcome to Border Academy',
    );
    expect(home?.constructor.name).toBe('Home');
    expect(TestBed.inject(Title).getTitle()).toBe('Home · Border Academy');
  });

  it('shows the Not-found page for an unknown deep link', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/no/such/page');

    expect((harness.routeNativeElement as HTMLElement).querySelector('h1')?.textContent?.trim()).toBe(
      'Page not found',
    );
    expect((harness.routeNativeElement as HTMLElement).querySelector('a')?.getAttribute('href')).toBe('/');
    expect(TestBed.inject(Title).getTitle()).toBe('Page not found · Border Academy');
  });

  async function openSignedIn(
    url: string,
    session: SessionResponse | null,
    answerPage: () => void = () => undefined,
  ): Promise<HTMLElement> {
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl(url);
    await new Promise((resolve) => setTimeout(resolve));
    const refresh = TestBed.inject(HttpTestingController).expectOne(AUTH_API.refresh);
    if (session) refresh.flush(session);
    else refresh.flush(null, { status: 401, statusText: 'Unauthorized' });
    await navigation;
    await new Promise((resolve) => setTimeout(resolve));
    answerPage();
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  it('sends a signed-out visitor of a role’s area to the sign-in page, with the way back', async () => {
    const page = await openSignedIn('/learning', null);

    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Flearning');
    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Sign in to Border Academy');
    expect(TestBed.inject(Title).getTitle()).toBe('Sign in · Border Academy');
  });

  // the catalogue page is compiled on first use, which takes a while on a busy machine
  it('opens an officer’s learning area on the catalogue of the courses published for them', async () => {
    const page = await openSignedIn(
      '/learning',
      {
        accessToken: 'token',
        accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
        user: {
          id: 'u1',
          login: 'officer',
          email: 'officer@example.org',
          fullName: 'Officer',
          language: 'en',
          orgUnitId: 'post',
          grants: [{ id: 'g1', role: 'learner', orgUnitId: 'post', orgUnitName: { en: 'Post' } }],
        },
      },
      () =>
        TestBed.inject(HttpTestingController)
          .expectOne((request) => request.url === '/api/v1/catalogue/courses')
          .flush({ items: [], total: 0, page: 1, pageSize: 20 }),
    );

    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Course catalogue');
    expect(page.textContent).toContain('No courses are published for your unit yet.');
    expect(TestBed.inject(Title).getTitle()).toBe('Course catalogue · Border Academy');
  }, 30_000);
});
