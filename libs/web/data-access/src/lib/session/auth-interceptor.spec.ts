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
import { REAUTHENTICATION_PROMPT, ReauthenticationPrompt } from './reauthentication';

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

/** The app's providers around the interceptor; `prompt` stands in for the app's reauthentication dialog. */
async function setUp(
  prompt?: ReauthenticationPrompt,
): Promise<{ http: HttpTestingController; client: HttpClient }> {
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
      ...(prompt ? [{ provide: REAUTHENTICATION_PROMPT, useValue: prompt }] : []),
    ],
  });
  await TestBed.inject(ApplicationInitStatus).donePromise;
  const http = TestBed.inject(HttpTestingController);
  const signedIn = TestBed.inject(AuthSession).signIn({ login: 'trainer', password: 'x'.repeat(12) });
  http.expectOne(AUTH_API.signIn).flush(session('old'));
  await signedIn;
  return { http, client: TestBed.inject(HttpClient) };
}

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;

  beforeEach(async () => {
    ({ http, client } = await setUp());
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

describe('authInterceptor with a reauthentication prompt', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  const asked: string[] = [];
  let answer: 'sign-in' | 'leave';

  // as the dialog does: the person signs in again with the login the session had, or leaves
  const prompt: ReauthenticationPrompt = async (login) => {
    asked.push(login);
    if (answer === 'leave') return false;
    const signedIn = TestBed.inject(AuthSession).signIn({ login, password: 'x'.repeat(12) });
    http.expectOne(AUTH_API.signIn).flush(session('again'));
    await signedIn;
    return true;
  };

  beforeEach(async () => {
    asked.length = 0;
    ({ http, client } = await setUp(prompt));
    await TestBed.inject(Router).navigateByUrl('/drafts');
  });

  afterEach(() => http.verify());

  it('keeps the page while the person signs in again, then sends the refused requests again', async () => {
    answer = 'sign-in';
    const results = Promise.all([
      firstValueFrom(client.post('/api/v1/drafts', { title: 'Typed before the session ended' })),
      firstValueFrom(client.get('/api/v1/courses')),
    ]);
    http.expectOne('/api/v1/drafts').flush(null, unauthorized);
    http.expectOne('/api/v1/courses').flush(null, unauthorized);
    await settle();
    http.expectOne(AUTH_API.refresh).flush(null, unauthorized);
    await settle();

    const replay = http.expectOne('/api/v1/drafts');
    expect(replay.request.headers.get('Authorization')).toBe('Bearer again');
    expect(replay.request.body).toEqual({ title: 'Typed before the session ended' });
    replay.flush({ id: 'd1' });
    http.expectOne('/api/v1/courses').flush([]);

    expect(await results).toEqual([{ id: 'd1' }, []]);
    expect(asked).toEqual(['trainer']);
    expect(TestBed.inject(Router).url).toBe('/drafts');
    expect(TestBed.inject(AuthSession).status()).toBe('signedIn');
  });

  it('ends the session and goes to the sign-in page when the person leaves instead', async () => {
    answer = 'leave';
    const result = firstValueFrom(client.get('/api/v1/drafts')).catch((e: unknown) => e);
    http.expectOne('/api/v1/drafts').flush(null, unauthorized);
    await settle();
    http.expectOne(AUTH_API.refresh).flush(null, unauthorized);
    await settle();

    expect(((await result) as ApiError).status).toBe(401);
    expect(asked).toEqual(['trainer']);
    expect(TestBed.inject(AuthSession).status()).toBe('expired');
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Fdrafts&expired=true');
  });
});
