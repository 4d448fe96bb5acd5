import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { SessionResponse } from '@border-academy/shared-contracts';
import { AUTH_API, AuthSession, authInterceptor, problemInterceptor } from '@border-academy/web-data-access';
import { LANGUAGE_STORAGE_KEY, LanguagePreference, provideI18n } from '@border-academy/web-i18n';
import { Profile } from './profile';

const session: SessionResponse = {
  accessToken: 'token',
  accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
  user: {
    id: 'u1',
    login: 'b.toktogulov',
    email: 'b.toktogulov@example.org',
    fullName: 'Bakyt Toktogulov',
    fullNameCyrillic: 'Бакыт Токтогулов',
    language: 'en',
    orgUnitId: 'kg-customs',
    grants: [
      {
        id: 'g1',
        role: 'learner',
        orgUnitId: 'kg-customs',
        orgUnitName: { en: 'Customs Service', ru: 'Таможенная служба' },
      },
      { id: 'g2', role: 'trainer', orgUnitId: 'kg', orgUnitName: { en: 'Kyrgyzstan', ru: 'Кыргызстан' } },
    ],
  },
};

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
}

describe('Profile', () => {
  let fixture: ComponentFixture<Profile>;
  let page: HTMLElement;
  let http: HttpTestingController;

  function field(label: string): HTMLInputElement {
    const labels = Array.from(page.querySelectorAll('mat-label'));
    const input = labels
      .find((l) => l.textContent?.trim() === label)
      ?.closest('mat-form-field')
      ?.querySelector('input');
    if (!input) throw new Error(`no field labelled ${label}`);
    return input;
  }

  function type(label: string, value: string): void {
    const input = field(label);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function errorsOf(label: string): string[] {
    const formField = field(label).closest('mat-form-field');
    return Array.from(formField?.querySelectorAll('mat-error') ?? []).map((e) => e.textContent?.trim() ?? '');
  }

  async function submitPassword(): Promise<void> {
    (page.querySelector('form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(withInterceptors([problemInterceptor, authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    const signedIn = TestBed.inject(AuthSession).signIn({ login: 'b.toktogulov', password: 'x'.repeat(12) });
    http.expectOne(AUTH_API.signIn).flush(session);
    await signedIn;
    fixture = TestBed.createComponent(Profile);
    page = fixture.nativeElement as HTMLElement;
    // Not whenStable(): the unit's request stays open until each test answers it.
    fixture.detectChanges();
  });

  afterEach(() => http.verify());

  it('shows the user’s name, login, email, unit and roles with their scope', async () => {
    http
      .expectOne('/api/v1/org-units/kg-customs')
      .flush({ id: 'kg-customs', name: { en: 'Customs Service of Kyrgyzstan' } });
    await fixture.whenStable();

    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Your profile');
    const details = page.querySelector('.details')?.textContent ?? '';
    expect(details).toContain('Bakyt Toktogulov');
    expect(details).toContain('Бакыт Токтогулов');
    expect(details).toContain('b.toktogulov@example.org');
    expect(page.querySelector('[data-testid="profile-unit"]')?.textContent?.trim()).toBe(
      'Customs Service of Kyrgyzstan',
    );
    const roles = Array.from(page.querySelectorAll('.roles li')).map((li) => li.textContent?.trim());
    expect(roles).toEqual(['Learner — Customs Service', 'Trainer — Kyrgyzstan']);
  });

  it('says so when the unit cannot be loaded', async () => {
    http.expectOne('/api/v1/org-units/kg-customs').error(new ProgressEvent('error'), { status: 0 });
    await fixture.whenStable();
    expect(page.querySelector('[data-testid="profile-unit"]')?.textContent?.trim()).toBe(
      'The unit could not be loaded right now.',
    );
  });

  it('switches the interface language and remembers it', async () => {
    http
      .expectOne('/api/v1/org-units/kg-customs')
      .flush({ id: 'kg-customs', name: { en: 'Customs', ru: 'Таможня' } });
    await fixture.whenStable();
    const russian = Array.from(page.querySelectorAll<HTMLInputElement>('mat-radio-button input')).find(
      (input) => input.value === 'ru',
    );
    russian?.click();
    await settle();
    await fixture.whenStable();

    expect(TestBed.inject(LanguagePreference).active()).toBe('ru');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ru');
    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Ваш профиль');
    expect(page.querySelector('[data-testid="profile-unit"]')?.textContent?.trim()).toBe('Таможня');
  });

  describe('changing the password', () => {
    beforeEach(async () => {
      http.expectOne('/api/v1/org-units/kg-customs').flush({ id: 'kg-customs', name: { en: 'Customs' } });
      await fixture.whenStable();
    });

    it('refuses a short new password and a confirmation that differs, before asking the server', async () => {
      type('Current password', 'old password 1');
      type('New password', 'short');
      type('Repeat the new password', 'different');
      await submitPassword();

      http.expectNone(AUTH_API.password);
      expect(errorsOf('New password')).toEqual(['The new password needs at least 12 characters.']);
      expect(errorsOf('Repeat the new password')).toEqual(['The two new passwords are not the same.']);
    });

    it('changes it and says so, clearing the form', async () => {
      type('Current password', 'old password 1');
      type('New password', 'a much longer passphrase');
      type('Repeat the new password', 'a much longer passphrase');
      await submitPassword();

      const request = http.expectOne(AUTH_API.password);
      expect(request.request.body).toEqual({
        currentPassword: 'old password 1',
        newPassword: 'a much longer passphrase',
      });
      request.flush(null, { status: 204, statusText: 'No Content' });
      await settle();
      await fixture.whenStable();

      expect(page.querySelector('[role="status"]')?.textContent?.trim()).toBe(
        'Your password has been changed.',
      );
      expect(field('Current password').value).toBe('');
    });

    it('shows the server’s field errors next to their fields', async () => {
      type('Current password', 'not my password');
      type('New password', 'password12345');
      type('Repeat the new password', 'password12345');
      await submitPassword();

      http.expectOne(AUTH_API.password).flush(
        {
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          errors: [
            { field: 'currentPassword', message: 'The current password is not correct.', code: 'wrong' },
            { field: 'newPassword', message: 'This password is too common.', code: 'common' },
          ],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();
      await fixture.whenStable();

      expect(errorsOf('Current password')).toEqual(['The current password is not correct.']);
      expect(errorsOf('New password')).toEqual(['This password is too common.']);
    });

    it('says so beside the field when the current password is wrong', async () => {
      type('Current password', 'not my password');
      type('New password', 'a much longer passphrase');
      type('Repeat the new password', 'a much longer passphrase');
      await submitPassword();

      http
        .expectOne(AUTH_API.password)
        .flush(
          { type: 'urn:border-academy:problem:invalid-credentials', title: 'Unauthorized', status: 401 },
          { status: 401, statusText: 'Unauthorized' },
        );
      await settle();
      await fixture.whenStable();

      expect(errorsOf('Current password')).toEqual(['The current password is not correct.']);
      http.expectNone(AUTH_API.refresh);
    });

    it('shows a failure without field errors above the button', async () => {
      type('Current password', 'old password 1');
      type('New password', 'a much longer passphrase');
      type('Repeat the new password', 'a much longer passphrase');
      await submitPassword();

      http.expectOne(AUTH_API.password).error(new ProgressEvent('error'), { status: 0 });
      await settle();
      await fixture.whenStable();

      expect(page.querySelector('[role="alert"]')?.textContent?.trim()).toMatch(/^You appear to be offline/);
    });
  });
});
