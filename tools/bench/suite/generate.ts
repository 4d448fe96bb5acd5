import { performance } from 'node:perf_hooks';

import { Database } from '@border-academy/api-db';
import { Client } from 'pg';

import { BENCH_HR_ALL_SQL } from './export-scenarios';
import {
  BENCH_POSITIONS,
  BENCH_QUALIFICATIONS,
  BenchSize,
  LESSONS_PER_COURSE,
  benchLocation,
  sizeOf,
} from './sizes';

const log = {
  log: (message: string) => process.stdout.write(`${message}\n`),
  warn: (message: string) => process.stderr.write(`${message}\n`),
};

/** The bench database for a size: on DATABASE_URL's server under its own name, else its own embedded cluster. */
export async function openBenchDatabase(size: BenchSize, fresh: boolean): Promise<Database> {
  const location = benchLocation(size);
  const external = process.env['DATABASE_URL'];
  if (external) {
    const admin = new Client({ connectionString: external });
    await admin.connect();
    try {
      if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${location.database} WITH (FORCE)`);
      const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [location.database]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${location.database}`);
    } finally {
      await admin.end();
    }
    const url = new URL(external);
    url.pathname = `/${location.database}`;
    return Database.connect(
      {
        url: url.toString(),
        dataDir: location.dataDir,
        embeddedPort: 0,
        embeddedDatabase: '',
        logQueries: false,
      },
      log,
    );
  }
  if (fresh) {
    const { rm } = await import('node:fs/promises');
    await rm(location.dataDir, { recursive: true, force: true });
  }
  return Database.connect(
    {
      dataDir: location.dataDir,
      embeddedPort: location.port,
      embeddedDatabase: location.database,
      logQueries: false,
    },
    log,
  );
}

/**
 * The steps that fill the database, each one SQL statement over generate_series, so PostgreSQL makes
 * the rows itself (no row crosses the wire) and the same size always yields the same data: names,
 * ids of events and certificate codes come from md5 of the row's number, never from random().
 */
