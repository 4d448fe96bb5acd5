import { orgUnitsSeed } from '@border-academy/api-db';
import {
  PrincipalCache,
  TestApp,
  TestUser,
  createTestApp,
  createTestUser,
  eventually,
  injectAs,
  seedTestDatabase,
} from '@border-academy/api-platform';
import { Client } from 'pg';

import { IdentityModule } from '../identity.module';

function sessionOf(user: TestUser): { sub: string; sid: string } {
  const payload = user.authorization.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string; sid: string };
}

describe('the principal cache', () => {
  let testApp: TestApp;
  let cache: PrincipalCache;
  /** Another API instance's writes: a connection of its own, outside this process's repositories. */
  let other: Client;
  let counter = 0;

  beforeAll(async () => {
    testApp = await createTestApp([IdentityModule]);
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    cache = testApp.app.get(PrincipalCache);
    other = new Client({ connectionString: testApp.database.url });
    await other.connect();
    await eventually(() => cache.active);
  });

  afterAll(async () => {
    await other?.end();
    await testApp?.close();
  });

  async function admin(): Promise<TestUser> {
    counter += 1;
    return createTestUser(testApp.app, {
      login: `cached.${counter}`,
      orgUnitCode: 'kz-border',
      grants: [['admin', 'kz']],
    });
  }

  const listUsers = (user: TestUser) => injectAs(testApp.app, user, 'GET', '/api/v1/users?pageSize=1');

  it('keeps who is asking after the first request, and reads them again after another instance changes their grants', async () => {
    const user = await admin();
    const { sub, sid } = sessionOf(user);
    expect(cache.get(sub, sid)).toBeNull();
    expect((await listUsers(user)).statusCode).toBe(200);
    expect(cache.get(sub, sid)?.grants.map((grant) => grant.role)).toEqual(['admin']);

    await other.query(`DELETE FROM role_grant WHERE user_id = $1`, [sub]);
    await eventually(() => cache.get(sub, sid) === null);
    expect((await listUsers(user)).statusCode).toBe(403);
  });

  it('ends a session at once for every instance when another one suspends the person or revokes the session', async () => {
    const suspended = await admin();
    const signedOut = await admin();
    for (const user of [suspended, signedOut]) expect((await listUsers(user)).statusCode).toBe(200);

    await other.query(`UPDATE app_user SET status = 'suspended' WHERE id = $1`, [sessionOf(suspended).sub]);
    await other.query(
      `UPDATE auth_session SET revoked_at = now(), revoke_reason = 'sign-out' WHERE family_id = $1`,
      [sessionOf(signedOut).sid],
    );
    await eventually(async () => (await listUsers(suspended)).statusCode === 401);
    await eventually(async () => (await listUsers(signedOut)).statusCode === 401);
  });

  it('forgets every principal when a unit moves, since grants are scoped by paths', async () => {
    const user = await admin();
    const { sub, sid } = sessionOf(user);
    expect((await listUsers(user)).statusCode).toBe(200);
    expect(cache.get(sub, sid)).not.toBeNull();
    await other.query(`UPDATE org_unit SET path = path WHERE code = 'kz-border'`);
    await eventually(() => cache.get(sub, sid) === null);
  });

  it('keeps nothing while it cannot hear changes, and resumes once its connection is back', async () => {
    const user = await admin();
    const { sub, sid } = sessionOf(user);
    expect((await listUsers(user)).statusCode).toBe(200);
    expect(cache.get(sub, sid)).not.toBeNull();

    await other.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
    );
    await eventually(() => !cache.active);
    expect(cache.get(sub, sid)).toBeNull();
    // requests still work, each reading the principal
    expect((await listUsers(user)).statusCode).toBe(200);
    expect(cache.get(sub, sid)).toBeNull();

    await eventually(() => cache.active);
    expect((await listUsers(user)).statusCode).toBe(200);
    expect(cache.get(sub, sid)).not.toBeNull();
  });

  it('does not keep a principal read before a change that arrived while the read ran', async () => {
    const user = await admin();
    const { sub, sid } = sessionOf(user);
    const generation = cache.generation;
    cache.changed([sub]);
    cache.set(
      { userId: sub, sessionFamilyId: sid, orgUnitId: sub, grants: [] },
      new Date(Date.now() + 60_000),
      generation,
    );
    expect(cache.get(sub, sid)).toBeNull();
  });
});
