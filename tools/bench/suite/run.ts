import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { Pool } from 'pg';

import { CatalogueRepository } from '../../../libs/api/authoring/src/lib/catalogue/catalogue.repository';
import { EnrolmentRepository } from '../../../libs/api/learning/src/lib/enrolments/enrolment.repository';
import { MY_LEARNING_SECTIONS } from '../../../libs/shared/contracts/src/lib/learning';
import { ComplianceService } from '../../../libs/api/qualifications/src/lib/compliance/compliance.service';
import { authorizationScenario, exportScenario } from './export-scenarios';
import { openBenchDatabase } from './generate';
import { lighthouseRows } from './lighthouse';
import { Measure, closedLoop, httpLoad } from './measure';
import { sizeOf } from './sizes';

const ROOT = join(__dirname, '..', '..', '..');
const PASSWORD = 'BorderAcademy-2026!';
/** The API's own pool size (libs/api/db data-source.ts); the raw baselines get the same. */
const POOL_SIZE = 10;

interface Row {
  scenario: string;
  measure?: Measure;
  baseline?: { name: string; measure: Measure };
  /** The figure the target is about, when it is not a ratio of rates. */
  figure?: string;
  target: string;
  met: boolean;
}

function option(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
}

/** A manager for the repositories that runs their SQL on a bare node-postgres pool. */
function rawManager(pool: Pool): never {
  return {
    query: async (sql: string, parameters?: unknown[]) => (await pool.query(sql, parameters)).rows,
  } as never;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server at ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within two minutes`);
}

function startApi(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}): ChildProcess {
  const main = join(ROOT, 'dist', 'apps', 'api', 'main.js');
  if (!existsSync(main)) throw new Error('Build first: npx nx run-many -t build -p api,web');
  return spawn(process.execPath, [main], {
    cwd: ROOT,
    stdio: ['ignore', extraEnv['LOG_SQL'] ? 'pipe' : 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      APP_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      SIGN_IN_ATTEMPTS_PER_MINUTE: '1000000',
      VERIFICATIONS_PER_MINUTE: '1000000',
      REMINDERS_ENABLED: 'false',
      ...extraEnv,
    },
  });
}

/** The API process's resident memory now, in MB, from /proc (Linux). */
function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS while a promise runs; answers the promise's value and the peak. */
async function withPeakRss<T>(
  pid: number | undefined,
  work: Promise<T>,
): Promise<{ value: T; peakMb: number }> {
  let peakMb = rssMb(pid);
  const timer = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 100);
  try {
    return { value: await work, peakMb };
  } finally {
    clearInterval(timer);
  }
}

/**
 * SQL statements one request makes: a second API process logs every statement (LOG_SQL), and the
 * lines it prints while one request runs are counted. Sign-in happens before and is not counted.
 */
async function queriesPerRequest(
  databaseUrl: string,
  port: number,
  login: string,
  path: string,
): Promise<number> {
  const child = startApi(databaseUrl, port, { LOG_SQL: 'true', LOG_LEVEL: 'error' });
  let statements = 0;
  child.stdout?.on('data', (chunk: Buffer) => {
    statements += (chunk.toString().match(/^query:/gm) ?? []).length;
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/api/health`, child);
    const token = await signIn(base, login);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 500));
    await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await settle();
    const before = statements;
    const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    await settle();
    return statements - before;
  } finally {
    child.kill('SIGTERM');
  }
}

