import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SessionResponse } from '@border-academy/shared-contracts';
import {
  AUTH_API,
  AuthSession,
  REAUTHENTICATION_PROMPT,
  authInterceptor,
  problemInterceptor,
} from '@border-academy/web-data-access';
import { provideI18n } from '@border-academy/web-i18n';

import { SESSION_EXPIRED_BACKDROP, provideSessionExpiredDialog } from './provide-session-expired-dialog';

const session: SessionResponse = {
  accessToken: 'again',
  accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  user: {
    id: 'u1',
    login: 'kz.trainer',
    email: 'kz.trainer@example.kz',
    fullName: 'Kazakhstan Border Service Trainer',
    language: 'en',
    orgUnitId: 'kz-border',
    grants: [],
  },
};

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve));
  TestBed.tick();
}

function dialog(): HTMLElement {
  const element = document.querySelector('ba-session-expired-dialog');
  if (!element) throw new Error('no dialog open');
  return element as HTMLElement;
}

function typePassword(value: string): void {
  const input = dialog().querySelector('input[type="password"]') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

function button(name: RegExp): HTMLButtonElement {
  const found = Array.from(dialog().querySelectorAll('button')).find((b) => name.test(b.textContent ?? ''));
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

describe('the session-expired dialog', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(withInterceptors([problemInterceptor, authInterceptor])),
        provideHttpClientTesting(),
        provideSessionExpiredDialog(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => overlay.replaceChildren());
  });

  it('signs the same person in again over a hidden page, saying why a password was refused', async () => {
    const answer = TestBed.inject(REAUTHENTICATION_PROMPT)('kz.trainer');
    await settle();
    expect(dialog().textContent).toContain('Your session has ended');
    expect(dialog().querySelector('[data-testid="reauthenticate-login"]')?.textContent).toContain(
      'kz.trainer',
    );
    expect(document.querySelector(`.${SESSION_EXPIRED_BACKDROP}`)).not.toBeNull();

    typePassword('not the password');
    button(/Sign in again/).click();
    await settle();
    const wrong = http.expectOne(AUTH_API.signIn);
    expect(wrong.request.body).toEqual({ login: 'kz.trainer', password: 'not the password' });
    wrong.flush(
      { type: 'urn:border-academy:problem:invalid-credentials', title: 'Unauthorized', status: 401 },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle();
    expect(dialog().querySelector('[role="alert"]')?.textContent).toContain(
      'The login or password is not correct',
    );

    typePassword('BorderAcademy-2026!');
    button(/Sign in again/).click();
    await settle();
    http.expectOne(AUTH_API.signIn).flush(session);

    expect(await answer).toBe(true);
    expect(TestBed.inject(AuthSession).accessToken).toBe('again');
    expect(document.querySelector('ba-session-expired-dialog')).toBeNull();
  });

  it('answers false when the person signs out instead', async () => {
    const answer = TestBed.inject(REAUTHENTICATION_PROMPT)('kz.trainer');
    await settle();
    button(/Sign out/).click();
    expect(await answer).toBe(false);
  });
});
