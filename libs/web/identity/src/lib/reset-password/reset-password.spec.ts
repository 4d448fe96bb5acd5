import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AUTH_API, problemInterceptor } from '@border-academy/web-data-access';
import { provideI18n } from '@border-academy/web-i18n';

import { ResetPassword } from './reset-password';

@Component({ template: '<h1>Sign in</h1>' })
class SignInStub {}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
}

const PASSWORD = 'steppe wind over the pass';

describe('ResetPassword', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let page: HTMLElement;

  const text = (selector: string) =>
    page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  function type(name: 'newPassword' | 'confirmation', value: string): void {
    const input = page.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"]`);
    if (!input) throw new Error(`no field ${name}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    page.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
    harness.detectChanges();
  }

  async function answer(body: object | null, status: number): Promise<void> {
    http.expectOne(AUTH_API.resetPassword).flush(body, { status, statusText: String(status) });
    await settle();
    harness.detectChanges();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideRouter(
          [
            { path: 'reset-password/:token', component: ResetPassword },
            { path: 'sign-in', component: SignInStub },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(withInterceptors([problemInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/reset-password/t0ken-from-the-link');
    page = harness.routeNativeElement as HTMLElement;
    await settle();
    harness.detectChanges();
  });

  afterEach(() => http.verify());

  it('sets the password with the token of the link, then goes to sign in with a message', async () => {
    expect(text('h1')).toBe('Set a new password');
    type('newPassword', PASSWORD);
    type('confirmation', PASSWORD);
    await submit();
    const request = http.expectOne(AUTH_API.resetPassword);
    expect(request.request.body).toEqual({ token: 't0ken-from-the-link', newPassword: PASSWORD });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(TestBed.inject(Router).url).toBe('/sign-in?passwordReset=true');
  });

  it('checks length and repetition here before sending anything', async () => {
    type('newPassword', 'short');
    type('confirmation', 'different');
    await submit();
    http.expectNone(AUTH_API.resetPassword);
    expect(text('mat-error')).toContain('at least 12 characters');
    expect(page.textContent).toContain('The two new passwords are not the same.');
  });

  it('says that a used or expired link is gone, and offers the way to sign in', async () => {
    type('newPassword', PASSWORD);
    type('confirmation', PASSWORD);
    await submit();
    await answer({ type: 'urn:border-academy:problem:reset-link-gone', title: 'Gone', status: 410 }, 410);
    expect(text('[data-testid="reset-link-gone"]')).toBe(
      'This link has expired or was used. Ask your administrator for a new link.',
    );
    expect(page.querySelector('form')).toBeNull();
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/sign-in');
  });

  it('shows the password policy’s refusal beside the field', async () => {
    type('newPassword', 'password1234');
    type('confirmation', 'password1234');
    await submit();
    await answer(
      {
        type: 'urn:border-academy:problem:validation',
        title: 'Bad Request',
        status: 400,
        errors: [
          {
            field: 'newPassword',
            code: 'passwordPolicy',
            message: 'newPassword is one of the most common passwords',
          },
        ],
      },
      400,
    );
    expect(text('mat-error')).toBe('newPassword is one of the most common passwords');
  });

  it('asks to wait after too many attempts', async () => {
    type('newPassword', PASSWORD);
    type('confirmation', PASSWORD);
    await submit();
    await answer({ type: 'about:blank', title: 'Too Many Requests', status: 429 }, 429);
    expect(text('[role="alert"]')).toBe('Too many attempts from this device. Wait a minute and try again.');
  });
});