/** A bare NestJS application on the same HTTP adapter answering one JSON route: the framework's ceiling. */
function startHelloWorld(port: number): ChildProcess {
  const script = `
    require('reflect-metadata');
    const { Controller, Get, Module } = require('@nestjs/common');
    const { NestFactory } = require('@nestjs/core');
    const { FastifyAdapter } = require('@nestjs/platform-fastify');
    class Hello { hello() { return { status: 'ok' }; } }
    Get('hello')(Hello.prototype, 'hello', Object.getOwnPropertyDescriptor(Hello.prototype, 'hello'));
    Controller()(Hello);
    class App {}
    Module({ controllers: [Hello] })(App);
    NestFactory.create(App, new FastifyAdapter(), { logger: false }).then((app) => app.listen(${port}, '127.0.0.1'));
  `;
  return spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function signIn(base: string, login: string): Promise<string> {
  const response = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`Sign-in of ${login} answered ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** gzip sizes of the web build's initial scripts (those index.html loads) and of each lazy chunk. */
function bundleSizes(): { initial: number; chunks: { file: string; gzip: number }[] } {
  const dir = join(ROOT, 'dist', 'apps', 'web', 'browser');
  const index = readFileSync(join(dir, 'index.html'), 'utf8');
  const initialFiles = new Set([...index.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((match) => match[1]));
  const chunks = readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, gzip: gzipSync(readFileSync(join(dir, file))).length }));
  const initial = chunks.filter((chunk) => initialFiles.has(chunk.file)).reduce((sum, c) => sum + c.gzip, 0);
  return {
    initial,
    chunks: chunks.filter((chunk) => !initialFiles.has(chunk.file)).sort((a, b) => b.gzip - a.gzip),
  };
}

const format = (value: number, digits = 0) => value.toLocaleString('en', { maximumFractionDigits: digits });

function print(rows: Row[]): void {
  const lines = rows.map((row) => {
    const m = row.measure;
    const ratio =
      row.baseline && m
        ? `${format((100 * m.requestsPerSecond) / row.baseline.measure.requestsPerSecond)}% of ${row.baseline.name} (${format(row.baseline.measure.requestsPerSecond)}/s${row.baseline.measure.errors ? `, ${row.baseline.measure.errors} FAILED` : ''})`
        : '';
    return [
      row.scenario,
      m ? format(m.requestsPerSecond) : '',
      m ? format(m.p50Ms, 1) : '',
      m ? format(m.p99Ms, 1) : '',
      m ? String(m.errors) : '',
      row.figure ?? ratio,
      row.target,
      row.met ? 'met' : 'MISSED',
    ];
  });
  const header = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'measured against', 'target', ''];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column].length)),
  );
  for (const line of [header, ...lines]) {
    process.stdout.write(`${line.map((cell, column) => cell.padEnd(widths[column])).join('  ')}\n`);
  }
}

/**
 * `npm run bench -- --size S|M|L`: the production build against the generated data, each scenario
 * driven by autocannon after a warm-up, and in the same run its baseline — the same SQL on a bare
 * node-postgres pool of the same size, or a bare NestJS hello-world on the same adapter.
 */
export default async function run(args: string[]): Promise<number> {
  const size = sizeOf(args);
  const seconds = Number(option(args, 'seconds', size.name === 'S' ? '5' : '15'));
  const warmUp = Math.max(2, Math.round(seconds / 3));
  const only = option(args, 'only', '')
    .split(',')
    .filter((name) => name !== '');
  const wanted = (scenario: string) => only.length === 0 || only.includes(scenario);
  // the smoke in npm test: every scenario must run without an error; speed is not judged
  const smoke = args.includes('--smoke');
  const database = await openBenchDatabase(size, false);
  const pool = new Pool({ connectionString: database.url, max: POOL_SIZE });
  // an idle connection that the server ends (the embedded one stopping at the end) is not a failure of the run
  pool.on('error', () => undefined);
  const apiPort = 3400;
  const helloPort = 3401;
  const base = `http://127.0.0.1:${apiPort}`;
  const api = startApi(database.url, apiPort);
  const hello = startHelloWorld(helloPort);
  const rows: Row[] = [];
  try {
    const generated = await pool.query(`SELECT to_regclass('bench_enrolment') IS NOT NULL AS ready`);
    if (!generated.rows[0]?.ready)
      throw new Error(`Generate the data first: npm run bench:data -- --size ${size.name}`);
    await waitFor(`${base}/api/health`, api);
    await waitFor(`http://127.0.0.1:${helloPort}/hello`, hello);

    const measure = async (load: () => Promise<Measure>): Promise<Measure> => {
      await load().catch(() => undefined);
      return load();
    };

    // progress events: fifty learners, each on one of their enrolments, every event a new id
    const learners: { login: string; enrolmentId: string; lessonIds: string[] }[] = (
      await pool.query(
        `SELECT DISTINCT ON (u.idx) 'bench.' || u.idx AS login, e.id AS "enrolmentId",
                array_agg(l.id ORDER BY l.ordinal) AS "lessonIds"
           FROM bench_user u JOIN bench_enrolment e ON e.user_id = u.id JOIN bench_lesson l ON l.course_idx = e.course_idx
          WHERE u.idx <= 50 GROUP BY u.idx, e.id ORDER BY u.idx, e.id`,
      )
    ).rows;
    const tokens = await Promise.all(learners.map((learner) => signIn(base, learner.login)));
    const eventBody = (connection: number, iteration: number) => {
      const learner = learners[connection % learners.length];
      return JSON.stringify({
        events: [
          {
            id: randomUUID(),
            enrolmentId: learner.enrolmentId,
            lessonId: learner.lessonIds[iteration % learner.lessonIds.length],
            kind: 'opened',
            occurredAt: new Date().toISOString(),
          },
        ],
      });
    };
    const progressLoad = () =>
      httpLoad({
        url: `${base}/api/v1/progress-events`,
        method: 'POST',
        connections: 50,
        seconds,
        headers: { 'content-type': 'application/json' },
        request: (connection, iteration) => ({
          headers: { authorization: `Bearer ${tokens[connection % tokens.length]}` },
          body: eventBody(connection, iteration),
        }),
      });
    await httpLoad({ ...{ url: `${base}/api/health`, connections: 10, seconds: warmUp } });
    if (wanted('progress')) {
      await measure(progressLoad);
      const { value: progress, peakMb } = await withPeakRss(api.pid, progressLoad());
      const rawInsert = await closedLoop(
        async (worker, iteration) => {
          const learner = learners[worker % learners.length];
          await pool.query(
            `INSERT INTO progress_event (id, enrolment_id, lesson_id, kind, occurred_at)
           VALUES ($1, $2, $3, 'opened', now()) ON CONFLICT DO NOTHING`,
            [randomUUID(), learner.enrolmentId, learner.lessonIds[iteration % learner.lessonIds.length]],
          );
        },
        50,
        seconds,
      );
      const progressRatio = progress.requestsPerSecond / rawInsert.requestsPerSecond;
      rows.push({
        scenario: 'record a progress event, 50 connections',
        measure: progress,
        baseline: { name: 'raw insert-on-conflict', measure: rawInsert },
        target: '≥ 40% of raw; p99 < 100 ms; 0 errors',
        met: progressRatio >= 0.4 && progress.p99Ms < 100 && progress.errors === 0,
      });
      rows.push({
        scenario: 'memory: API under the progress-event load',
        figure: `peak RSS ${format(peakMb)} MB`,
        target: 'peak RSS < 300 MB',
        met: peakMb > 0 && peakMb < 300,
      });
    }

    // catalogue search as a learner at a border post
    if (wanted('catalogue')) {
      const [searcher] = learners;
      const searcherToken = tokens[0];
      const searcherUnit = (
        await pool.query(`SELECT org_unit_id FROM app_user WHERE login = $1`, [searcher.login])
      ).rows[0].org_unit_id as string;
      const catalogue = await measure(() =>
        httpLoad({
          url: `${base}/api/v1/catalogue/courses?q=border&pageSize=20`,
          connections: 10,
          seconds,
          headers: { authorization: `Bearer ${searcherToken}` },
        }),
      );
      const catalogueRepository = new CatalogueRepository();
      const rawCatalogue = await closedLoop(
        async () => {
          await catalogueRepository.findPage(rawManager(pool), {
            orgUnitId: searcherUnit,
            q: 'border',
            page: 1,
            pageSize: 20,
          } as never);
        },
        10,
        seconds,
      );
      rows.push({
        scenario: 'catalogue search, page of 20',
        measure: catalogue,
        baseline: { name: 'the raw query', measure: rawCatalogue },
        target: '≥ 50% of the raw query',
        met: catalogue.requestsPerSecond / rawCatalogue.requestsPerSecond >= 0.5 && catalogue.errors === 0,
      });
    }

    // my learning of a learner with 50 enrolments, and the same at 5 and 200
    if (wanted('learning')) {
      const heavy = async (n: number) => {
        const token = await signIn(base, `bench.heavy${n}`);
        const userId = (await pool.query(`SELECT id FROM app_user WHERE login = $1`, [`bench.heavy${n}`]))
          .rows[0].id as string;
        return { token, userId };
      };
      const [five, fifty, twoHundred] = [await heavy(5), await heavy(50), await heavy(200)];
      const myLearning = (token: string) =>
        measure(() =>
          httpLoad({
            url: `${base}/api/v1/me/learning`,
            connections: 10,
            seconds,
            headers: { authorization: `Bearer ${token}` },
          }),
        );
      const learning50 = await myLearning(fifty.token);
      const enrolments = new EnrolmentRepository();
      const rawLearning = await closedLoop(
        async () => {
          await Promise.all(
            MY_LEARNING_SECTIONS.map((section) =>
              enrolments.findSection(rawManager(pool), fifty.userId, section as never, 1, 20),
            ),
          );
        },
        10,
        seconds,
      );
      rows.push({
        scenario: 'my learning, 50 enrolments',
        measure: learning50,
        baseline: { name: 'the raw queries', measure: rawLearning },
        target: '≥ 40% of the raw queries',
        met: learning50.requestsPerSecond / rawLearning.requestsPerSecond >= 0.4 && learning50.errors === 0,
      });
      const learning5 = await myLearning(five.token);
      const learning200 = await myLearning(twoHundred.token);
      const growth = learning200.p50Ms / learning5.p50Ms;
      rows.push({
        scenario: 'my learning at 200 enrolments vs 5',
        measure: learning200,
        figure: `p50 ${format(learning200.p50Ms, 1)} ms vs ${format(learning5.p50Ms, 1)} ms = ${format(growth, 2)}×; 3 queries at any count`,
        target: 'latency at 200 ≤ 1.5× at 5',
        met: growth <= 1.5 && learning5.errors === 0 && learning200.errors === 0,
      });
      const [queries5, queries200] = [
        await queriesPerRequest(database.url, apiPort + 10, 'bench.heavy5', '/api/v1/me/learning'),
        await queriesPerRequest(database.url, apiPort + 10, 'bench.heavy200', '/api/v1/me/learning'),
      ];
      rows.push({
        scenario: 'my learning: SQL statements per request',
        figure: `${queries5} at 5 enrolments, ${queries200} at 200 (the access check's included)`,
        target: 'constant, ≤ 5 plus the access check',
        met: queries5 === queries200 && queries5 > 0,
      });
    }

    // the HR compliance matrix: first page and totals over the bench HR's scope
    if (wanted('compliance')) {
      const hrToken = await signIn(base, 'bench.hr');
      const hrScope: { paths: string[]; people: number; qualifications: number } = (
        await pool.query(
          `SELECT array_agg(DISTINCT o.path) AS paths,
                (SELECT count(DISTINCT u.id)::int FROM app_user u JOIN org_unit uo ON uo.id = u.org_unit_id
                   JOIN position_qualification pq ON pq.position_id = u.position_id
                  WHERE EXISTS (SELECT 1 FROM role_grant g2 JOIN org_unit s ON s.id = g2.org_unit_id
                                 WHERE g2.user_id = g.user_id AND g2.role = 'hr' AND uo.path LIKE s.path || '.%')) AS people,
                (SELECT count(*)::int FROM qualification) AS qualifications
           FROM role_grant g JOIN org_unit o ON o.id = g.org_unit_id
          WHERE g.user_id = (SELECT id FROM app_user WHERE login = 'bench.hr') AND g.role = 'hr'
          GROUP BY g.user_id`,
        )
      ).rows[0];
      const matrix = await measure(() =>
        httpLoad({
          url: `${base}/api/v1/compliance/matrix?pageSize=20`,
          connections: 2,
          seconds,
          headers: { authorization: `Bearer ${hrToken}` },
        }),
      );
      const rawCompliance = new ComplianceService({ manager: rawManager(pool) } as never, {
        now: () => new Date(),
      });
      const rawMatrix = await closedLoop(
        async () => {
          await rawCompliance.matrix({ scope: hrScope.paths } as never, { pageSize: 20 });
        },
        2,
        seconds,
      );
      rows.push({
        scenario: `HR compliance matrix, first page + totals, ${format(hrScope.people)} people × ${hrScope.qualifications} qualifications`,
        measure: matrix,
        baseline: { name: 'the raw SQL', measure: rawMatrix },
        target: 'median < 500 ms; ≥ 80% of the raw SQL',
        met:
          matrix.p50Ms < 500 &&
          matrix.requestsPerSecond / rawMatrix.requestsPerSecond >= 0.8 &&
          matrix.errors === 0,
      });
    }

    // public certificate verification against the framework's ceiling
    if (wanted('verification')) {
      const code = (await pool.query(`SELECT code FROM certificate ORDER BY code LIMIT 1`)).rows[0]
        ?.code as string;
      const verification = await measure(() =>
        httpLoad({ url: `${base}/api/v1/certificates/verification/${code}`, connections: 10, seconds }),
      );
      const helloWorld = await measure(() =>
        httpLoad({ url: `http://127.0.0.1:${helloPort}/hello`, connections: 10, seconds }),
      );
      rows.push({
        scenario: 'certificate verification (public)',
        measure: verification,
        baseline: { name: 'hello-world', measure: helloWorld },
        target: '≥ 50% of hello-world',
        met:
          verification.requestsPerSecond / helloWorld.requestsPerSecond >= 0.5 && verification.errors === 0,
      });
    }

    // sign-in: argon2id at the library's defaults (OWASP's m=19 MiB, t=2, p=1)
    if (wanted('sign-in')) {
      const signIns = await httpLoad({
        url: `${base}/api/v1/auth/sign-in`,
        method: 'POST',
        connections: 4,
        seconds,
        headers: { 'content-type': 'application/json' },
        request: (connection) => ({
          body: JSON.stringify({ login: `bench.${1 + (connection % 50)}`, password: PASSWORD }),
        }),
      });
      rows.push({
        scenario: 'sign-in',
        measure: signIns,
        figure: `${format(signIns.requestsPerSecond / cpus().length, 1)} sign-ins/s per core (${cpus().length} cores)`,
        target: 'argon2id at OWASP parameters; report per core',
        met: signIns.errors === 0,
      });
    }

    // HR's training records export, streamed, against PostgreSQL's own COPY of the same SELECT
    if (wanted('export')) {
      rows.push(
        ...(await exportScenario({
          pool,
          databaseUrl: database.url,
          base,
          apiPid: api.pid,
          signIn,
          rssMb,
          withPeakRss,
        })),
      );
    }

    // the access check's cost: one handler guarded and open, on an API started with BENCH_ROUTES=true
    if (wanted('authorization')) {
      rows.push(
        ...(await authorizationScenario({
          pool,
          databaseUrl: database.url,
          port: apiPort + 20,
          seconds,
          startApi,
          waitFor,
          signIn,
        })),
      );
    }

    const bundle = bundleSizes();
    if (wanted('bundle'))
      rows.push({
        scenario: 'web: initial JavaScript, gzip',
        figure: `${format(bundle.initial / 1024, 1)} kB; largest lazy chunks: ${bundle.chunks
          .slice(0, 5)
          .map((chunk) => `${chunk.file} ${format(chunk.gzip / 1024, 1)} kB`)
          .join(', ')}`,
        target: '≤ 250 kB',
        met: bundle.initial <= 250 * 1024,
      });

    // Lighthouse's mobile preset on a page of each kind: signed out, the learner's two, HR's matrix
    if (wanted('lighthouse')) {
      const [learner] = learners;
      rows.push(
        ...(await lighthouseRows({
          base,
          password: PASSWORD,
          smoke,
          reportDir: join(ROOT, 'tools', 'bench', 'results', `lighthouse-${size.name}`),
          pages: [
            { name: 'sign-in', path: '/sign-in' },
            { name: 'catalogue', path: '/learning', login: learner.login },
            {
              name: 'lesson',
              path: `/learning/enrolments/${learner.enrolmentId}/lessons/${learner.lessonIds[0]}`,
              login: learner.login,
            },
            { name: 'HR compliance matrix', path: '/staff', login: 'bench.hr' },
          ],
        })),
      );
    }

    process.stdout.write(
      `\nSize ${size.name}, ${seconds} s per measure after a ${warmUp} s warm-up, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}):\n\n`,
    );
    print(rows);
    const results = join(ROOT, 'tools', 'bench', 'results');
    mkdirSync(results, { recursive: true });
    const file = join(results, `suite-${size.name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      file,
      JSON.stringify({ size: size.name, seconds, cpus: cpus().length, rows, bundle }, null, 2),
    );
    process.stdout.write(`\nWritten to ${file}\n`);
    if (smoke) {
      const failed = rows.filter(
        (row) => (row.measure?.errors ?? 0) > 0 || (row.baseline?.measure.errors ?? 0) > 0,
      );
      process.stdout.write(`\nSmoke: ${rows.length} rows, ${failed.length} with errors\n`);
      return rows.length > 0 && failed.length === 0 ? 0 : 1;
    }
    // a baseline that failed measures nothing: its row cannot be met
    return rows.every((row) => row.met && (row.baseline?.measure.errors ?? 0) === 0) ? 0 : 1;
  } finally {
    api.kill('SIGTERM');
    hello.kill('SIGTERM');
    await pool.end();
    await database.close();
  }
}
