import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HealthResponse } from '@border-academy/shared-contracts';
import { LanguagePreference, provideI18n } from '@border-academy/web-i18n';
import { HealthStatusCard, PlatformState } from './health-status-card';

const healthy: HealthResponse = {
  status: 'ok',
  version: '1.2.3',
  uptimeSeconds: 5,
  database: { status: 'up' },
};

describe('HealthStatusCard', () => {
  let fixture: ComponentFixture<HealthStatusCard>;

  async function render(state: PlatformState, health?: HealthResponse): Promise<HTMLElement> {
    fixture.componentRef.setInput('state', state);
    fixture.componentRef.setInput('health', health);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideI18n()] });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    fixture = TestBed.createComponent(HealthStatusCard);
  });

  it('shows a labelled progress bar while checking', async () => {
    const card = await render('loading');
    const progress = card.querySelector('mat-progress-bar');
    expect(progress?.getAttribute('aria-label')).toBe('Checking the platform status');
    expect(card.querySelector('[data-testid="health-status"]')?.getAttribute('aria-busy')).toBe('true');
    expect(card.querySelector('button')).toBeNull();
  });

  it('shows that all is well, with the version and the database state', async () => {
    const card = await render('ok', healthy);
    expect(card.querySelector('[role="status"]')?.textContent).toContain('All systems operational.');
    expect(card.querySelector('dl')?.textContent).toContain('1.2.3');
    expect(card.querySelector('dl')?.textContent).toContain('available');
    expect(card.querySelector('mat-progress-bar')).toBeNull();
  });

  it('offers a retry when the platform is unreachable, and reports the click', async () => {
    const card = await render('unreachable');
    let retries = 0;
    fixture.componentInstance.retry.subscribe(() => retries++);

    expect(card.querySelector('[role="status"]')?.textContent).toContain('cannot be reached');
    const retry = card.querySelector('button') as HTMLButtonElement;
    expect(retry.textContent?.trim()).toBe('Check again');
    retry.click();
    expect(retries).toBe(1);
  });

  it('reports a partly working platform with the database down', async () => {
    const card = await render('degraded', { ...healthy, status: 'error', database: { status: 'down' } });
    expect(card.querySelector('[role="status"]')?.textContent).toContain('some services are unavailable');
    expect(card.querySelector('dl')?.textContent).toContain('unavailable');
  });

  it('speaks Russian when the user chose it', async () => {
    await TestBed.inject(LanguagePreference).use('ru');
    const card = await render('ok', healthy);
    expect(card.querySelector('h2')?.textContent?.trim()).toBe('Состояние платформы');
    expect(card.querySelector('[role="status"]')?.textContent).toContain(
      'Платформа работает в обычном режиме.',
    );
  });
});
