import { generateKeyPairSync } from 'node:crypto';
import { Server, createServer } from 'node:net';
import { orgUnitsSeed } from '@border-academy/api-db';
import { createTestApp, createTestUser, seedTestDatabase, TestApp } from '@border-academy/api-platform';
import { SessionResponse, SsoStatus } from '@border-academy/shared-contracts';
import Provider from 'oidc-provider';
import { DataSource } from 'typeorm';

import { REFRESH_COOKIE } from '../auth/session-cookie';
import { IdentityModule } from '../identity.module';
import { SSO_STATE_COOKIE } from './sso-state';

const CLIENT_ID = 'border-academy';
const CLIENT_SECRET = 'a client secret only this test knows';

interface TestAccount {
  preferred_username: string;
  email: string;
  name: string;
}

async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * A browser as far as this flow needs one: follows no redirect by itself and keeps the cookies of
 * each host, sending every cookie of the host back (paths are not needed to tell these apart).
 */
class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  async request(url: string, form?: Record<string, string>): Promise<Response> {
    const target = new URL(url);
    const cookies = this.jar.get(target.host) ?? new Map<string, string>();
    const response = await fetch(target, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        ...(cookies.size > 0
          ? { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') }
          : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((attribute) =>
        /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(attribute),
      );
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(target.host, cookies);
    return response;
  }

  cookie(host: string, name: string): string | undefined {
    return this.jar.get(host)?.get(name);
  }

  forget(host: string, name: string): void {
    this.jar.get(host)?.delete(name);
  }
}

describe('single sign-on with OpenID Connect', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let providerServer: ReturnType<Provider['listen']>;
  let apiBase: string;
  let issuer: string;
  const accounts = new Map<string, TestAccount>();

  beforeAll(async () => {
    const [providerPort, apiPort] = [await freePort(), await freePort()];
    issuer = `http://127.0.0.1:${providerPort}`;
    apiBase = `http://127.0.0.1:${apiPort}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [`${apiBase}/api/v1/auth/sso/callback`],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
      cookies: { keys: ['a cookie key only this test knows'] },
      jwks: {
        keys: [
          {
            ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
            kid: 'test-key',
            use: 'sig',
            alg: 'RS256',
          },
        ],
      },
      ttl: { AccessToken: 600, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
      findAccount: (_context, id) => {
        const account = accounts.get(id);
        return account ? { accountId: id, claims: () => ({ sub: id, ...account }) } : undefined;
      },
    });
    providerServer = provider.listen(providerPort, '127.0.0.1');

    testApp = await createTestApp([IdentityModule], {
      OIDC_ISSUER_URL: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_DEFAULT_ORG_UNIT: 'kz-customs',
      OIDC_DEFAULT_ROLE: 'trainer',
      OIDC_DISPLAY_NAME: 'Customs account',
    });
    await testApp.app.listen(apiPort, '127.0.0.1');
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
  });

  afterAll(async () => {
    await testApp?.close();
    await new Promise((resolve) => providerServer?.close(resolve));
  });

  interface Walk {
    /** Signs in as this account at the provider's login page. */
    accountId: string;
    /** Cancels at the provider's login page instead. */
    abort?: boolean;
    /** Stops at the redirect to the API's callback instead of following it. */
    stopAtCallback?: boolean;
  }

  /**
   * Follows the redirects from `response` the way a browser does, signing in and consenting at the
   * provider's pages; answers the API's final redirect (into the app or to the sign-in page).
   */
  async function walk(browser: Browser, response: Response, options: Walk): Promise<Response> {
    for (let step = 0; step < 12; step++) {
      const location = response.headers.get('location');
      if (location) {
        const next = new URL(location, response.url);
        if (next.origin === apiBase && !next.pathname.startsWith('/api/')) return response;
        if (options.stopAtCallback && next.pathname === '/api/v1/auth/sso/callback') return response;
        response = await browser.request(next.href);
        continue;
      }
      const page = await response.text();
      const prompt = page.match(/name="prompt" value="(\w+)"/)?.[1];
      if (response.status !== 200 || !prompt) {
        throw new Error(`unexpected answer ${response.status} from ${response.url}: ${page.slice(0, 300)}`);
      }
      if (options.abort) response = await browser.request(`${response.url}/abort`);
      else if (prompt === 'login') {
        response = await browser.request(response.url, { prompt, login: options.accountId, password: 'any' });
      } else response = await browser.request(response.url, { prompt });
    }
    throw new Error('too many redirects');
  }

  async function start(browser: Browser, returnTo = '/profile'): Promise<Response> {
    return browser.request(`${apiBase}/api/v1/auth/sso/start?returnTo=${encodeURIComponent(returnTo)}`);
  }

  async function signInThroughProvider(
    browser: Browser,
    accountId: string,
    returnTo = '/profile',
  ): Promise<Response> {
    return walk(browser, await start(browser, returnTo), { accountId });
  }

  function redirectOf(response: Response): string {
    return response.headers.get('location') ?? '';
  }

  async function sessionFrom(browser: Browser): Promise<SessionResponse> {
    const refreshToken = browser.cookie(new URL(apiBase).host, REFRESH_COOKIE);
    if (!refreshToken) throw new Error('no refresh cookie');
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { [REFRESH_COOKIE]: refreshToken },
    });
    expect(response.statusCode).toBe(200);
    return response.json<SessionResponse>();
  }

  async function auditActions(
    targetId: string,
  ): Promise<{ action: string; summary: Record<string, unknown> }[]> {
    return dataSource.query(`SELECT action, summary FROM audit_event WHERE target_id = $1 ORDER BY id`, [
      targetId,
    ]);
  }

  it('tells the sign-in page that single sign-on is on, and the button’s name', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/v1/auth/sso' });
    expect(response.statusCode).toBe(200);
    expect(response.json<SsoStatus>()).toEqual({ enabled: true, displayName: 'Customs account' });
  });

  it('sends the browser to the provider with PKCE, state and nonce, kept in a signed httpOnly cookie', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/auth/sso/start?returnTo=%2Fprofile',
      headers: { host: new URL(apiBase).host },
    });
    expect(response.statusCode).toBe(302);
    const target = new URL(String(response.headers.location));
    expect(target.origin).toBe(issuer);
    expect(target.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(target.searchParams.get('redirect_uri')).toBe(`${apiBase}/api/v1/auth/sso/callback`);
    expect(target.searchParams.get('code_challenge_method')).toBe('S256');
    expect(target.searchParams.get('scope')).toBe('openid profile email');
    expect(target.searchParams.get('state')).toBeTruthy();
    expect(target.searchParams.get('nonce')).toBeTruthy();
    const cookie = response.cookies.find((candidate) => candidate.name === SSO_STATE_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/sso' });
    expect(cookie?.value).not.toContain(target.searchParams.get('state'));
  });

  it('creates the person on first sign-in with the default grant, starts a session and returns to the app', async () => {
    accounts.set('subject-aigerim', {
      preferred_username: 'a.nurlanovna',
      email: 'a.nurlanovna@customs.example.kz',
      name: 'Aigerim Nurlanovna',
    });
    const browser = new Browser();

    const finished = await signInThroughProvider(browser, 'subject-aigerim');

    expect(finished.status).toBe(302);
    expect(redirectOf(finished)).toBe('/profile');
    expect(browser.cookie(new URL(apiBase).host, SSO_STATE_COOKIE)).toBeUndefined();
    const refreshCookie = finished.headers
      .getSetCookie()
      .find((header) => header.startsWith(`${REFRESH_COOKIE}=`));
    expect(refreshCookie).toMatch(/HttpOnly/);
    expect(refreshCookie).toMatch(/SameSite=Strict/);

    const session = await sessionFrom(browser);
    expect(session.user).toMatchObject({
      login: 'a.nurlanovna',
      email: 'a.nurlanovna@customs.example.kz',
      fullName: 'Aigerim Nurlanovna',
    });
    const [unit]: { id: string }[] = await dataSource.query(
      `SELECT id FROM org_unit WHERE code = 'kz-customs'`,
    );
    expect(session.user.orgUnitId).toBe(unit?.id);
    expect(session.user.grants).toEqual([expect.objectContaining({ role: 'trainer', orgUnitId: unit?.id })]);

    const me = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ login: 'a.nurlanovna' });

    const [link]: { issuer: string; subject: string }[] = await dataSource.query(
      `SELECT issuer, subject FROM external_identity WHERE user_id = $1`,
      [session.user.id],
    );
    expect(link).toEqual({ issuer, subject: 'subject-aigerim' });
    const actions = await auditActions(session.user.id);
    expect(actions.map((entry) => entry.action)).toEqual(['user.create', 'user.sso-link', 'auth.sign-in']);
    expect(actions[2]?.summary).toMatchObject({ method: 'sso' });
  });

  it('signs the same person in again as the same user, even after their login changed at the provider', async () => {
    accounts.set('subject-timur', {
      preferred_username: 't.bekov',
      email: 't.bekov@customs.example.kz',
      name: 'Timur Bekov',
    });
    const first = new Browser();
    await signInThroughProvider(first, 'subject-timur');
    const { user } = await sessionFrom(first);

    accounts.set('subject-timur', {
      preferred_username: 'timur.bekov',
      email: 'timur.bekov@customs.example.kz',
      name: 'Timur Bekov',
    });
    const second = new Browser();
    expect(redirectOf(await signInThroughProvider(second, 'subject-timur', '/'))).toBe('/');
    const again = await sessionFrom(second);

    expect(again.user.id).toBe(user.id);
    expect(again.user.grants).toHaveLength(1);
    const [{ count }]: { count: string }[] = await dataSource.query(
      `SELECT count(*) FROM app_user WHERE email LIKE '%bekov@customs.example.kz'`,
    );
    expect(count).toBe('1');
  });

  it('links an existing account whose login is the login claim, keeping its grants', async () => {
    const existing = await createTestUser(testApp.app, {
      login: 'd.sadykov',
      orgUnitCode: 'kz-border',
      grants: [['admin', 'kz-border']],
    });
    accounts.set('subject-daniyar', {
      preferred_username: 'D.Sadykov',
      email: 'd.sadykov@border.example.kz',
      name: 'Daniyar Sadykov',
    });
    const browser = new Browser();
    await signInThroughProvider(browser, 'subject-daniyar');

    const { user } = await sessionFrom(browser);
    expect(user.id).toBe(existing.id);
    expect(user.grants.map((grant) => grant.role)).toEqual(['admin']);
  });

  it('refuses a suspended person and says why on the sign-in page', async () => {
    const suspended = await createTestUser(testApp.app, {
      login: 'm.karimova',
      orgUnitCode: 'kz-border',
      grants: [['learner', 'kz-border']],
      status: 'suspended',
    });
    accounts.set('subject-madina', {
      preferred_username: 'm.karimova',
      email: 'm.karimova@border.example.kz',
      name: 'Madina Karimova',
    });
    const browser = new Browser();

    const finished = await signInThroughProvider(browser, 'subject-madina');

    expect(redirectOf(finished)).toBe('/sign-in?ssoError=suspended');
    expect(browser.cookie(new URL(apiBase).host, REFRESH_COOKIE)).toBeUndefined();
    const [failure] = (await auditActions(suspended.id)).filter(
      (entry) => entry.action === 'auth.sign-in-failed',
    );
    expect(failure?.summary).toEqual({ method: 'sso', reason: 'suspended' });
    // the refused sign-in leaves nothing behind: no link to the account
    const links: unknown[] = await dataSource.query(`SELECT 1 FROM external_identity WHERE user_id = $1`, [
      suspended.id,
    ]);
    expect(links).toHaveLength(0);
  });

  it('refuses a callback whose state is not the one in the cookie', async () => {
    accounts.set('subject-erlan', {
      preferred_username: 'e.asanov',
      email: 'e.asanov@customs.example.kz',
      name: 'Erlan Asanov',
    });
    const browser = new Browser();
    const first = await start(browser);
    // a second start in another window replaces the state cookie
    expect((await start(browser)).status).toBe(302);
    const response = await walk(browser, first, { accountId: 'subject-erlan', stopAtCallback: true });
    const callback = await browser.request(redirectOf(response));

    expect(redirectOf(callback)).toBe('/sign-in?ssoError=expired');
    const created: unknown[] = await dataSource.query(`SELECT 1 FROM app_user WHERE login = 'e.asanov'`);
    expect(created).toHaveLength(0);
  });

  it('refuses a callback without the state cookie, or with one that was altered', async () => {
    const browser = new Browser();
    await browser.request(`${apiBase}/api/v1/auth/sso/start`);
    const sealed = browser.cookie(new URL(apiBase).host, SSO_STATE_COOKIE) ?? '';
    const [payload = '', signature = ''] = sealed.split('.');
    const state = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      state: string;
      returnTo: string;
    };
    const altered = Buffer.from(JSON.stringify({ ...state, returnTo: '/admin' })).toString('base64url');

    const cookieSets: Record<string, string>[] = [{}, { [SSO_STATE_COOKIE]: `${altered}.${signature}` }];
    for (const cookies of cookieSets) {
      const response = await testApp.app.inject({
        method: 'GET',
        url: `/api/v1/auth/sso/callback?code=abc&state=${state.state}`,
        cookies,
      });
      expect(response.statusCode).toBe(302);
      expect(response.headers.location).toBe('/sign-in?ssoError=expired');
    }
  });

  it('returns to the sign-in page when the person cancels at the provider', async () => {
    const browser = new Browser();
    const answer = await walk(browser, await start(browser), { accountId: 'nobody', abort: true });

    expect(redirectOf(answer)).toBe('/sign-in?ssoError=denied');
  });

  it('refuses an account the provider names without a usable login', async () => {
    accounts.set('subject-no-login', {
      preferred_username: 'not a login!',
      email: 'someone@customs.example.kz',
      name: 'Someone',
    });
    const finished = await signInThroughProvider(new Browser(), 'subject-no-login');
    expect(redirectOf(finished)).toBe('/sign-in?ssoError=claims');
  });

  it('keeps the return address inside the app', async () => {
    accounts.set('subject-olga', {
      preferred_username: 'o.petrova',
      email: 'o.petrova@customs.example.kz',
      name: 'Olga Petrova',
    });
    const finished = await signInThroughProvider(new Browser(), 'subject-olga', '//evil.example.org/x');
    expect(redirectOf(finished)).toBe('/');
  });
});
