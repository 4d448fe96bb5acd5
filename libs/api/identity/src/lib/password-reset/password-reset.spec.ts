import { createHash } from 'node:crypto';
import { DEMO_PASSWORD, SEED_STEPS } from '@border-academy/api-db';
import { createTestApp, seedTestDatabase, TestApp } from '@border-academy/api-platform';
import {
  Page,
  ProblemDetails,
  ResetLink,
  SessionResponse,
  UserSummary,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { IdentityModule } from '../identity.module';

const NEW_PASSWORD = 'steppe wind over the pass';
// every reset in this file counts against the limit; the last test goes over it
const RESETS_PER_MINUTE = 20;

describe('password-reset links', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    testApp = await createTestApp([IdentityModule], {
      SIGN_IN_ATTEMPTS_PER_MINUTE: String(RESETS_PER_MINUTE),
    });
    await seedTestDatabase(testApp, SEED_STEPS);
    dataSource = testApp.app.get(DataSource);
    for (const login of ['kz.admin', 'kg.admin']) {
      tokens[login] = (await signIn(login, DEMO_PASSWORD)).json<SessionResponse>().accessToken;
    }
    const users = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=kz.&pageSize=100',
      headers: { authorization: `Bearer ${tokens['kz.admin']}` },
    });
    for (const user of users.json<Page<UserSummary>>().items) ids[user.login] = user.id;
  });

  afterAll(async () => {
    await testApp?.close();
  });

  function signIn(login: string, password: string) {
    return testApp.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { login, password } });
  }

  function issue(as: string, login: string) {
    return testApp.app.inject({
      method: 'POST',
      url: `/api/v1/users/${ids[login]}/reset-links`,
      headers: { authorization: `Bearer ${tokens[as]}` },
    });
  }

  async function issuedToken(login: string): Promise<string> {
    const response = await issue('kz.admin', login);
    expect(response.statusCode).toBe(201);
    return response.json<ResetLink>().url.split('/reset-password/')[1] ?? '';
  }

  function reset(token: string, newPassword = NEW_PASSWORD) {
    return testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { token, newPassword },
    });
  }

  it('issues a link valid for 72 hours whose token is stored only as a hash and never audited', async () => {
    const before = Date.now();
    const response = await issue('kz.admin', 'kz.trainer');
    expect(response.statusCode).toBe(201);
    const link = response.json<ResetLink>();
    expect(link.url).toMatch(/^http:\/\/localhost(:\d+)?\/reset-password\/[A-Za-z0-9_-]{43}$/);
    const hours = (Date.parse(link.expiresAt) - before) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThan(72.1);

    const token = link.url.split('/reset-password/')[1] ?? '';
    const stored: { token_hash: string; created_by: string }[] = await dataSource.query(
      `SELECT token_hash, created_by FROM password_reset WHERE user_id = $1`,
      [ids['kz.trainer']],
    );
    expect(stored).toEqual([
      {
        token_hash: createHash('sha256').update(token).digest('hex'),
        created_by: ids['kz.admin'],
      },
    ]);
    const mentions: unknown[] = await dataSource.query(
      `SELECT 1 FROM audit_event WHERE summary::text LIKE '%' || $1 || '%'`,
      [token],
    );
    expect(mentions).toHaveLength(0);
    const [entry]: { actor_user_id: string }[] = await dataSource.query(
      `SELECT actor_user_id FROM audit_event WHERE action = 'user.reset-link' AND target_id = $1`,
      [ids['kz.trainer']],
    );
    expect(entry?.actor_user_id).toBe(ids['kz.admin']);
  });

  it('answers 404 for a person outside the caller’s scope', async () => {
    expect((await issue('kg.admin', 'kz.trainer')).statusCode).toBe(404);
  });

  it('sets the password once: sessions end, a lockout is lifted, the old password and the link stop working', async () => {
    const session = (await signIn('kz.learner', DEMO_PASSWORD)).json<SessionResponse>();
    await dataSource.query(
      `UPDATE app_user SET failed_sign_ins = 3, locked_until = now() + interval '10 minutes' WHERE id = $1`,
      [ids['kz.learner']],
    );
    const token = await issuedToken('kz.learner');

    expect((await reset(token)).statusCode).toBe(204);

    const me = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(me.statusCode).toBe(401);
    expect((await signIn('kz.learner', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await signIn('kz.learner', NEW_PASSWORD)).statusCode).toBe(200);

    const again = await reset(token, 'yet another long passphrase');
    expect(again.statusCode).toBe(410);
    const [entry]: { actor_user_id: string; summary: { revokedSessions: number } }[] = await dataSource.query(
      `SELECT actor_user_id, summary FROM audit_event WHERE action = 'auth.password-reset' AND target_id = $1`,
      [ids['kz.learner']],
    );
    expect(entry?.actor_user_id).toBe(ids['kz.learner']);
    expect(entry?.summary.revokedSessions).toBeGreaterThanOrEqual(1);
  });

  it('a newer link makes the earlier unused one stop working', async () => {
    const first = await issuedToken('kz.hr');
    const second = await issuedToken('kz.hr');
    expect((await reset(first)).statusCode).toBe(410);
    expect((await reset(second)).statusCode).toBe(204);
    const [entry]: { summary: { revokedLinks: number } }[] = await dataSource.query(
      `SELECT summary FROM audit_event WHERE action = 'user.reset-link' AND target_id = $1 ORDER BY id DESC LIMIT 1`,
      [ids['kz.hr']],
    );
    expect(entry?.summary.revokedLinks).toBe(1);
  });

  it('answers 410 with a clear problem for an unknown or expired token', async () => {
    const unknown = await reset('not-a-token-anyone-issued');
    expect(unknown.statusCode).toBe(410);
    expect(unknown.json<ProblemDetails>()).toMatchObject({
      type: 'urn:border-academy:problem:reset-link-gone',
      detail: expect.stringContaining('expired or has already been used'),
    });

    const token = await issuedToken('kz.admin');
    await dataSource.query(
      `UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [ids['kz.admin']],
    );
    expect((await reset(token)).statusCode).toBe(410);
  });

  it('applies the password policy, and keeps the link for a better password', async () => {
    const token = await issuedToken('kz.trainer');
    for (const weak of ['short one', 'password1234', 'kz.trainer and more words']) {
      const response = await reset(token, weak);
      expect(response.statusCode).toBe(400);
      expect(response.json<ProblemDetails>().errors?.[0]).toMatchObject({
        field: 'newPassword',
        code: 'passwordPolicy',
      });
    }
    expect((await reset(token)).statusCode).toBe(204);
  });

  it.each([
    ['an empty token', { token: '' }],
    ['no new password', { newPassword: undefined }],
    ['an unknown field', { extra: true }],
  ])('refuses a body with %s with 400', async (_case, change) => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/reset-password',
      payload: { token: 'some-token', newPassword: NEW_PASSWORD, ...change },
    });
    expect(response.statusCode).toBe(400);
  });

  it('limits the attempts from one address like sign-in', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= RESETS_PER_MINUTE; attempt++) {
      statuses.push((await reset(`guess-${attempt}`)).statusCode);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status !== 410 && status !== 429)).toEqual([]);
  });
});
