import { randomBytes } from 'node:crypto';
import { orgUnitsSeed } from '@border-academy/api-db';
import { hashPassword } from '@border-academy/api-identity';
import {
  TestApp,
  TestUser,
  createTestApp,
  createTestUser,
  seedTestDatabase,
} from '@border-academy/api-platform';
import { PROBLEM_CONTENT_TYPE } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { API_FEATURES } from './features';

const PASSWORD = 'web security passphrase';
const FOREIGN_ORIGIN = 'https://attacker.example';

type Response = Awaited<ReturnType<TestApp['app']['inject']>>;

/** A 4xx in the one problem shape that says what was wrong and nothing about how the server works. */
function expectSafeProblem(response: Response, status: number): void {
  expect(response.statusCode).toBe(status);
  expect(String(response.headers['content-type'])).toContain(PROBLEM_CONTENT_TYPE);
  expect(response.json()).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  // no stack frame, no SQL, no driver or ORM error names, no file paths of the server
  expect(response.body).not.toMatch(/\bat [\w.<>]+ \(|\n\s+at /);
  expect(response.body).not.toMatch(/\b(SELECT|INSERT|UPDATE|DELETE)\b.*\b(FROM|INTO|SET)\b/i);
  expect(response.body).not.toMatch(
    /QueryFailedError|TypeORMError|duplicate key|violates|node_modules|\.ts:\d/,
  );
}

describe('web security of the API (production settings)', () => {
  let testApp: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    testApp = await createTestApp(API_FEATURES, {
      NODE_ENV: 'production',
      APP_SECRET: randomBytes(32).toString('hex'),
    });
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    admin = await createTestUser(testApp.app, {
      login: 'security.admin',
      orgUnitCode: 'kz-border',
      grants: [['admin', 'kz-border']],
      passwordHash: await hashPassword(PASSWORD),
    });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  describe('CORS is closed', () => {
    it('grants no other origin a preflight', async () => {
      const response = await testApp.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/auth/sign-in',
        headers: {
          origin: FOREIGN_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      expect(response.headers['access-control-allow-methods']).toBeUndefined();
    });

    it('lets no other origin read an answer', async () => {
      for (const [method, url] of [
        ['GET', '/api/health'],
        ['GET', '/api/v1/me'],
        ['POST', '/api/v1/auth/refresh'],
      ] as const) {
        const response = await testApp.app.inject({
          method,
          url,
          headers: { origin: FOREIGN_ORIGIN, authorization: admin.authorization },
        });
        expect(response.headers['access-control-allow-origin']).toBeUndefined();
      }
    });
  });

  it('sets the refresh cookie HttpOnly, SameSite=Strict, Secure and only for the auth routes', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { login: admin.login, password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const setCookie = [response.headers['set-cookie']].flat().join('\n');
    expect(setCookie).toMatch(/^ba_refresh=/);
    for (const attribute of ['HttpOnly', 'SameSite=Strict', 'Secure', 'Path=/api/v1/auth']) {
      expect(setCookie).toContain(attribute);
    }
  });

  describe('error bodies carry no stack trace and no SQL', () => {
    it('for malformed JSON', async () => {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'content-type': 'application/json' },
        payload: '{"login": "a", "password": ',
      });
      expectSafeProblem(response, 400);
    });

    it('for a body over the limit', async () => {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { authorization: admin.authorization, 'content-type': 'application/json' },
        payload: JSON.stringify({ login: 'x'.repeat(2 * 1024 * 1024) }),
      });
      expectSafeProblem(response, 413);
    });

    it('for an unknown route', async () => {
      expectSafeProblem(await testApp.app.inject({ method: 'GET', url: '/api/v1/no/such/route' }), 404);
    });

    it('for an identifier that is not a UUID', async () => {
      const response = await testApp.app.inject({
        method: 'GET',
        url: "/api/v1/users/1'%20OR%20'1'='1",
        headers: { authorization: admin.authorization },
      });
      expectSafeProblem(response, 400);
    });

    it('for a value the database holds unique', async () => {
      const [unit]: { id: string }[] = await testApp.app
        .get(DataSource)
        .query(`SELECT id FROM org_unit WHERE code = 'kz-border'`);
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: { authorization: admin.authorization },
        payload: {
          login: admin.login,
          email: 'someone.else@example.org',
          fullName: 'Someone Else',
          orgUnitId: unit?.id,
          grants: [],
        },
      });
      expectSafeProblem(response, 409);
    });
  });
});
