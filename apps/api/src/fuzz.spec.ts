import { randomUUID } from 'node:crypto';
import { orgUnitsSeed } from '@border-academy/api-db';
import { TestApp, createTestApp, createTestUser, seedTestDatabase } from '@border-academy/api-platform';
import { PROBLEM_CONTENT_TYPE, ROLES } from '@border-academy/shared-contracts';
import fc from 'fast-check';
import { DataSource } from 'typeorm';

import { createMatrixCourse } from './authorization-matrix/authoring.fixtures';
import { API_FEATURES } from './features';
import {
  BadRequest,
  OpenApiDocument,
  Operation,
  SchemaResolver,
  badRequests,
  operationsOf,
  takesInput,
} from './fuzz/openapi-inputs';

/**
 * Every operation of the OpenAPI document (whatever it holds when the test runs) gets requests that
 * break a rule the document states, from every role and anonymously. None may fail with a 5xx,
 * every refusal is a problem+json without a stack or SQL, a change (anything but GET) must refuse
 * them, and the database must be exactly as it was after each operation's batch.
 */

/**
 * Requests per operation: enough for every kind of flaw of every operation in a run of `npm test`
 * well under a minute; set FUZZ_RUNS_PER_OPERATION for a longer search.
 */
const RUNS_PER_OPERATION = Number(process.env['FUZZ_RUNS_PER_OPERATION'] ?? 24);
const UNIT = 'kz-border';

/**
 * Operations allowed to write whatever they are sent, each with the reason. They take nothing the
 * document lets us break, so a request to them is valid whatever is sent along unasked (ignored).
 */
const WRITES_ON_ANY_INPUT: Record<string, string> = {
  'POST /api/v1/auth/sign-out': 'ends the session of the cookie sent, if any; takes no input',
  'POST /api/v1/auth/sign-out-everywhere': "ends the caller's sessions; takes no input",
  'POST /api/v1/auth/refresh': 'rotates the refresh cookie sent, if any; takes no input',
  'POST /api/v1/me/notifications/read-all': "marks the caller's own notifications read; takes no input",
};

type Caller = 'anonymous' | (typeof ROLES)[number];
const CALLERS: Caller[] = ['anonymous', ...ROLES];

interface Snapshot {
  [table: string]: string;
}

