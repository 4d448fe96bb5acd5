import { randomUUID } from 'node:crypto';
import {
  TestDatabase,
  connectTestDataSource,
  createTestDatabase,
  orgUnitsSeed,
  runSeeds,
} from '@border-academy/api-db';
import { hashPassword } from '@border-academy/api-identity';
import { DataSource } from 'typeorm';

import { createMatrixCourse } from './authorization-matrix/authoring.fixtures';
import { RunningApi, httpJson, startApi } from './testing/api-process';

const PASSWORD = 'a passphrase for the kill test';
const UNIT = 'kz-border';
/** Rows of the import: several commit slices of 1,000, so that a kill lands inside the commit. */
const IMPORT_ROWS = 4_000;
const EVENTS_PER_BATCH = 20;

/**
 * The API process killed with SIGKILL (no shutdown of any kind) in the middle of a bulk user import's
 * commit and of a burst of progress events, then started again on the same database: nothing is
 * half-written, every event the API acknowledged is there, and the work can simply be done again.
 */
describe('the API process killed with SIGKILL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let api: RunningApi | null = null;

  async function start(): Promise<RunningApi> {
    api = await startApi(database, { SIGN_IN_ATTEMPTS_PER_MINUTE: '1000' });
    return api;
  }

  async function kill(running: RunningApi): Promise<void> {
    running.child.kill('SIGKILL');
    await running.exited;
    api = null;
  }

  async function signIn(running: RunningApi, login: string): Promise<string> {
    const answer = await httpJson(running.port, 'POST', '/api/v1/auth/sign-in', {
      body: { login, password: PASSWORD },
    });
    if (answer.status !== 200) throw new Error(`sign-in of ${login}: ${answer.status} ${answer.body}`);
    return `Bearer ${(JSON.parse(answer.body) as { accessToken: string }).accessToken}`;
  }

  async function createPerson(login: string, role: 'admin' | 'learner'): Promise<string> {
    const [user]: { id: string }[] = await dataSource.query(
      `INSERT INTO app_user (login, email, full_name, org_unit_id, password_hash)
       SELECT $1, $1 || '@example.org', 'Kill Test', id, $3 FROM org_unit WHERE code = $2 RETURNING id`,
      [login, UNIT, await hashPassword(PASSWORD)],
    );
    await dataSource.query(
      `INSERT INTO role_grant (user_id, role, org_unit_id) SELECT $1, $2, id FROM org_unit WHERE code = $3`,
      [user?.id, role, UNIT],
    );
    return user?.id ?? '';
  }

  async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${what} did not happen within ${timeoutMs} ms`);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await connectTestDataSource(database);
    await runSeeds(dataSource, [orgUnitsSeed]);
  }, 60_000);

  afterEach(async () => {
    if (api) await kill(api);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('leaves a bulk import killed during its commit unwritten, and it commits whole after a restart', async () => {
    await createPerson('kill.importer', 'admin');
    const running = await start();
    const authorization = await signIn(running, 'kill.importer');
    const lines = Array.from(
      { length: IMPORT_ROWS },
      (_, index) =>
        `kill.imported.${index},kill.imported.${index}@example.org,Imported Person ${index},,en,${UNIT},,learner`,
    );
    const uploaded = await httpJson(running.port, 'POST', '/api/v1/user-imports', {
      authorization,
      contentType: 'application/octet-stream',
      raw: Buffer.from(
        `login,email,full_name,full_name_cyrillic,language,org_unit,position,roles\r\n${lines.join('\r\n')}\r\n`,
      ),
    });
    expect(uploaded.status).toBe(201);
    const importId = (JSON.parse(uploaded.body) as { id: string }).id;

    const commit = httpJson(running.port, 'POST', `/api/v1/user-imports/${importId}/commit`, {
      authorization,
    }).catch((error: NodeJS.ErrnoException) => ({ status: 0, contentType: '', body: error.code ?? '' }));
    // killed once the commit has written its first slice (the progress a poll reads), before its end
    await until(
      async () => {
        const [row]: { status: string; progress: number }[] = await dataSource.query(
          `SELECT status, progress FROM user_import WHERE id = $1`,
          [importId],
        );
        return row?.status === 'committing' && row.progress > 0;
      },
      60_000,
      'the commit',
    );
    await kill(running);
    expect((await commit).status).toBe(0);

    const imported = async () => {
      const [row]: { users: number; grants: number; status: string }[] = await dataSource.query(
        `SELECT (SELECT count(*) FROM app_user WHERE login LIKE 'kill.imported.%')::int AS users,
                (SELECT count(*) FROM role_grant g JOIN app_user u ON u.id = g.user_id
                  WHERE u.login LIKE 'kill.imported.%')::int AS grants,
                (SELECT status FROM user_import WHERE id = $1) AS status`,
        [importId],
      );
      return row;
    };
    // the commit's transaction died with the process: not one of its users or grants is there
    expect(await imported()).toMatchObject({ users: 0, grants: 0 });

    const restarted = await start();
    const again = await httpJson(restarted.port, 'POST', `/api/v1/user-imports/${importId}/commit`, {
      authorization: await signIn(restarted, 'kill.importer'),
    });
    expect(again.status).toBe(200);
    expect(await imported()).toEqual({ users: IMPORT_ROWS, grants: IMPORT_ROWS, status: 'committed' });
  }, 240_000);

  it('keeps every acknowledged progress event of a burst it was killed in, and a batch whole or not at all', async () => {
    const learnerId = await createPerson('kill.learner', 'learner');
    const [unit]: { id: string }[] = await dataSource.query(`SELECT id FROM org_unit WHERE code = $1`, [
      UNIT,
    ]);
    const course = await createMatrixCourse(dataSource, 'kill', unit?.id ?? '');
    const [enrolment]: { id: string }[] = await dataSource.query(
      `INSERT INTO enrolment (user_id, course_id, course_version_id, source) VALUES ($1, $2, $3, 'self') RETURNING id`,
      [learnerId, course.id, course.publishedVersionId],
    );
    const enrolmentId = enrolment?.id ?? '';
    const running = await start();
    const authorization = await signIn(running, 'kill.learner');

    const acknowledged = new Set<string>();
    const unanswered: string[][] = [];
    let killed = false;
    const batch = (): string[] => Array.from({ length: EVENTS_PER_BATCH }, () => randomUUID());
    const send = (port: number, ids: string[], auth: string) =>
      httpJson(port, 'POST', '/api/v1/progress-events', {
        authorization: auth,
        body: {
          events: ids.map((id, index) => ({
            id,
            enrolmentId,
            lessonId: course.publishedLessonId,
            kind: index % 2 === 0 ? 'opened' : 'done',
            occurredAt: new Date().toISOString(),
          })),
        },
      });

    // four devices sending batch after batch until the process dies under them
    const devices = Array.from({ length: 4 }, async () => {
      while (!killed) {
        const ids = batch();
        try {
          const answer = await send(running.port, ids, authorization);
          if (answer.status === 200) ids.forEach((id) => acknowledged.add(id));
          else unanswered.push(ids);
        } catch {
          unanswered.push(ids);
        }
      }
    });
    await until(async () => acknowledged.size >= 40 * EVENTS_PER_BATCH, 120_000, 'the burst');
    killed = true;
    await kill(running);
    await Promise.all(devices);

    const stored = new Set(
      (
        (await dataSource.query(`SELECT id FROM progress_event WHERE enrolment_id = $1`, [enrolmentId])) as {
          id: string;
        }[]
      ).map((row) => row.id),
    );
    expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
    for (const ids of unanswered) {
      expect([0, ids.length]).toContain(ids.filter((id) => stored.has(id)).length);
    }
    // the derived state is what a recomputation from the records gives, with its one certificate
    const derived = `SELECT status, progress_percent, continue_lesson_id, last_lesson_id, completed_at IS NOT NULL AS completed,
                            (SELECT count(*)::int FROM certificate c WHERE c.enrolment_id = e.id) AS certificates
                       FROM enrolment e WHERE e.id = $1`;
    const [before] = await dataSource.query(derived, [enrolmentId]);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(`SELECT learning_recompute($1)`, [enrolmentId]);
    const [recomputed] = await runner.query(derived, [enrolmentId]);
    await runner.rollbackTransaction();
    await runner.release();
    expect(before).toEqual(recomputed);
    expect(before).toMatchObject({ status: 'completed', completed: true, certificates: 1 });

    // the devices send what was never answered again, and each event counts once
    const restarted = await start();
    const retryAuthorization = await signIn(restarted, 'kill.learner');
    for (const ids of unanswered) {
      expect((await send(restarted.port, ids, retryAuthorization)).status).toBe(200);
    }
    const [counts]: { events: number; distinct: number }[] = await dataSource.query(
      `SELECT count(*)::int AS events, count(DISTINCT id)::int AS "distinct" FROM progress_event WHERE enrolment_id = $1`,
      [enrolmentId],
    );
    expect(counts).toEqual({
      events: acknowledged.size + unanswered.length * EVENTS_PER_BATCH,
      distinct: acknowledged.size + unanswered.length * EVENTS_PER_BATCH,
    });
    process.stdout.write(
      `SIGKILL during a burst: ${acknowledged.size} events acknowledged and kept, ${unanswered.length} batches unanswered, each whole or absent\n`,
    );
  }, 240_000);
});
