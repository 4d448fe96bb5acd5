import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SessionResponse, SsoStatus } from '@border-academy/shared-contracts';
import { AUTH_API, authInterceptor, problemInterceptor } from '@border-academy/web-data-access';
import { LanguagePreference, provideI18n } from '@border-academy/web-i18n';
import { SignIn } from './sign-in';

@Component({ template: '<h1>Elsewhere</h1>' })
class Elsewhere {}

const session: SessionResponse = {
  accessToken: 'token',
  accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  user: {
    id: 'u1',
    login: 'n.saidova',
    email: 'n.saidova@example.org',
    fullName: 'Nilufar Saidova',
    language: 'en',
    orgUnitId: 'tj-customs',
    grants: [],
  },
};

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
}

describe('SignIn', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let page: HTMLElement;

  async function open(url: string, sso: SsoStatus = { enabled: false }): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    page = harness.routeNativeElement as HTMLElement;
    http.expectOne(AUTH_API.ssoStatus).flush(sso);
    await settle();
    harness.detectChanges();
  }

  function ssoLink(): HTMLAnchorElement | null {
    return page.querySelector('[data-testid="sso-start"]');
  }

  function field(label: string): HTMLInputElement {
    const labels = Array.from(page.querySelectorAll('mat-label'));
    const formField = labels.find((l) => l.textContent?.trim() === label)?.closest('mat-form-field');
    const input = formField?.querySelector('input');
    if (!input) throw new Error(`no field labelled ${label}`);
    return input;
  }

  function type(label: string, value: string): void {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function submitButton(): HTMLButtonElement {
    return page.querySelector('button[type="submit"]') as HTMLButtonElement;
  }

  async function submit(): Promise<void> {
    submitButton().click();
    await settle();
  }

  function alertText(): string {
    return page.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideRouter(
          [
            { path: 'sign-in', component: SignIn },
            { path: '', component: Elsewhere },
            { path: 'profile', component: Elsewhere },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([problemInterceptor, authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('has labelled fields with the autocomplete hints password managers need', async () => {
    await open('/sign-in');
    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Sign in to Border Academy');
    expect(field('Login or email').getAttribute('autocomplete')).toBe('username');
    expect(field('Password').getAttribute('autocomplete')).toBe('current-password');
    expect(field('Password').type).toBe('password');
    expect(submitButton().textContent?.trim()).toBe('Sign in');
  });

  it('says that the new password is set when the user arrives from a reset link', async () => {
    await open('/sign-in?passwordReset=true');
    expect(page.querySelector('[data-testid="password-reset-done"]')?.textContent?.trim()).toBe(
      'Your new password is set. Sign in with it.',
    );
  });

  it('signs in and returns the user to the page they came from', async () => {
    await open('/sign-in?returnUrl=%2Fprofile');
    type('Login or email', 'n.saidova');
    type('Password', 'correct horse battery');
    await submit();

    const request = http.expectOne(AUTH_API.signIn);
    expect(request.request.body).toEqual({ login: 'n.saidova', password: 'correct horse battery' });
    harness.detectChanges();
    expect(page.querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe('Signing in');
    request.flush(session);
    await settle();

    expect(TestBed.inject(Router).url).toBe('/profile');
  });

  it('goes to the home page, not to another site, when the return address is not inside the app', async () => {
    await open('/sign-in?returnUrl=%2F%2Fevil.example.org');
    type('Login or email', 'n.saidova');
    type('Password', 'correct horse battery');
    await submit();
    http.expectOne(AUTH_API.signIn).flush(session);
    await settle();

    expect(TestBed.inject(Router).url).toBe('/');
  });

  it('says when the login or password is wrong, and clears the password', async () => {
    await open('/sign-in');
    type('Login or email', 'n.saidova');
    type('Password', 'wrong password');
    await submit();
    http
      .expectOne(AUTH_API.signIn)
      .flush({ type: 'about:blank', title: 'Unauthorized', status: 401 }, { status: 401, statusText: '' });
    await settle();
    harness.detectChanges();

    expect(alertText()).toBe('The login or password is not correct. Check them and try again.');
    expect(field('Password').value).toBe('');
    expect(field('Login or email').value).toBe('n.saidova');
    expect(document.querySelector('.mat-mdc-snack-bar-label')).toBeNull();
  });

  it('says until when sign-in is locked, in the user’s language and local time', async () => {
    await TestBed.inject(LanguagePreference).use('ru');
    await open('/sign-in');
    type('Логин или эл. почта', 'n.saidova');
    type('Пароль', 'wrong password');
    await submit();
    const until = '2026-11-28T05:41:20.104Z';
    http.expectOne(AUTH_API.signIn).flush(
      {
        type: 'urn:border-academy:problem:account-locked',
        title: 'Account Locked',
        status: 423,
        detail: `Sign-in is locked after repeated wrong passwords until ${until}; try again then`,
      },
      { status: 423, statusText: 'Locked' },
    );
    await settle();
    harness.detectChanges();

    const time = new Intl.DateTimeFormat('ru', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(until),
    );
    expect(alertText()).toBe(
      `После нескольких неверных паролей вход заблокирован до ${time}. Попробуйте снова после этого времени или попросите администратора разблокировать учётную запись.`,
    );
  });

  it('shows the server’s message when sign-in is locked and it names no time', async () => {
    await open('/sign-in');
    type('Login or email', 'n.saidova');
    type('Password', 'wrong password');
    await submit();
    http.expectOne(AUTH_API.signIn).flush(
      {
        type: 'about:blank',
        title: 'Locked',
        status: 423,
        detail: 'Too many failed attempts. Try again in 15 minutes.',
      },
      { status: 423, statusText: 'Locked' },
    );
    await settle();
    harness.detectChanges();

    expect(alertText()).toBe('Too many failed attempts. Try again in 15 minutes.');
  });

  it('tells an offline user to check the connection, in Russian when they chose Russian', async () => {
    await TestBed.inject(LanguagePreference).use('ru');
    await open('/sign-in');
    type('Логин или эл. почта', 'n.saidova');
    type('Пароль', 'correct horse battery');
    await submit();
    http.expectOne(AUTH_API.signIn).error(new ProgressEvent('error'), { status: 0 });
    await settle();
    harness.detectChanges();

    expect(alertText()).toMatch(/^Похоже, нет подключения к сети/);
  });

  it('asks for the missing fields instead of sending an empty form', async () => {
    await open('/sign-in');
    await submit();
    harness.detectChanges();

    http.expectNone(AUTH_API.signIn);
    expect(page.textContent).toContain('Enter your login or email.');
    expect(page.textContent).toContain('Enter your password.');
  });

  it('shows and hides the typed password with a toggle button', async () => {
    await open('/sign-in');
    const toggle = page.querySelector('[data-testid="password-visibility"]') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-label')).toBe('Show the characters typed');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');

    toggle.click();
    harness.detectChanges();
    expect(field('Password').type).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');

    toggle.click();
    harness.detectChanges();
    expect(field('Password').type).toBe('password');
  });

  it('explains why the user is here when their session ended', async () => {
    await open('/sign-in?returnUrl=%2Fprofile&expired=true');
    expect(page.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      'Your session has ended. Sign in again to continue where you were.',
    );
  });

  describe('single sign-on', () => {
    const sso: SsoStatus = { enabled: true, displayName: 'Customs account' };

    it('offers no single sign-on when the platform is not configured for it', async () => {
      await open('/sign-in');
      expect(ssoLink()).toBeNull();
    });

    it('links to the provider under its name, coming back to the page the user came from', async () => {
      await open('/sign-in?returnUrl=%2Fprofile', sso);
      expect(ssoLink()?.textContent?.trim()).toBe('Sign in with Customs account');
      expect(ssoLink()?.getAttribute('href')).toBe('/api/v1/auth/sso/start?returnTo=%2Fprofile');
    });

    it('never hands the provider a return address outside the app', async () => {
      await open('/sign-in?returnUrl=https%3A%2F%2Fevil.example.org', sso);
      expect(ssoLink()?.getAttribute('href')).toBe('/api/v1/auth/sso/start?returnTo=%2F');
    });

    it('names the provider in Russian too', async () => {
      await TestBed.inject(LanguagePreference).use('ru');
      await open('/sign-in', sso);
      expect(ssoLink()?.textContent?.trim()).toBe('Войти через Customs account');
    });

    it('says why a single sign-on came back without a session', async () => {
      await open('/sign-in?ssoError=suspended', sso);
      expect(alertText()).toBe('Your account on this platform is suspended. Ask your administrator.');
    });

    it('says it in Russian when the user chose Russian', async () => {
      await TestBed.inject(LanguagePreference).use('ru');
      await open('/sign-in?ssoError=expired', sso);
      expect(alertText()).toBe(
        'Вход занял слишком много времени или был начат в другом окне. Попробуйте ещё раз.',
      );
    });

    it('treats an error code it does not know as a failure, and drops the message once the form is used', async () => {
      await open('/sign-in?ssoError=something-new', sso);
      expect(alertText()).toBe(
        'Signing in through your organisation’s account did not work. Try again later, or sign in with your password.',
      );

      type('Login or email', 'n.saidova');
      type('Password', 'correct horse battery');
      await submit();
      harness.detectChanges();
      expect(alertText()).toBe('');
      http.expectOne(AUTH_API.signIn).flush(session);
      await settle();
    });
  });
});