describe('bad input on every route', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let operations: Operation[];
  let resolver: SchemaResolver;
  /** Real ids by the collection a path parameter follows, e.g. `users` → a user of the unit. */
  const realIds: Record<string, string> = {};
  let tables: string[];
  let users = 0;

  beforeAll(async () => {
    // the benchmark's routes too, which exist only when asked for
    testApp = await createTestApp(API_FEATURES, {
      SIGN_IN_ATTEMPTS_PER_MINUTE: '100000',
      BENCH_ROUTES: 'true',
    });
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
    const document = (
      await testApp.app.inject({ method: 'GET', url: '/api/docs-json' })
    ).json() as OpenApiDocument;
    operations = operationsOf(document);
    resolver = new SchemaResolver(document);

    const target = await createTestUser(testApp.app, {
      login: 'fuzz.target',
      orgUnitCode: UNIT,
      grants: [['learner', UNIT]],
    });
    const [grant]: { id: string; org_unit_id: string }[] = await dataSource.query(
      `SELECT id, org_unit_id FROM role_grant WHERE user_id = $1`,
      [target.id],
    );
    const orgUnitId = grant?.org_unit_id ?? '';
    // an open draft, so that a request that got through would really change it
    const course = await createMatrixCourse(dataSource, 'fuzz', orgUnitId);
    const [draftModule]: { module_id: string }[] = await dataSource.query(
      `SELECT module_id FROM lesson WHERE id = $1`,
      [course.draftLessonId],
    );
    Object.assign(realIds, {
      users: target.id,
      staff: target.id,
      grants: grant?.id,
      'org-units': orgUnitId,
      courses: course.id,
      'course-versions': course.draftVersionId,
      modules: draftModule?.module_id,
      lessons: course.draftLessonId,
      questions: course.draftQuestionId,
      quizzes: course.draftQuizId,
    });
    const rows: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    tables = rows.map((row) => row.table_name);
  }, 120_000);

  afterAll(async () => {
    await testApp?.close();
  });

  /** Every table's row count and a digest of all its rows, in one query. */
  async function snapshot(): Promise<Snapshot> {
    const sql = tables
      .map(
        (table) =>
          `SELECT '${table}' AS name, count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${table}" t`,
      )
      .join(' UNION ALL ');
    const rows: { name: string; digest: string }[] = await dataSource.query(sql);
    return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
  }

  /** Ids for an operation's path parameters: each one the real id of the collection it follows. */
  function pathIdsFor(operation: Operation): Record<string, string> {
    const ids: Record<string, string> = {};
    const segments = operation.path.split('/');
    segments.forEach((segment, index) => {
      const name = /^\{(.+)\}$/.exec(segment)?.[1];
      const collection = segments[index - 1] ?? '';
      if (name) ids[name] = realIds[collection] ?? randomUUID();
    });
    return ids;
  }

  async function authorizationsFor(): Promise<Record<Caller, string | undefined>> {
    const result = { anonymous: undefined } as Record<Caller, string | undefined>;
    for (const role of ROLES) {
      users += 1;
      const user = await createTestUser(testApp.app, {
        login: `fuzz.caller.${users}`,
        orgUnitCode: UNIT,
        grants: [[role, UNIT]],
      });
      result[role] = user.authorization;
    }
    return result;
  }

  function changedTables(before: Snapshot, after: Snapshot): string[] {
    return Object.keys(after).filter((table) => before[table] !== after[table]);
  }

  /** What is wrong with one answer, or null. */
  function problemWith(
    operation: Operation,
    request: BadRequest,
    status: number,
    contentType: string,
    body: string,
  ) {
    const key = `${operation.method} ${operation.path}`;
    if (status >= 500) return `answered ${status}: ${body.slice(0, 300)}`;
    if (status >= 400) {
      if (!contentType.includes(PROBLEM_CONTENT_TYPE))
        return `answered ${status} as ${contentType}, not problem+json`;
      let parsed: { status?: unknown };
      try {
        parsed = JSON.parse(body) as { status?: unknown };
      } catch {
        return `answered ${status} with a body that is not JSON`;
      }
      if (parsed.status !== status)
        return `answered ${status} with a problem whose status is ${String(parsed.status)}`;
      if (/\n\s+at |QueryFailedError|\bSELECT\b.*\bFROM\b|\bINSERT INTO\b/i.test(body)) {
        return `answered ${status} with internals in the body: ${body.slice(0, 300)}`;
      }
      return null;
    }
    if (request.method !== 'GET' && !(key in WRITES_ON_ANY_INPUT)) {
      return `accepted it with ${status}`;
    }
    return null;
  }

  it('never fails, always refuses as problem+json, and changes nothing', async () => {
    const failures: string[] = [];
    let sent = 0;
    const started = Date.now();
    for (const operation of operations) {
      const key = `${operation.method} ${operation.path}`;
      const authorizations = await authorizationsFor();
      const before = await snapshot();
      const requests = fc.tuple(
        fc.constantFrom(...CALLERS),
        badRequests(resolver, operation, pathIdsFor(operation), fc.uuid()),
      );
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(requests, async ([caller, request]) => {
          const authorization = authorizations[caller];
          sent += 1;
          const response = await testApp.app.inject({
            method: request.method,
            url: request.url,
            headers: { ...request.headers, ...(authorization ? { authorization } : {}) },
            ...(request.payload === undefined ? {} : { payload: request.payload }),
          });
          const problem = problemWith(
            operation,
            request,
            response.statusCode,
            String(response.headers['content-type'] ?? ''),
            response.body,
          );
          // one line per kind of failure of an operation is enough to find it
          const line = problem && `${key} as ${caller}, ${request.flaw}: ${problem}`;
          if (problem && !seen.has(problem.slice(0, 40))) {
            seen.add(problem.slice(0, 40));
            failures.push(
              `${line}\n    ${request.method} ${request.url.slice(0, 200)} ${String(request.payload ?? '').slice(0, 200)}`,
            );
          }
        }),
        { numRuns: takesInput(operation) ? RUNS_PER_OPERATION : Math.ceil(RUNS_PER_OPERATION / 4) },
      );
      const after = await snapshot();
      if (!(key in WRITES_ON_ANY_INPUT)) {
        const changed = changedTables(before, after);
        if (changed.length > 0) failures.push(`${key}: bad input changed ${changed.join(', ')}`);
      }
    }
    process.stdout.write(
      `Bad-input test: ${sent} requests to ${operations.length} operations in ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
    expect(failures).toEqual([]);
  }, 240_000);
});
