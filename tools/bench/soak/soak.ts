import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { Database } from '@border-academy/api-db';
import { Pool } from 'pg';

const ROOT = join(__dirname, '..', '..', '..');
const PASSWORD = 'BorderAcademy-2026!';
const log = {
  log: (message: string) => process.stdout.write(`${message}\n`),
  warn: (message: string) => process.stderr.write(`${message}\n`),
};

function option(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1] ?? fallback) : fallback;
}

interface Lesson {
  id: string;
  quizId: string | null;
}

interface Enrolment {
  id: string;
  lessons: Lesson[];
}

interface Learner {
  login: string;
  token: string;
  enrolments: Enrolment[];
}

interface Answer {
  questionId: string;
  optionIds?: string[];
  value?: boolean;
  text?: string;
}

/** What the simulated learners were told the server kept, and what they did to it. */
const tally = {
  requests: 0,
  retries: 0,
  duplicateSends: 0,
  concurrentCopies: 0,
  serverErrors: 0,
  acknowledgedEvents: new Set<string>(),
  submissions: 0,
  refusedSecondSubmissions: 0,
};

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const chance = (p: number) => Math.random() < p;

async function send(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  // a lost answer is retried with the same body, as the web app's queue does
  for (let attempt = 0; ; attempt++) {
    tally.requests += 1;
    try {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const json = response.status === 204 ? null : await response.json().catch(() => null);
      if (response.status >= 500 && attempt < 5) {
        tally.serverErrors += 1;
        tally.retries += 1;
        await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
        continue;
      }
      return { status: response.status, json };
    } catch (error) {
      if (attempt >= 5) throw error;
      tally.retries += 1;
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
    }
  }
}