function steps(size: BenchSize): [string, string][] {
  const enrolments = size.users * size.enrolmentsPerUser;
  // six of seven enrolments have begun, with 3.5 lessons done on average: repeated openings make up the rest
  const repeats = Math.max(0, Math.round((7 * size.eventsPerEnrolment) / 6 - 7));
  return [
    [
      `${BENCH_QUALIFICATIONS} qualifications, ${BENCH_POSITIONS} positions requiring 3 to 8 each`,
      `CREATE TABLE bench_position AS SELECT g AS idx, gen_random_uuid() AS id FROM generate_series(1, ${BENCH_POSITIONS}) g;
       INSERT INTO position (id, code, name)
         SELECT id, 'bench-position-' || idx, jsonb_build_object('en', 'Bench position ' || idx, 'ru', 'Должность ' || idx)
           FROM bench_position;
       CREATE TABLE bench_qualification AS SELECT g AS idx, gen_random_uuid() AS id FROM generate_series(1, ${BENCH_QUALIFICATIONS}) g;
       INSERT INTO qualification (id, code, name, area, level, rule, validity_months, warning_days)
         SELECT id, 'bench-q-' || idx, jsonb_build_object('en', 'Qualification ' || idx, 'ru', 'Квалификация ' || idx),
                (ARRAY['IBM','MIGRATION','TRADE'])[1 + idx % 3]::thematic_area, 1 + idx % 8, 'assessment', 24, 60
           FROM bench_qualification;
       -- position p requires 3 + p % 6 consecutive qualifications, starting at its own offset
       INSERT INTO position_qualification (position_id, qualification_id)
         SELECT p.id, q.id FROM bench_position p JOIN bench_qualification q
             ON (q.idx - p.idx * 3 + 10 * ${BENCH_QUALIFICATIONS}) % ${BENCH_QUALIFICATIONS} < 3 + p.idx % 6`,
    ],
    [
      'border posts',
      `CREATE TABLE bench_post AS
         SELECT g AS idx, gen_random_uuid() AS id, r.id AS parent_id, r.path || '.bench-post-' || g AS path,
                'bench-post-' || g AS code
           FROM generate_series(1, ${size.posts}) g
           JOIN LATERAL (SELECT id, path FROM org_unit WHERE kind = 'region'
                          ORDER BY path OFFSET (g % (SELECT count(*) FROM org_unit WHERE kind = 'region')) LIMIT 1) r ON true;
       INSERT INTO org_unit (id, code, kind, name, parent_id, path, depth)
         SELECT id, code, 'border_post', jsonb_build_object('en', 'Post ' || idx, 'ru', 'Пост ' || idx),
                parent_id, path, 3 FROM bench_post`,
    ],
    [
      'officers',
      `CREATE TABLE bench_user AS
         SELECT g AS idx, gen_random_uuid() AS id, p.id AS org_unit_id
           FROM generate_series(1, ${size.users}) g JOIN bench_post p ON p.idx = 1 + g % ${size.posts};
       INSERT INTO app_user (id, login, email, full_name, full_name_cyrillic, language, position_id, org_unit_id, password_hash)
         SELECT u.id, 'bench.' || u.idx, 'bench.' || u.idx || '@example.org', 'Officer ' || u.idx,
                'Сотрудник ' || u.idx, CASE WHEN u.idx % 3 = 0 THEN 'en' ELSE 'ru' END,
                (SELECT id FROM bench_position WHERE idx = 1 + u.idx % ${BENCH_POSITIONS}), u.org_unit_id,
                (SELECT password_hash FROM app_user WHERE login = 'kz.learner')
           FROM bench_user u;
       INSERT INTO role_grant (user_id, role, org_unit_id) SELECT id, 'learner', org_unit_id FROM bench_user`,
    ],
    [
      'published courses',
      `CREATE TABLE bench_course AS
         SELECT g AS idx, gen_random_uuid() AS id, gen_random_uuid() AS version_id,
                (SELECT id FROM org_unit WHERE kind = 'agency' ORDER BY code OFFSET g % 15 LIMIT 1) AS owner
           FROM generate_series(1, ${size.courses}) g;
       INSERT INTO course (id, code, area, level, estimated_hours, default_language, owner_org_unit_id, self_enrolment)
         SELECT id, 'bench-course-' || idx, (ARRAY['IBM','MIGRATION','TRADE'])[1 + idx % 3]::thematic_area,
                (ARRAY['basic','intermediate','advanced'])[1 + idx % 3]::course_level, 2 + idx % 6, 'en', owner, true
           FROM bench_course;
       INSERT INTO course_version (id, course_id, number, status, title, description, completeness, published_at)
         SELECT version_id, id, 1, 'published',
                jsonb_build_object('en', 'Border course ' || idx || ': ' || (ARRAY['risk analysis','document checks','mixed migration','single window','smuggling'])[1 + idx % 5],
                                   'ru', 'Курс ' || idx || ': ' || (ARRAY['анализ рисков','проверка документов','смешанная миграция','единое окно','контрабанда'])[1 + idx % 5]),
                jsonb_build_object('en', 'What border officers need to know', 'ru', 'Что нужно знать пограничнику'),
                '{"en": 100, "ru": 100}', now() - interval '30 days'
           FROM bench_course;
       UPDATE course c SET current_version_id = b.version_id FROM bench_course b WHERE b.id = c.id;
       CREATE TABLE bench_lesson AS
         SELECT b.idx AS course_idx, m AS module_position, l AS position, gen_random_uuid() AS id,
                gen_random_uuid() AS module_id, (m - 1) * 3 + l AS ordinal, b.version_id
           FROM bench_course b, generate_series(1, 2) m, generate_series(1, ${LESSONS_PER_COURSE / 2}) l;
       UPDATE bench_lesson l SET module_id = f.module_id
         FROM (SELECT DISTINCT ON (course_idx, module_position) course_idx, module_position, module_id
                 FROM bench_lesson ORDER BY course_idx, module_position, position) f
        WHERE f.course_idx = l.course_idx AND f.module_position = l.module_position;
       INSERT INTO course_module (id, version_id, position, title)
         SELECT DISTINCT module_id, version_id, module_position, jsonb_build_object('en', 'Module ' || module_position, 'ru', 'Модуль ' || module_position)
           FROM bench_lesson;
       INSERT INTO lesson (id, module_id, position, kind, title, body)
         SELECT id, module_id, position, 'text', jsonb_build_object('en', 'Lesson ' || ordinal, 'ru', 'Урок ' || ordinal),
                jsonb_build_object('en', 'Check the **document** against the light.', 'ru', 'Проверьте **документ** на просвет.')
           FROM bench_lesson`,
    ],
    [
      `${enrolments.toLocaleString('en')} enrolments`,
      `CREATE TABLE bench_enrolment AS
         SELECT (u.idx - 1) * ${size.enrolmentsPerUser} + j AS idx, gen_random_uuid() AS id, u.id AS user_id,
                c.id AS course_id, c.version_id, c.idx AS course_idx,
                -- lessons done: 0 to all of them, spread evenly by a hash of the row
                abs(hashint4((u.idx - 1) * ${size.enrolmentsPerUser} + j)) % ${LESSONS_PER_COURSE + 1} AS done
           FROM bench_user u CROSS JOIN generate_series(1, ${size.enrolmentsPerUser}) j
           -- 7919 is prime, so one person's courses are all different
           JOIN bench_course c ON c.idx = 1 + ((u.idx * 31 + j * 7919) % ${size.courses});
       INSERT INTO enrolment (id, user_id, course_id, course_version_id, source, status, progress_percent,
                              enrolled_at, started_at, completed_at, last_activity_at)
         SELECT id, user_id, course_id, version_id, 'self',
                (CASE WHEN done = 0 THEN 'enrolled' WHEN done = ${LESSONS_PER_COURSE} THEN 'completed' ELSE 'in_progress' END)::enrolment_status,
                done * 100 / ${LESSONS_PER_COURSE}, now() - interval '20 days',
                CASE WHEN done > 0 THEN now() - interval '19 days' END,
                CASE WHEN done = ${LESSONS_PER_COURSE} THEN now() - interval '2 days' END, now() - interval '1 day'
           FROM bench_enrolment`,
    ],
    [
      'progress events',
      `ALTER TABLE progress_event DROP CONSTRAINT fk_progress_event_enrolment, DROP CONSTRAINT fk_progress_event_lesson;
       DROP INDEX ix_progress_event_enrolment; DROP INDEX ix_progress_event_lesson_id;
       INSERT INTO progress_event (id, enrolment_id, lesson_id, kind, occurred_at, received_at)
         -- lessons 1..done each opened then done, then repeated openings of lessons already done
         SELECT md5('bench-event-' || e.idx || '-' || n)::uuid, e.id, l.id,
                (CASE WHEN n <= 2 * e.done AND n % 2 = 0 THEN 'done' ELSE 'opened' END)::progress_event_kind,
                now() - interval '10 days' + n * interval '1 minute', now() - interval '10 days' + n * interval '1 minute'
           FROM bench_enrolment e
           JOIN LATERAL generate_series(1, CASE WHEN e.done = 0 THEN 0 ELSE 2 * e.done + ${repeats} END) n ON true
           JOIN bench_lesson l ON l.course_idx = e.course_idx
                              AND l.ordinal = CASE WHEN n <= 2 * e.done THEN 1 + (n - 1) / 2 ELSE 1 + n % e.done END;
       CREATE INDEX ix_progress_event_enrolment ON progress_event (enrolment_id, lesson_id, kind);
       CREATE INDEX ix_progress_event_lesson_id ON progress_event (lesson_id);
       ALTER TABLE progress_event
         ADD CONSTRAINT fk_progress_event_enrolment FOREIGN KEY (enrolment_id) REFERENCES enrolment (id) ON DELETE CASCADE,
         ADD CONSTRAINT fk_progress_event_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id) ON DELETE CASCADE`,
    ],
    [
      'certificates',
      `INSERT INTO certificate (enrolment_id, user_id, course_id, code, holder_name, course_title, issuing_org_unit_id, issued_at)
         SELECT e.id, e.user_id, e.course_id,
                upper(translate(substr(md5('bench-certificate-' || e.idx) || md5('salt-' || e.idx), 1, 26), '0189', '2345')),
                'Officer ' || u.idx, v.title, c.owner, now() - interval '2 days'
           FROM bench_enrolment e JOIN bench_user u ON u.id = e.user_id JOIN bench_course c ON c.id = e.course_id
           JOIN course_version v ON v.id = e.version_id
          WHERE e.done = ${LESSONS_PER_COURSE}`,
    ],
    [
      'learners with 5, 50 and 200 enrolments',
      `INSERT INTO app_user (login, email, full_name, language, org_unit_id, password_hash)
         SELECT 'bench.heavy' || n, 'bench.heavy' || n || '@example.org', 'Heavy Learner ' || n, 'ru',
                (SELECT id FROM org_unit WHERE code = 'kz-border'), (SELECT password_hash FROM app_user WHERE login = 'kz.learner')
           FROM unnest(ARRAY[5, 50, 200]) n;
       INSERT INTO role_grant (user_id, role, org_unit_id)
         SELECT id, 'learner', org_unit_id FROM app_user WHERE login LIKE 'bench.heavy%';
       INSERT INTO enrolment (user_id, course_id, course_version_id, source, status, progress_percent, started_at, last_activity_at)
         SELECT u.id, c.id, c.version_id, 'self', 'in_progress', 50, now() - interval '3 days', now() - c.idx * interval '1 minute'
           FROM app_user u JOIN bench_course c ON c.idx <= substring(u.login FROM 12)::int
          WHERE u.login LIKE 'bench.heavy%'`,
    ],
    [
      'qualifications held (8 in 10 of those required, granted over the last 900 days for 24 months)',
      `CREATE TABLE bench_holding AS
         SELECT u.id AS user_id, q.id AS qualification_id, gen_random_uuid() AS grant_id,
                now() - (abs(hashint4(u.idx * 31 + q.idx)) % 900) * interval '1 day' AS granted_at
           FROM bench_user u JOIN bench_position p ON p.idx = 1 + u.idx % ${BENCH_POSITIONS}
           JOIN position_qualification pq ON pq.position_id = p.id
           JOIN bench_qualification q ON q.id = pq.qualification_id
          WHERE abs(hashint4(u.idx * 7 + q.idx)) % 10 < 8;
       INSERT INTO qualification_grant (id, user_id, qualification_id, source, granted_at, expires_at)
         SELECT grant_id, user_id, qualification_id, 'assessment', granted_at, granted_at + interval '24 months' FROM bench_holding;
       INSERT INTO staff_qualification (user_id, qualification_id, grant_id, granted_at, expires_at)
         SELECT user_id, qualification_id, grant_id, granted_at, granted_at + interval '24 months' FROM bench_holding;
       INSERT INTO app_user (login, email, full_name, language, org_unit_id, password_hash)
         SELECT 'bench.hr', 'bench.hr@example.org', 'Bench HR', 'en', id, (SELECT password_hash FROM app_user WHERE login = 'kz.hr')
           FROM org_unit WHERE code = 'kz';
       -- HR over the officers of as many countries as hold at least half of them
       INSERT INTO role_grant (user_id, role, org_unit_id)
         SELECT (SELECT id FROM app_user WHERE login = 'bench.hr'), 'hr', c.id
           FROM (SELECT o.id, count(u.id) AS own, sum(count(u.id)) OVER (ORDER BY o.code) AS running
                   FROM org_unit o LEFT JOIN org_unit d ON d.path LIKE o.path || '.%'
                   LEFT JOIN bench_user u ON u.org_unit_id = d.id
                  WHERE o.depth = 0 GROUP BY o.id, o.code) c
          WHERE c.running - c.own < ${size.users} / 2`,
    ],
    ['an HR person of every country, for the training records export', BENCH_HR_ALL_SQL],
    ['statistics', `ANALYZE`],
  ];
}

/** `npm run bench:data -- --size S|M|L`: a fresh, migrated, seeded database filled with a size's data. */
export default async function generate(args: string[]): Promise<number> {
  const size = sizeOf(args);
  const started = performance.now();
  const database = await openBenchDatabase(size, true);
  try {
    await database.migrate(log);
    await database.seed(log);
    for (const [name, sql] of steps(size)) {
      const stepStart = performance.now();
      await database.dataSource.query(sql);
      log.log(`  ${name}: ${((performance.now() - stepStart) / 1000).toFixed(1)} s`);
    }
    const counts: { table: string; rows: string }[] = await database.dataSource.query(
      `SELECT relname AS table, n_live_tup::text AS rows FROM pg_stat_user_tables
        WHERE relname IN ('org_unit','app_user','course','lesson','enrolment','progress_event','certificate',
                          'qualification','position_qualification','staff_qualification')
        ORDER BY relname`,
    );
    log.log(`Size ${size.name} generated in ${((performance.now() - started) / 1000).toFixed(1)} s:`);
    for (const row of counts) log.log(`  ${row.table.padEnd(16)} ${Number(row.rows).toLocaleString('en')}`);
    return 0;
  } finally {
    await database.close();
  }
}
