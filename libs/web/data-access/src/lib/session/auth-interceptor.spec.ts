import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { SessionResponse } from '@border-academy/shared-contracts';
import { provideI18n } from '@border-academy/web-i18n';
import { ApiError } from '../api-error';
import { problemInterceptor } from '../problem-interceptor';
import { requireSignedIn } from './auth-guards';
import { authInterceptor } from './auth-interceptor';
import { AUTH_API, AuthSession } from './auth-session';

@Component({ template: '' })
class Blank {}

function session(token: string): SessionResponse {
  return {
    accessToken: token,
    accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    user: {
      id: 'u1',
      login: 'trainer',
      email: 'trainer@example.org',
      fullName: 'Dilnoza Rashidova',
      language: 'en',
      orgUnitId: 'academy',
      grants: [{ id: 'g1', role: 'trainer', orgUnitId: 'academy', orgUnitName: { en: 'Academy' } }],
    },
  };
}

const unauthorized = { status: 401, statusText: 'Unauthorized' };

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve));
}

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideRouter([
          { path: 'sign-in', component: Blank },
          {
            path: 'drafts',
            component: Blank,
            canActivate: [requireSignedIn],
            runGuardsAndResolvers: 'always',
          },
        ]),
        provideHttpClient(withInterceptors([problemInterceptor, authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    const signedIn = TestBed.inject(AuthSession).signIn({ login: 'trainer', password: 'x'.repeat(12) });
    http.expectOne(AUTH_API.signIn).flush(session('old'));
    await signedIn;
  });

  afterEach(() => http.verify());

  it('renews an expired token once and replays the request with the new one', async () => {
    const result = firstValueFrom(client.post('/api/v1/courses', { title: 'Risk analysis' }));
    const first = http.expectOne('/api/v1/courses');
    expect(first.request.headers.get('Authorization')).toBe('Bearer old');
    first.flush(null, unauthorized);
    await settle();

    http.expectOne(AUTH_API.refresh).flush(session('new'));
    await settle();
    const replay = http.expectOne('/api/v1/courses');
    expect(replay.request.headers.get('Authorization')).toBe('Bearer new');
    expect(replay.request.body).toEqual({ title: 'Risk analysis' });
    replay.flush({ id: 'c1' });

    expect(await result).toEqual({ id: 'c1' });
  });

  it('renews once for several requests that fail together', async () => {
    const results = Promise.all([
      firstValueFrom(client.get('/api/v1/a')),
      firstValueFrom(client.get('/api/v1/b')),
    ]);
    http.expectOne('/api/v1/a').flush(null, unauthorized);
    http.expectOne('/api/v1/b').flush(null, unauthorized);
    await settle();

    http.expectOne(AUTH_API.refresh).flush(session('new'));
    await settle();
    http.expectOne('/api/v1/a').flush('a');
    http.expectOne('/api/v1/b').flush('b');

    expect(await results).toEqual(['a', 'b']);
  });

  it('ends the session when renewal is refused and sends the private page to sign in, quietly', async () => {
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/drafts');
    const result = firstValueFrom(client.get('/api/v1/drafts')).catch((e: unknown) => e);
    http.expectOne('/api/v1/drafts').flush(null, unauthorized);
    await settle();
    http.expectOne(AUTH_API.refresh).flush(null, unauthorized);
    await settle();

    const error = await result;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(TestBed.inject(AuthSession).status()).toBe('expired');
    expect(router.url).toBe('/sign-in?returnUrl=%2Fdrafts&expired=true');
    TestBed.tick();
    expect(document.querySelector('.mat-mdc-snack-bar-label')).toBeNull();
  });

  it('does not try to renew when the sign-in itself is refused', async () => {
    const result = firstValueFrom(client.post(AUTH_API.signIn, { login: 'x', password: 'y' })).catch(
      (e: unknown) => e,
    );
    http.expectOne(AUTH_API.signIn).flush(null, unauthorized);
    await settle();

    http.expectNone(AUTH_API.refresh);
    expect(((await result) as ApiError).status).toBe(401);
  });

  it('passes other failures through untouched', async () => {
    const result = firstValueFrom(client.get('/api/v1/forbidden')).catch((e: unknown) => e);
    http.expectOne('/api/v1/forbidden').flush(null, { status: 403, statusText: 'Forbidden' });

    expect(((await result) as ApiError).status).toBe(403);
    http.expectNone(AUTH_API.refresh);
  });

  it('does not renew when a wrong password is refused on a protected route, so it is not tried twice', async () => {
    const result = firstValueFrom(
      client.post(AUTH_API.password, { currentPassword: 'wrong', newPassword: 'x'.repeat(12) }),
    ).catch((e: unknown) => e);
    http
      .expectOne(AUTH_API.password)
      .flush(
        { type: 'urn:border-academy:problem:invalid-credentials', title: 'Unauthorized', status: 401 },
        unauthorized,
      );
    await settle();

    http.expectNone(AUTH_API.refresh);
    expect(((await result) as ApiError).status).toBe(401);
    expect(TestBed.inject(AuthSession).status()).toBe('signedIn');
  });
});
