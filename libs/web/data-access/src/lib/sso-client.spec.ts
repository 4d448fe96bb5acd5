import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { NOTIFY_ON_ERROR } from './error-notification';
import { SsoClient } from './sso-client';

describe('SsoClient', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] }),
  );

  it('reads whether single sign-on is offered, without a global error notice', async () => {
    const status = firstValueFrom(TestBed.inject(SsoClient).status());
    const request = TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/sso');
    expect(request.request.context.get(NOTIFY_ON_ERROR)).toBe(false);
    request.flush({ enabled: true, displayName: 'Agency account' });
    expect(await status).toEqual({ enabled: true, displayName: 'Agency account' });
  });

  it('offers no single sign-on when the platform cannot say', async () => {
    const status = firstValueFrom(TestBed.inject(SsoClient).status());
    TestBed.inject(HttpTestingController)
      .expectOne('/api/v1/auth/sso')
      .flush(null, { status: 503, statusText: 'Service Unavailable' });
    expect(await status).toEqual({ enabled: false });
  });

  it('starts at the API with the path to come back to', () => {
    expect(TestBed.inject(SsoClient).startUrl('/admin/users?page=2')).toBe(
      '/api/v1/auth/sso/start?returnTo=%2Fadmin%2Fusers%3Fpage%3D2',
    );
  });
});