/** One learner's session: batches of events with duplicates, replays and concurrent copies; quizzes. */
async function learn(
  base: string,
  learner: Learner,
  until: number,
  answers: Map<string, Answer>,
): Promise<void> {
  const sent: object[] = [];
  while (Date.now() < until) {
    const enrolment = pick(learner.enrolments);
    const lesson = pick(enrolment.lessons);
    if (lesson.quizId) {
      const started = await send(
        base,
        learner.token,
        'POST',
        `/api/v1/enrolments/${enrolment.id}/quiz-attempts`,
        {
          quizId: lesson.quizId,
        },
      );
      if (started.status !== 201 && started.status !== 200) continue;
      const attempt = started.json as { id: string; questions: { id: string }[] };
      const body = {
        answers: attempt.questions.map((question) =>
          chance(0.8)
            ? answers.get(question.id)
            : { questionId: question.id, value: chance(0.5), optionIds: [], text: 'x' },
        ),
      };
      const copies = chance(0.1) ? 2 : 1;
      if (copies === 2) tally.concurrentCopies += 1;
      const results = await Promise.all(
        Array.from({ length: copies }, () =>
          send(base, learner.token, 'POST', `/api/v1/quiz-attempts/${attempt.id}/submission`, body),
        ),
      );
      tally.submissions += results.filter((result) => result.status === 200).length;
      tally.refusedSecondSubmissions += results.filter((result) => result.status === 409).length;
      continue;
    }
    const events: object[] = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => ({
      id: randomUUID(),
      enrolmentId: enrolment.id,
      lessonId: lesson.id,
      kind: chance(0.6) ? 'done' : 'opened',
      occurredAt: new Date(Date.now() - Math.floor(Math.random() * 60_000)).toISOString(),
    }));
    if (sent.length > 0 && chance(0.3)) {
      events.push(pick(sent));
      tally.duplicateSends += 1;
    }
    const copies = chance(0.1) ? 2 : 1;
    if (copies === 2) tally.concurrentCopies += 1;
    const results = await Promise.all(
      Array.from({ length: copies }, () =>
        send(base, learner.token, 'POST', '/api/v1/progress-events', { events }),
      ),
    );
    if (results.some((result) => result.status === 200)) {
      for (const event of events) {
        tally.acknowledgedEvents.add((event as { id: string }).id);
        sent.push(event);
      }
    }
  }
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within two minutes`);
}

/**
 * `npm run bench:soak -- --minutes 5 --learners 200`: simulated learners send progress events and quiz
 * submissions to the production build for the given time, with duplicates, replays, concurrent copies
 * and retries; then every acknowledged event must be recorded exactly once, and every enrolment's
 * state, certificate and qualification must match a recomputation from the raw records.
 */
export default async function soak(args: string[]): Promise<number> {
  const minutes = option(args, 'minutes', 5);
  const count = option(args, 'learners', 200);
  const main = join(ROOT, 'dist', 'apps', 'api', 'main.js');
  if (!existsSync(main)) throw new Error('Build first: npx nx run-many -t build -p api,web');

  const external = process.env['DATABASE_URL'];
  let url = external;
  if (external) {
    const admin = new Pool({ connectionString: external, max: 1 });
    await admin.query(`DROP DATABASE IF EXISTS border_academy_soak WITH (FORCE)`);
    await admin.query(`CREATE DATABASE border_academy_soak`);
    await admin.end();
    const parsed = new URL(external);
    parsed.pathname = '/border_academy_soak';
    url = parsed.toString();
  } else {
    const { rm } = await import('node:fs/promises');
    await rm('.data/soak', { recursive: true, force: true });
  }
  const database = await Database.connect(
    url
      ? { url, dataDir: '.data/soak', embeddedPort: 0, embeddedDatabase: '', logQueries: false }
      : {
          dataDir: '.data/soak',
          embeddedPort: 54380,
          embeddedDatabase: 'border_academy_soak',
          logQueries: false,
        },
    log,
  );
  await database.migrate(log);
  await database.seed(log);
  const pool = new Pool({ connectionString: database.url, max: 4 });
  pool.on('error', () => undefined);
  const port = 3410;
  const api = spawn(process.execPath, [main], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      APP_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: database.url,
      PORT: String(port),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      REMINDERS_ENABLED: 'false',
      SIGN_IN_ATTEMPTS_PER_MINUTE: '1000000',
    },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    // the learners: officers at Kazakhstan's border posts, each enrolled on the three demo courses
    await pool.query(
      `INSERT INTO app_user (login, email, full_name, language, org_unit_id, position_id, password_hash)
       SELECT 'soak.' || g, 'soak.' || g || '@example.org', 'Soak Learner ' || g, 'en',
              (SELECT id FROM org_unit WHERE kind = 'border_post' AND code LIKE 'kz-border-%' ORDER BY code OFFSET g % 4 LIMIT 1),
              (SELECT id FROM position WHERE code = 'first-line-border-guard'),
              (SELECT password_hash FROM app_user WHERE login = 'kz.learner')
         FROM generate_series(1, $1::int) g`,
      [count],
    );
    await pool.query(
      `INSERT INTO role_grant (user_id, role, org_unit_id) SELECT id, 'learner', org_unit_id FROM app_user WHERE login LIKE 'soak.%'`,
    );
    await pool.query(
      `INSERT INTO enrolment (user_id, course_id, course_version_id, source)
       SELECT u.id, c.id, c.current_version_id, 'self' FROM app_user u, course c
        WHERE u.login LIKE 'soak.%' AND c.current_version_id IS NOT NULL
       ON CONFLICT DO NOTHING`,
    );
    const answers = new Map<string, Answer>(
      (
        await pool.query(
          `SELECT q.id, q.kind, q.options, q.correct_boolean AS "correctBoolean", q.short_answer AS "shortAnswer"
             FROM question q JOIN course c ON c.current_version_id = q.version_id`,
        )
      ).rows.map(
        (q: {
          id: string;
          kind: string;
          options: { id: string; correct: boolean }[];
          correctBoolean: boolean | null;
          shortAnswer: { accepted: string[] } | null;
        }) => [
          q.id,
          q.kind === 'true-false'
            ? { questionId: q.id, value: q.correctBoolean ?? false }
            : q.kind === 'short-answer'
              ? {
                  questionId: q.id,
                  text: (q.shortAnswer?.accepted[0] ?? '').replace(/\*/g, '').replace(/\?/g, 'a'),
                }
              : { questionId: q.id, optionIds: q.options.filter((o) => o.correct).map((o) => o.id) },
        ],
      ),
    );
    const plans: { login: string; enrolments: Enrolment[] }[] = (
      await pool.query(
        `SELECT u.login, json_agg(json_build_object('id', e.id, 'lessons', (
                  SELECT json_agg(json_build_object('id', l.id, 'quizId', l.quiz_id) ORDER BY m.position, l.position)
                    FROM lesson l JOIN course_module m ON m.id = l.module_id WHERE m.version_id = e.course_version_id))) AS enrolments
           FROM app_user u JOIN enrolment e ON e.user_id = u.id
          WHERE u.login LIKE 'soak.%' GROUP BY u.login ORDER BY u.login`,
      )
    ).rows;
    await waitFor(`${base}/api/health`, api);
    const learners: Learner[] = [];
    for (const plan of plans) {
      const response = await fetch(`${base}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: plan.login, password: PASSWORD }),
      });
      learners.push({ ...plan, token: ((await response.json()) as { accessToken: string }).accessToken });
    }

    log.log(`${learners.length} learners for ${minutes} min…`);
    const started = performance.now();
    const until = Date.now() + minutes * 60_000;
    await Promise.all(learners.map((learner) => learn(base, learner, until, answers)));
    const seconds = (performance.now() - started) / 1000;

    const acknowledged = [...tally.acknowledgedEvents];
    const [{ lost }] = (
      await pool.query(
        `SELECT count(*)::int AS lost FROM unnest($1::uuid[]) a(id) WHERE NOT EXISTS (SELECT 1 FROM progress_event p WHERE p.id = a.id)`,
        [acknowledged],
      )
    ).rows;
    const [{ doubled }] = (
      await pool.query(
        `SELECT (SELECT count(*) FROM (SELECT id FROM progress_event GROUP BY id HAVING count(*) > 1) x)
              + (SELECT count(*) FROM (SELECT enrolment_id FROM certificate GROUP BY enrolment_id HAVING count(*) > 1) x)
              + (SELECT count(*) FROM (SELECT enrolment_id, qualification_id FROM qualification_grant
                                        WHERE enrolment_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) x)
              + (SELECT count(*) FROM (SELECT enrolment_id, quiz_id, attempt_no FROM quiz_attempt GROUP BY 1, 2, 3 HAVING count(*) > 1) x)
              AS doubled`,
      )
    ).rows;
    // recompute every soak enrolment from its records inside a transaction that is rolled back
    const client = await pool.connect();
    let mismatched = 0;
    let completed = 0;
    try {
      await client.query('BEGIN');
      const before = (
        await client.query(
          `SELECT e.id, e.status, e.progress_percent, e.continue_lesson_id,
                  EXISTS (SELECT 1 FROM certificate c WHERE c.enrolment_id = e.id) AS certified
             FROM enrolment e JOIN app_user u ON u.id = e.user_id WHERE u.login LIKE 'soak.%' ORDER BY e.id`,
        )
      ).rows as {
        id: string;
        status: string;
        progress_percent: number;
        continue_lesson_id: string | null;
        certified: boolean;
      }[];
      for (const row of before) {
        await client.query(`SELECT learning_recompute($1)`, [row.id]);
      }
      const after = (
        await client.query(
          `SELECT e.id, e.status, e.progress_percent, e.continue_lesson_id
             FROM enrolment e JOIN app_user u ON u.id = e.user_id WHERE u.login LIKE 'soak.%' ORDER BY e.id`,
        )
      ).rows as { id: string; status: string; progress_percent: number; continue_lesson_id: string | null }[];
      for (const [index, row] of before.entries()) {
        const again = after[index];
        if (row.status === 'completed') completed += 1;
        if (
          !again ||
          again.status !== row.status ||
          again.progress_percent !== row.progress_percent ||
          again.continue_lesson_id !== row.continue_lesson_id ||
          (row.status === 'completed') !== row.certified
        ) {
          mismatched += 1;
        }
      }
      // a course-based qualification is held exactly when its courses are completed
      const [{ wrongQualifications }] = (
        await client.query(
          `SELECT count(*)::int AS "wrongQualifications" FROM app_user u CROSS JOIN qualification q
            WHERE u.login LIKE 'soak.%' AND q.rule <> 'assessment'
              AND EXISTS (SELECT 1 FROM staff_qualification sq WHERE sq.user_id = u.id AND sq.qualification_id = q.id)
                  <> ((SELECT count(DISTINCT e.course_id) FROM qualification_course qc
                         JOIN enrolment e ON e.course_id = qc.course_id AND e.user_id = u.id AND e.status = 'completed'
                        WHERE qc.qualification_id = q.id)
                      >= COALESCE(q.required_count, (SELECT count(*) FROM qualification_course qc2 WHERE qc2.qualification_id = q.id)))`,
        )
      ).rows;
      mismatched += wrongQualifications;
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const [{ events, grants }] = (
      await pool.query(
        `SELECT (SELECT count(*)::int FROM progress_event) AS events,
                (SELECT count(*)::int FROM qualification_grant g JOIN app_user u ON u.id = g.user_id WHERE u.login LIKE 'soak.%') AS grants`,
      )
    ).rows;
    log.log(
      [
        `Soak: ${learners.length} learners for ${(seconds / 60).toFixed(1)} min, ${tally.requests.toLocaleString('en')} requests (${(tally.requests / seconds).toFixed(0)}/s)`,
        `  sent: ${tally.duplicateSends.toLocaleString('en')} batches carrying an event again, ${tally.concurrentCopies.toLocaleString('en')} concurrent copies, ${tally.retries} retries (${tally.serverErrors} after a 5xx)`,
        `  quiz submissions graded: ${tally.submissions}; second copies refused: ${tally.refusedSecondSubmissions}`,
        `  acknowledged events: ${acknowledged.length.toLocaleString('en')}; rows: ${events.toLocaleString('en')}; completions: ${completed}; qualifications granted: ${grants}`,
        `  lost: ${lost}, doubled: ${doubled}, mismatched: ${mismatched}`,
      ].join('\n'),
    );
    return lost === 0 && Number(doubled) === 0 && mismatched === 0 ? 0 : 1;
  } finally {
    api.kill('SIGTERM');
    await pool.end();
    await database.close();
  }
}
