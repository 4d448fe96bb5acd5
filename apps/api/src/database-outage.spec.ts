import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { orgUnitsSeed, runSeeds } from '@border-academy/api-db';
import { TestUser, createApiApp, createTestUser, loadApiConfig } from '@border-academy/api-platform';
import { PROBLEM_CONTENT_TYPE } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { API_FEATURES } from './features';
import { PostgresProcess, startPostgresProcess } from './testing/postgres-process';

type Phase = 'before' | 'down' | 'after';

interface Answer {
  /** When the request was sent. */
  phase: Phase;
  /** When its answer came: a request in flight as the database stops is sent before and answered down. */
  answeredIn: Phase;
  route: 'health' | 'list' | 'create';
  status: number;
  contentType: string;
  body: { type?: string; status?: number; database?: { status?: string }; login?: string };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

/**
 * The whole API on a PostgreSQL of its own, which the test stops while requests keep coming (reads,
 * writes, health checks) and then starts again: while it is down every answer is a 503 problem (or the
 * health report of a database that is down), never a 500 or a hang; once it is back the API recovers by
 * itself, without a restart, and every write it acknowledged is there exactly once.
 */
describe('the API when PostgreSQL stops under load', () => {
  let root: string;
  let port: number;
  let postgres: PostgresProcess;
  let app: NestFastifyApplication;
  let admin: TestUser;
  let orgUnitId: string;

  // the embedded PostgreSQL of libs/api/db, in a process of its own so that the test can stop it
  const startPostgres = () => startPostgresProcess(join(root, 'postgres'), port, 'outage');

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'border-academy-outage-'));
    port = await freePort();
    postgres = await startPostgres();
    const config = loadApiConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SEED_DEMO_DATA: 'false',
      WEB_DIST_DIR: '/nonexistent-web-dist',
      DATABASE_URL: postgres.url,
    });
    app = await createApiApp({ config, features: API_FEATURES });
    const dataSource = app.get(DataSource);
    await runSeeds(dataSource, [orgUnitsSeed]);
    admin = await createTestUser(app, {
      login: 'outage.admin',
      orgUnitCode: 'kz-border',
      grants: [['admin', 'kz-border']],
    });
    const [unit]: { id: string }[] = await dataSource.query(
      `SELECT id FROM org_unit WHERE code = 'kz-border'`,
    );
    orgUnitId = unit?.id ?? '';
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await postgres?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('answers 503 problems while the database is down and recovers by itself when it returns', async () => {
    const answers: Answer[] = [];
    let phase: Phase = 'before';
    let running = true;
    let created = 0;

    async function send(route: Answer['route']): Promise<void> {
      const at = phase;
      const request =
        route === 'health'
          ? { method: 'GET' as const, url: '/api/health' }
          : route === 'list'
            ? { method: 'GET' as const, url: '/api/v1/users?pageSize=5' }
            : {
                method: 'POST' as const,
                url: '/api/v1/users',
                payload: {
                  login: `outage.person.${++created}`,
                  email: `outage.person.${created}@example.org`,
                  fullName: 'Outage Person',
                  orgUnitId,
                },
              };
      const response = await app.inject({
        ...request,
        headers: route === 'health' ? {} : { authorization: admin.authorization },
      });
      answers.push({
        phase: at,
        answeredIn: phase,
        route,
        status: response.statusCode,
        contentType: String(response.headers['content-type'] ?? ''),
        body: response.json(),
      });
    }

    // four clients, each sending its next request as soon as the last one is answered
    const clients = (['health', 'list', 'create', 'list'] as const).map(async (route) => {
      while (running) await send(route);
    });

    const count = (where: (answer: Answer) => boolean) => answers.filter(where).length;
    await until(async () => count((a) => a.phase === 'before' && a.route === 'create') >= 5, 20_000, 'load');

    phase = 'down';
    await postgres.stop();
    await until(
      async () =>
        count((a) => a.phase === 'down' && a.route === 'create' && a.status === 503) >= 5 &&
        count((a) => a.phase === 'down' && a.route === 'health' && a.status === 503) >= 3,
      30_000,
      'refusals while the database is down',
    );

    postgres = await startPostgres();
    phase = 'after';
    await until(
      async () =>
        answers.slice(-12).length === 12 &&
        answers.slice(-12).every((answer) => answer.phase === 'after' && answer.status < 300),
      60_000,
      'recovery',
    );
    running = false;
    await Promise.all(clients);

    // nothing but success before, 503 problems (or a health report) while down, no 5xx but 503 ever
    expect(answers.filter((a) => a.answeredIn === 'before' && a.status >= 300)).toEqual([]);
    const failures = answers.filter((a) => a.status >= 300);
    expect(failures.filter((a) => a.status !== 503)).toEqual([]);
    for (const failure of failures) {
      if (failure.route === 'health') {
        expect(failure.body).toMatchObject({ status: 'error', database: { status: 'down' } });
      } else {
        expect(failure.contentType).toContain(PROBLEM_CONTENT_TYPE);
        expect(failure.body).toMatchObject({
          status: 503,
          type: 'urn:border-academy:problem:database-unavailable',
        });
      }
    }
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json()).toMatchObject({ status: 'ok', database: { status: 'up' } });

    // every creation that was acknowledged is there once; one whose commit the outage cut off from its
    // answer may be there too (refused with 503 after its commit), but nothing that was never sent
    const acknowledged = answers
      .filter((a) => a.route === 'create' && a.status === 201)
      .map((a) => a.body.login ?? '');
    const rows: { login: string }[] = await app
      .get(DataSource)
      .query(`SELECT login FROM app_user WHERE login LIKE 'outage.person.%'`);
    const stored = rows.map((row) => row.login);
    expect(new Set(stored).size).toBe(stored.length);
    expect(stored).toEqual(expect.arrayContaining(acknowledged));
    expect(stored.length).toBeLessThanOrEqual(created);
    process.stdout.write(
      `Database outage: ${answers.length} requests, ${failures.length} refused with 503 while PostgreSQL was down, ` +
        `${count((a) => a.phase === 'after' && a.status < 300)} answered after it returned\n`,
    );
  }, 180_000);
});
