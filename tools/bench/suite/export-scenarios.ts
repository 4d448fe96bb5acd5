import { ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { performance } from 'node:perf_hooks';

import { Client, Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

import { trainingRecordsCopySql } from '../../../libs/api/qualifications/src/lib/compliance/training-records.query';
import { Measure, httpLoad } from './measure';

/** A row of the suite's table, as run.ts prints it. */
export interface ScenarioRow {
  scenario: string;
  measure?: Measure;
  baseline?: { name: string; measure: Measure };
  figure?: string;
  target: string;
  met: boolean;
}

/**
 * An HR person of all five countries, whose scope holds every generated officer: the training records
 * export then has every enrolment to write (1,000,000 at size L). Idempotent, so the runner makes sure
 * of it on databases generated before it existed; the generator adds it too.
 */
export const BENCH_HR_ALL_SQL = `
  INSERT INTO app_user (login, email, full_name, language, org_unit_id, password_hash)
    SELECT 'bench.hr.all', 'bench.hr.all@example.org', 'Bench HR of every country', 'en', o.id,
           (SELECT password_hash FROM app_user WHERE login = 'kz.hr')
      FROM org_unit o WHERE o.code = 'kz'
  ON CONFLICT DO NOTHING;
  INSERT INTO role_grant (user_id, role, org_unit_id)
    SELECT u.id, 'hr', o.id FROM app_user u, org_unit o WHERE u.login = 'bench.hr.all' AND o.depth = 0
  ON CONFLICT DO NOTHING`;

const format = (value: number, digits = 0) => value.toLocaleString('en', { maximumFractionDigits: digits });

/** Line feeds in a chunk: one per CSV row, as no generated value holds one. */
function lineFeeds(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) count += 1;
  return count;
}

/** Reads a whole HTTP answer through node:http, counting its lines, as a client saving the file would. */
function streamLines(url: string, token: string): Promise<{ lines: number; bytes: number; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(url, { headers: { authorization: `Bearer ${token}` } }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`${url} answered ${response.statusCode}`));
        return;
      }
      let lines = 0;
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        lines += lineFeeds(chunk);
        bytes += chunk.length;
      });
      response.on('end', () => resolve({ lines, bytes, seconds: (performance.now() - started) / 1000 }));
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** The same statement on a bare connection: `COPY (SELECT …) TO STDOUT`, every byte read and counted. */
async function rawCopy(url: string, sql: string): Promise<{ rows: number; seconds: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    const stream = client.query(copyTo(sql));
    let rows = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) rows += lineFeeds(chunk);
    return { rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

export interface ExportScenarioContext {
  pool: Pool;
  databaseUrl: string;
  base: string;
  apiPid: number | undefined;
  signIn(base: string, login: string): Promise<string>;
  rssMb(pid: number | undefined): number;
  withPeakRss<T>(pid: number | undefined, work: Promise<T>): Promise<{ value: T; peakMb: number }>;
}

/**
 * `export`: the whole training records export of an HR person of every country through the API,
 * against the same SELECT copied out by PostgreSQL on a bare connection; and the API's memory meanwhile.
 */
export async function exportScenario(context: ExportScenarioContext): Promise<ScenarioRow[]> {
  const { pool, base } = context;
  await pool.query(BENCH_HR_ALL_SQL);
  const token = await context.signIn(base, 'bench.hr.all');
  const paths = (
    await pool.query<{ path: string }>(
      `SELECT o.path FROM role_grant g JOIN org_unit o ON o.id = g.org_unit_id
        WHERE g.user_id = (SELECT id FROM app_user WHERE login = 'bench.hr.all') AND g.role = 'hr' ORDER BY o.path`,
    )
  ).rows.map((row) => row.path);
  const route = `${base}/api/v1/compliance/training-records/export`;
  // warm-up on a smaller filter: the route, the plan and the pages it reads
  await streamLines(`${route}?status=completed`, token);
  const rssBefore = context.rssMb(context.apiPid);
  const { value: api, peakMb } = await context.withPeakRss(context.apiPid, streamLines(route, token));
  const raw = await rawCopy(context.databaseUrl, trainingRecordsCopySql(paths, {}, 'en'));
  const rows = api.lines - 1;
  const apiRate = rows / api.seconds;
  const rawRate = raw.rows / raw.seconds;
  const growth = peakMb - rssBefore;
  return [
    {
      scenario: `HR training records export, ${format(rows)} rows of CSV streamed (${format(api.bytes / 1e6, 1)} MB)`,
      figure:
        `${format(apiRate)} rows/s in ${format(api.seconds, 1)} s = ${format((100 * apiRate) / rawRate)}% of raw COPY ` +
        `(${format(rawRate)} rows/s, ${format(raw.rows)} rows); API RSS ${format(rssBefore)} → peak ${format(peakMb)} MB (+${format(growth)} MB)`,
      target: '≥ 50% of raw COPY rows/s; RSS growth < 100 MB',
      met: rows === raw.rows && apiRate / rawRate >= 0.5 && growth < 100,
    },
  ];
}

export interface AuthorizationScenarioContext {
  pool: Pool;
  databaseUrl: string;
  port: number;
  seconds: number;
  startApi(databaseUrl: string, port: number, extraEnv: Record<string, string>): ChildProcess;
  waitFor(url: string, child: ChildProcess): Promise<void>;
  signIn(base: string, login: string): Promise<string>;
}

/**
 * `authorization`: one handler (read an org unit inside a scope) behind the full access check —
 * token, principal, role and org scope — and open with the same scope handed in its query, on an API
 * started with BENCH_ROUTES=true. The ratio is what the check costs a cheap, realistic route.
 */
export async function authorizationScenario(context: AuthorizationScenarioContext): Promise<ScenarioRow[]> {
  const base = `http://127.0.0.1:${context.port}`;
  const child = context.startApi(context.databaseUrl, context.port, { BENCH_ROUTES: 'true' });
  try {
    await context.waitFor(`${base}/api/health`, child);
    const token = await context.signIn(base, 'bench.hr');
    const scope = (
      await context.pool.query<{ path: string }>(
        `SELECT o.path FROM role_grant g JOIN org_unit o ON o.id = g.org_unit_id
          WHERE g.user_id = (SELECT id FROM app_user WHERE login = 'bench.hr') AND g.role = 'hr' ORDER BY o.path`,
      )
    ).rows.map((row) => row.path);
    const unitId = (
      await context.pool.query<{ id: string }>(
        `SELECT id FROM org_unit WHERE kind = 'border_post' AND path LIKE $1 || '.%' ORDER BY path LIMIT 1`,
        [scope[0]],
      )
    ).rows[0]?.id;
    const load =
      (url: string, headers: Record<string, string> = {}) =>
      async () => {
        const options = { url, connections: 10, seconds: context.seconds, headers };
        await httpLoad(options).catch(() => undefined);
        return httpLoad(options);
      };
    const guarded = await load(`${base}/api/v1/bench/guarded/org-units/${unitId}`, {
      authorization: `Bearer ${token}`,
    })();
    const open = await load(`${base}/api/v1/bench/open/org-units/${unitId}?scope=${scope.join(',')}`)();
    return [
      {
        scenario: 'authorization overhead: an org unit read in scope, guarded vs open',
        measure: guarded,
        baseline: { name: 'the same route unguarded', measure: open },
        target: 'guarded ≥ 85% of unguarded',
        met: guarded.requestsPerSecond / open.requestsPerSecond >= 0.85 && guarded.errors === 0,
      },
    ];
  } finally {
    child.kill('SIGTERM');
  }
}
