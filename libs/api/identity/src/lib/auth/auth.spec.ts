import { orgUnitsSeed } from '@border-academy/api-db';
import { createTestApp, createTestUser, seedTestDatabase, TestApp } from '@border-academy/api-platform';
import {
  CurrentUser,
  PROBLEM_CONTENT_TYPE,
  ProblemDetails,
  SessionResponse,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { IdentityModule } from '../identity.module';
import { hashPassword } from '../password/password-hasher';
import { REFRESH_COOKIE } from './session-cookie';

const PASSWORD = 'river lamp crossing nine';

describe('sign-in and sessions', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let passwordHash: string;

  beforeAll(async () => {
    testApp = await createTestApp([IdentityModule], { SIGN_IN_ATTEMPTS_PER_MINUTE: '1000' });
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
    passwordHash = await hashPassword(PASSWORD);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  let counter = 0;
  async function newUser(
    grants: Parameters<typeof createTestUser>[1]['grants'] = [['learner', 'kz-border']],
  ) {
    counter += 1;
    return createTestUser(testApp.app, {
      login: `officer.${counter}`,
      orgUnitCode: 'kz-border',
      grants,
      passwordHash,
    });
  }

  async function signIn(login: string, password = PASSWORD) {
    return testApp.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { login, password } });
  }

  function refreshCookieOf(response: Awaited<ReturnType<typeof signIn>>): string {
    const cookie = response.cookies.find((candidate) => candidate.name === REFRESH_COOKIE);
    if (!cookie?.value) throw new Error('no refresh cookie');
    return cookie.value;
  }

  async function refresh(token: string) {
    return testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      cookies: { [REFRESH_COOKIE]: token },
    });
  }

  async function me(accessToken: string) {
    return testApp.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${accessToken}` },
    });
  }

  it('signs in by login or e-mail, in any case, and sets an httpOnly, SameSite=Strict refresh cookie on the auth path', async () => {
    const user = await newUser();
    for (const login of [user.login, user.login.toUpperCase(), `${user.login}@example.org`]) {
      const response = await signIn(login);
      expect(response.statusCode).toBe(200);
      const body = response.json() as SessionResponse;
      expect(body.user).toMatchObject({ id: user.id, login: user.login, grants: [{ role: 'learner' }] });
      expect(Date.parse(body.accessTokenExpiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
      const cookie = response.cookies.find((candidate) => candidate.name === REFRESH_COOKIE);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });
      expect(cookie?.secure).toBeFalsy();
    }
  });

  it('stores only the hash of a refresh token', async () => {
    const user = await newUser();
    const token = refreshCookieOf(await signIn(user.login));
    const rows: { token_hash: string }[] = await dataSource.query(
      `SELECT token_hash FROM auth_session WHERE user_id = $1`,
      [user.id],
    );
    expect(rows.map((row) => row.token_hash)).not.toContain(token);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.token_hash) || row.token_hash.includes('-'))).toBe(
      true,
    );
  });

  it('answers GET /me with the signed-in user, and 401 without a token', async () => {
    const user = await newUser();
    const session = (await signIn(user.login)).json() as SessionResponse;
    const response = await me(session.accessToken);
    expect(response.statusCode).toBe(200);
    expect((response.json() as CurrentUser).grants[0]?.orgUnitName.en).toBe('Border Service of Kazakhstan');

    const anonymous = await testApp.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
  });

  it('refuses a wrong password and an unknown login with the same 401', async () => {
    const user = await newUser();
    const wrong = await signIn(user.login, 'not the password at all');
    const unknown = await signIn('nobody.here', PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect((wrong.json() as ProblemDetails).detail).toBe((unknown.json() as ProblemDetails).detail);
  });

  it('rotates the refresh token on every use', async () => {
    const user = await newUser();
    const first = refreshCookieOf(await signIn(user.login));
    const refreshed = await refresh(first);
    expect(refreshed.statusCode).toBe(200);
    const second = refreshCookieOf(refreshed);
    expect(second).not.toBe(first);
    expect((await me((refreshed.json() as SessionResponse).accessToken)).statusCode).toBe(200);
    expect((await refresh(second)).statusCode).toBe(200);
  });

  it('a rotated refresh token, reused, revokes the session family', async () => {
    const user = await newUser();
    const stolen = refreshCookieOf(await signIn(user.login));
    const legitimate = await refresh(stolen);
    const current = refreshCookieOf(legitimate);
    const accessToken = (legitimate.json() as SessionResponse).accessToken;

    const replay = await refresh(stolen);
    expect(replay.statusCode).toBe(401);
    expect((replay.json() as ProblemDetails).detail).toMatch(/already used/);

    expect((await refresh(current)).statusCode).toBe(401);
    expect((await me(accessToken)).statusCode).toBe(401);
    const live: unknown[] = await dataSource.query(
      `SELECT 1 FROM auth_session
        WHERE revoked_at IS NULL
          AND family_id = (SELECT family_id FROM auth_session WHERE token_hash = encode(sha256($1::bytea), 'hex'))`,
      [stolen],
    );
    expect(live).toHaveLength(0);
    const audit: unknown[] = await dataSource.query(
      `SELECT 1 FROM audit_event WHERE action = 'auth.refresh-reuse' AND target_id = $1`,
      [user.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('signs out of this session only', async () => {
    const user = await newUser();
    const here = await signIn(user.login);
    const elsewhere = await signIn(user.login);
    const signOut = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies: { [REFRESH_COOKIE]: refreshCookieOf(here) },
    });
    expect(signOut.statusCode).toBe(204);
    expect((await me((here.json() as SessionResponse).accessToken)).statusCode).toBe(401);
    expect((await refresh(refreshCookieOf(here))).statusCode).toBe(401);
    expect((await me((elsewhere.json() as SessionResponse).accessToken)).statusCode).toBe(200);
  });

  it('signs out everywhere', async () => {
    const user = await newUser();
    const here = await signIn(user.login);
    const elsewhere = await signIn(user.login);
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out-everywhere',
      headers: { authorization: `Bearer ${(here.json() as SessionResponse).accessToken}` },
    });
    expect(response.statusCode).toBe(204);
    expect((await refresh(refreshCookieOf(elsewhere))).statusCode).toBe(401);
    expect((await me((elsewhere.json() as SessionResponse).accessToken)).statusCode).toBe(401);
  });

  it('ends the sessions of a suspended user at once', async () => {
    const user = await newUser();
    const session = await signIn(user.login);
    await dataSource.query(`UPDATE app_user SET status = 'suspended' WHERE id = $1`, [user.id]);
    expect((await me((session.json() as SessionResponse).accessToken)).statusCode).toBe(401);
    expect((await refresh(refreshCookieOf(session))).statusCode).toBe(401);
    expect((await signIn(user.login)).statusCode).toBe(401);
  });

  it('locks sign-in after five wrong passwords, with a clear 423 and an audit entry, until an admin unlocks it', async () => {
    const user = await newUser();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await signIn(user.login, 'wrong password here')).statusCode).toBe(401);
    }
    const fifth = await signIn(user.login, 'wrong password here');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect((fifth.json() as ProblemDetails).detail).toMatch(/locked after repeated wrong passwords/);
    const rightButLocked = await signIn(user.login);
    expect(rightButLocked.statusCode).toBe(423);
    const lockouts: unknown[] = await dataSource.query(
      `SELECT 1 FROM audit_event WHERE action = 'auth.lockout' AND target_id = $1`,
      [user.id],
    );
    expect(lockouts).toHaveLength(1);

    const outsideAdmin = await newUser([['admin', 'kg']]);
    const refused = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/unlock`,
      headers: { authorization: outsideAdmin.authorization },
    });
    expect(refused.statusCode).toBe(404);

    const admin = await newUser([['admin', 'kz']]);
    const unlocked = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/users/${user.id}/unlock`,
      headers: { authorization: admin.authorization },
    });
    expect(unlocked.statusCode).toBe(204);
    expect((await signIn(user.login)).statusCode).toBe(200);
  });

  it('lets a user change their password, keeping this session and ending the others', async () => {
    const user = await newUser();
    const here = (await signIn(user.login)).json() as SessionResponse;
    const elsewhere = (await signIn(user.login)).json() as SessionResponse;
    const change = (currentPassword: string, newPassword: string) =>
      testApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { authorization: `Bearer ${here.accessToken}` },
        payload: { currentPassword, newPassword },
      });

    const weak = await change(PASSWORD, 'qwertyuiop123');
    expect(weak.statusCode).toBe(400);
    expect((weak.json() as ProblemDetails).errors?.[0]).toMatchObject({
      field: 'newPassword',
      code: 'passwordPolicy',
    });
    expect((await change('not my password', 'a brand new passphrase')).statusCode).toBe(401);

    expect((await change(PASSWORD, 'a brand new passphrase')).statusCode).toBe(204);
    expect((await me(here.accessToken)).statusCode).toBe(200);
    expect((await me(elsewhere.accessToken)).statusCode).toBe(401);
    expect((await signIn(user.login, 'a brand new passphrase')).statusCode).toBe(200);
  });

  it('answers a sign-in without a password with 400 and its field, not as a wrong password', async () => {
    const user = await newUser();
    for (let attempt = 1; attempt <= 6; attempt++) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { login: user.login },
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
      expect((response.json() as ProblemDetails).errors?.map((error) => error.field)).toContain('password');
    }
    // six malformed bodies are not six wrong passwords: the account is not locked
    expect((await signIn(user.login)).statusCode).toBe(200);
    const failures: unknown[] = await dataSource.query(
      `SELECT 1 FROM audit_event WHERE action = 'auth.sign-in-failed' AND target_id = $1`,
      [user.id],
    );
    expect(failures).toHaveLength(0);
  });

  it('refuses unknown fields in the sign-in body', async () => {
    const user = await newUser();
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: user.login, password: PASSWORD, remember: true },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('sign-in attempts from one address', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp([IdentityModule], { SIGN_IN_ATTEMPTS_PER_MINUTE: '3' });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('are slowed down with 429 after the limit per minute, whatever the accounts tried', async () => {
    const attempt = (login: string) =>
      testApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { login, password: 'guessing another password' },
        remoteAddress: '203.0.113.7',
      });
    for (const login of ['first.guess', 'second.guess', 'third.guess']) {
      expect((await attempt(login)).statusCode).toBe(401);
    }
    const slowed = await attempt('fourth.guess');
    expect(slowed.statusCode).toBe(429);
    expect(slowed.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0);

    // another address is not held back by the first one's guesses
    const elsewhere = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: 'first.guess', password: 'guessing another password' },
      remoteAddress: '198.51.100.20',
    });
    expect(elsewhere.statusCode).toBe(401);
  });
});
