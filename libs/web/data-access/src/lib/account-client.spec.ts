import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { AccountClient } from './account-client';
import { NOTIFY_ON_ERROR } from './error-notification';
import { OrgUnitClient } from './org-unit-client';

describe('account and org-unit clients', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] }),
  );

  it('changes the password with POST /api/v1/auth/password, leaving errors to the form', async () => {
    const done = firstValueFrom(
      TestBed.inject(AccountClient).changePassword({ currentPassword: 'old', newPassword: 'new' }),
    );
    const request = TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/password');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ currentPassword: 'old', newPassword: 'new' });
    expect(request.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;
  });

  it('sets a password with a reset link’s token, leaving errors to the page', async () => {
    const done = firstValueFrom(
      TestBed.inject(AccountClient).resetPassword({ token: 'tok', newPassword: 'a long new passphrase' }),
    );
    const request = TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/reset-password');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ token: 'tok', newPassword: 'a long new passphrase' });
    expect(request.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;
  });

  it('reads one org unit by its id', async () => {
    const unit = firstValueFrom(TestBed.inject(OrgUnitClient).get('kg/1'));
    const request = TestBed.inject(HttpTestingController).expectOne('/api/v1/org-units/kg%2F1');
    expect(request.request.method).toBe('GET');
    request.flush({ id: 'kg/1', name: { en: 'Customs' } });
    expect((await unit).name.en).toBe('Customs');
  });
});
