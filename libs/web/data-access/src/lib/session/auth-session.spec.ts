import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { CurrentUser, SessionResponse } from '@border-academy/shared-contracts';
import { LanguagePreference, provideI18n } from '@border-academy/web-i18n';
import { ApiError } from '../api-error';
import { problemInterceptor } from '../problem-interceptor';
import { requireSignedIn } from './auth-guards';
import { authInterceptor } from './auth-interceptor';
import { BroadcastChannel as NodeBroadcastChannel } from 'node:worker_threads';
import { AUTH_API, AuthSession, SESSION_CHANNEL } from './auth-session';

@Component({ template: '' })
class Blank {}

const officer: CurrentUser = {
  id: 'u1',
  login: 'a.karimov',
  email: 'a.karimov@example.org',
  fullName: 'Aibek Karimov',
  language: 'ru',
  orgUnitId: 'post-1',
  grants: [{ id: 'g1', role: 'learner', orgUnitId: 'post-1', orgUnitName: { en: 'Dostuk post' } }],
};

function session(token: string, expiresInMs = 15 * 60_000): SessionResponse {
  return {
    accessToken: token,
    accessTokenExpiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    user: officer,
  };
}

const unauthorized = { status: 401, statusText: 'Unauthorized' };

describe('AuthSession', () => {
  let http: HttpTestingController;
  let auth: AuthSession;

  beforeEach(async () => {
    localStorage.clear();
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideI18n(),
        provideRouter([
          { path: '', component: Blank },
          { path: 'sign-in', component: Blank },
          {
            path: 'private',
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
    auth = TestBed.inject(AuthSession);
  });

  afterEach(() => {
    http.verify();
    jest.useRealTimers();
  });

  async function signIn(token = 'token-1', expiresInMs?: number): Promise<void> {
    const done = auth.signIn({ login: 'a.karimov', password: 'correct horse battery' });
    http.expectOne(AUTH_API.signIn).flush(session(token, expiresInMs));
    await done;
  }

  it('signs in, keeps the token in memory only and speaks the user’s language', async () => {
    const done = auth.signIn({ login: 'a.karimov', password: 'correct horse battery' });
    const request = http.expectOne(AUTH_API.signIn);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ login: 'a.karimov', password: 'correct horse battery' });
    request.flush(session('token-1'));

    expect(await done).toEqual(officer);
    expect(auth.signedIn()).toBe(true);
    expect(auth.user()?.fullName).toBe('Aibek Karimov');
    expect(auth.hasRole('learner')).toBe(true);
    expect(auth.hasRole('admin')).toBe(false);
    expect(auth.accessToken).toBe('token-1');
    expect(TestBed.inject(LanguagePreference).active()).toBe('ru');
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    expect(stored).not.toContain('token-1');
  });

  it('rejects a wrong password with the typed error and stays signed out', async () => {
    const done = auth.signIn({ login: 'a.karimov', password: 'wrong password!' }).catch((e: unknown) => e);
    http
      .expectOne(AUTH_API.signIn)
      .flush({ type: 'about:blank', title: 'Unauthorized', status: 401 }, unauthorized);

    const error = await done;
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(auth.signedIn()).toBe(false);
    expect(auth.accessToken).toBeNull();
  });

  it('restores the session of the refresh cookie at start, once', async () => {
    const first = auth.restore();
    const second = auth.restore();
    http.expectOne(AUTH_API.refresh).flush(session('restored'));
    await Promise.all([first, second]);

    expect(auth.status()).toBe('signedIn');
    expect(auth.accessToken).toBe('restored');
  });

  it('treats a refused restore as signed out, silently', async () => {
    const done = auth.restore();
    http.expectOne(AUTH_API.refresh).flush(null, unauthorized);
    await done;

    expect(auth.status()).toBe('signedOut');
    // a notification would arrive after its snack bar's code has loaded
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.querySelector('.mat-mdc-snack-bar-label')).toBeNull();
  });

  it('signs out: tells the server, forgets user and token, and shows the sign-in page', async () => {
    await signIn();
    const done = auth.signOut();
    const request = http.expectOne(AUTH_API.signOut);
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-1');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;

    expect(auth.status()).toBe('signedOut');
    expect(auth.user()).toBeNull();
    expect(auth.accessToken).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/sign-in');
  });

  it('stays signed out when a renewal under way answers after the sign-out', async () => {
    await signIn();
    const renewal = auth.refresh();
    const signedOut = auth.signOut();
    http.expectOne(AUTH_API.signOut).flush(null, { status: 204, statusText: 'No Content' });
    await signedOut;
    http.expectOne(AUTH_API.refresh).flush(session('late'));

    expect(await renewal).toBe(false);
    expect(auth.status()).toBe('signedOut');
    expect(auth.accessToken).toBeNull();
  });

  it('signs out everywhere through its own route, and forgets the session even when offline', async () => {
    await signIn();
    const done = auth.signOut({ everywhere: true });
    http.expectOne(AUTH_API.signOutEverywhere).error(new ProgressEvent('error'), { status: 0 });
    await done;

    expect(auth.user()).toBeNull();
    expect(auth.accessToken).toBeNull();
  });

  it('renews the access token shortly before it expires', async () => {
    jest.useFakeTimers();
    await signIn('token-1', 10 * 60_000);

    jest.advanceTimersByTime(8 * 60_000);
    http.expectNone(AUTH_API.refresh);
    jest.advanceTimersByTime(60_000);
    http.expectOne(AUTH_API.refresh).flush(session('token-2'));
    await Promise.resolve();
    await Promise.resolve();

    expect(auth.accessToken).toBe('token-2');
  });

  it('ends the session when the renewal is refused, sending a private page to sign-in', async () => {
    const router = TestBed.inject(Router);
    jest.useFakeTimers();
    await signIn('token-1', 2 * 60_000);
    await router.navigateByUrl('/private');

    jest.advanceTimersByTime(60_000);
    http.expectOne(AUTH_API.refresh).flush(null, unauthorized);
    jest.useRealTimers();
    for (let i = 0; i < 20 && router.url === '/private'; i++) await new Promise((r) => setTimeout(r));

    expect(auth.status()).toBe('expired');
    expect(auth.user()).toBeNull();
    expect(router.url).toBe('/sign-in?returnUrl=%2Fprivate&expired=true');
  });

  it('sends the session token with API requests only', async () => {
    await signIn();
    const client = TestBed.inject(HttpClient);
    firstValueFrom(client.get('/api/v1/me')).catch(() => undefined);
    firstValueFrom(client.get('https://tiles.example.org/map.png')).catch(() => undefined);

    expect(http.expectOne('/api/v1/me').request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(http.expectOne('https://tiles.example.org/map.png').request.headers.has('Authorization')).toBe(
      false,
    );
  });

  describe('with other tabs of the browser', () => {
    let otherTab: NodeBroadcastChannel;

    beforeAll(() => {
      // jsdom has no BroadcastChannel; Node's delivers between instances in one process, like tabs.
      Object.assign(globalThis, { BroadcastChannel: NodeBroadcastChannel });
    });

    afterAll(() => {
      Reflect.deleteProperty(globalThis, 'BroadcastChannel');
    });

    beforeEach(() => {
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({
        providers: [
          provideI18n(),
          provideRouter([
            { path: 'sign-in', component: Blank },
            {
              path: 'private',
              component: Blank,
              canActivate: [requireSignedIn],
              runGuardsAndResolvers: 'always',
            },
          ]),
          provideHttpClient(withInterceptors([problemInterceptor, authInterceptor])),
          provideHttpClientTesting(),
        ],
      });
      http = TestBed.inject(HttpTestingController);
      auth = TestBed.inject(AuthSession);
      otherTab = new NodeBroadcastChannel(SESSION_CHANNEL);
    });

    afterEach(() => otherTab.close());

    it('tells the other tabs when the user signs out here', async () => {
      const told = new Promise<unknown>((resolve) =>
        otherTab.addEventListener('message', (event) => resolve((event as { data?: unknown }).data)),
      );
      await signIn();
      const done = auth.signOut();
      http.expectOne(AUTH_API.signOut).flush(null, { status: 204, statusText: 'No Content' });
      await done;

      expect(await told).toBe('signed-out');
    });

    it('leaves a private page when the user signed out in another tab', async () => {
      const router = TestBed.inject(Router);
      await signIn();
      await router.navigateByUrl('/private');

      otherTab.postMessage('signed-out');
      for (let i = 0; i < 50 && router.url === '/private'; i++) await new Promise((r) => setTimeout(r, 5));

      expect(auth.user()).toBeNull();
      expect(auth.accessToken).toBeNull();
      expect(router.url).toBe('/sign-in?returnUrl=%2Fprivate');
    });
  });
});
