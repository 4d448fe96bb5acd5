import { request } from 'node:http';
import { AddressInfo } from 'node:net';

import { orgUnitsSeed } from '@border-academy/api-db';
import { LearningModule } from '@border-academy/api-learning';
import {
  TestApp,
  TestUser,
  createTestApp,
  createTestUser,
  injectAs,
  seedTestDatabase,
} from '@border-academy/api-platform';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';

import { QualificationsModule } from '../qualifications.module';

const STATUS_RU: Record<string, string> = {
  enrolled: 'Записан',
  in_progress: 'В процессе',
  completed: 'Завершён',
  failed: 'Не пройден',
  withdrawn: 'Отменён',
  expired: 'Срок истёк',
};

/** What a spreadsheet must not evaluate: the same rule as the compliance export's `csvField`. */
function neutralised(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const day = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : '');

describe('training records export', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let hrAlmaty: TestUser;
  let courseId: string;
  let otherCourseId: string;

  async function insert(sql: string, parameters: unknown[] = []): Promise<string> {
    const rows: { id: string }[] = await dataSource.query(`${sql} RETURNING id`, parameters);
    if (!rows[0]) throw new Error(`no row from ${sql}`);
    return rows[0].id;
  }

  async function course(code: string, title: object): Promise<{ id: string; versionId: string }> {
    const id = await insert(
      `INSERT INTO course (code, area, level, estimated_hours, default_language, owner_org_unit_id)
       SELECT $1, 'IBM', 'basic', 1, 'en', id FROM org_unit WHERE code = 'kz-border'`,
      [code],
    );
    const versionId = await insert(
      `INSERT INTO course_version (course_id, number, status, title, description, completeness, published_at)
       VALUES ($1, 1, 'published', $2, '{"en":"About"}', '{"en":100}', now())`,
      [id, JSON.stringify(title)],
    );
    await dataSource.query(`UPDATE course SET current_version_id = $2 WHERE id = $1`, [id, versionId]);
    return { id, versionId };
  }

  async function enrol(
    userId: string,
    target: { id: string; versionId: string },
    status: string,
    completedAt: string | null = null,
  ): Promise<string> {
    return insert(
      `INSERT INTO enrolment (user_id, course_id, course_version_id, source, status, enrolled_at, due_at,
                              completed_at, withdrawn_at)
       VALUES ($1, $2, $3, 'assigned', $4::enrolment_status, '2026-01-05T10:00:00Z', '2026-03-01T00:00:00Z', $5,
               CASE WHEN $4::enrolment_status = 'withdrawn' THEN now() END)`,
      [userId, target.id, target.versionId, status, completedAt],
    );
  }

  /** The export's body as rows, the byte-order mark and header apart. */
  async function exported(user: TestUser, query = ''): Promise<{ header: string[]; rows: string[][] }> {
    const response = await injectAs(
      testApp.app,
      user,
      'GET',
      `/api/v1/compliance/training-records/export${query}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.body.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = parse(response.body.slice(1)) as string[][];
    return { header: header ?? [], rows };
  }

  beforeAll(async () => {
    testApp = await createTestApp([LearningModule, QualificationsModule]);
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
    hrAlmaty = await createTestUser(testApp.app, {
      login: 'kz.hr.almaty',
      orgUnitCode: 'kz-border-almaty',
      grants: [['hr', 'kz-border-almaty']],
    });
    const positionId = await insert(
      `INSERT INTO position (code, name) VALUES ('guard', '{"en":"Guard","ru":"Пограничник"}')`,
    );
    const first = await course('tr-first', { en: 'Document checks', ru: 'Проверка документов' });
    const second = await course('tr-second', { en: '@Risk analysis' });
    courseId = first.id;
    otherCourseId = second.id;
    const officer = await createTestUser(testApp.app, {
      login: 'kz.officer.khorgos',
      orgUnitCode: 'kz-border-khorgos',
    });
    await dataSource.query(`UPDATE app_user SET full_name = $2, position_id = $3 WHERE id = $1`, [
      officer.id,
      '=HYPERLINK("http://evil.example","click")',
      positionId,
    ]);
    const colleague = await createTestUser(testApp.app, {
      login: 'kz.officer.almaty',
      orgUnitCode: 'kz-border-almaty',
    });
    const outsider = await createTestUser(testApp.app, { login: 'kz.customs', orgUnitCode: 'kz-customs' });
    const suspended = await createTestUser(testApp.app, {
      login: 'kz.suspended',
      orgUnitCode: 'kz-border-kolzhat',
      status: 'suspended',
    });

    const completed = await enrol(officer.id, first, 'completed', '2026-02-10T08:00:00Z');
    await enrol(officer.id, second, 'in_progress');
    await enrol(colleague.id, first, 'completed', '2026-02-20T23:30:00Z');
    await enrol(colleague.id, second, 'withdrawn');
    await enrol(outsider.id, first, 'completed', '2026-02-11T08:00:00Z');
    await enrol(suspended.id, first, 'enrolled');
    await dataSource.query(
      `INSERT INTO certificate (enrolment_id, user_id, course_id, code, holder_name, course_title, issuing_org_unit_id)
       SELECT $1, $2, $3, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'Officer', '{"en":"Document checks"}', id
         FROM org_unit WHERE code = 'kz-border'`,
      [completed, officer.id, first.id],
    );
    const quizId = await insert(
      `INSERT INTO quiz (version_id, title, pass_mark_percent, selection) VALUES ($1, '{"en":"Q"}', 50, '{}')`,
      [first.versionId],
    );
    await dataSource.query(
      `INSERT INTO quiz_attempt (enrolment_id, quiz_id, attempt_no, question_ids, closed_at, score_percent, passed)
       VALUES ($1, $2, 1, '{}', now(), 40, false), ($1, $2, 2, '{}', now(), 90, true)`,
      [completed, quizId],
    );
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('streams one row per enrolment of the active people of the scope, equal to the query, formulas neutralised', async () => {
    const { header, rows } = await exported(hrAlmaty, '?language=ru');
    expect(header).toEqual([
      'Сотрудник',
      'Логин',
      'Путь подразделения',
      'Подразделение',
      'Должность',
      'Код курса',
      'Курс',
      'Статус',
      'Записан',
      'Срок',
      'Завершён',
      'Лучший результат теста, %',
      'Сертификат',
    ]);
    const expected: {
      full_name: string;
      login: string;
      path: string;
      unit: string;
      position: string | null;
      code: string;
      title: string;
      status: string;
      enrolled_at: Date;
      due_at: Date | null;
      completed_at: Date | null;
      score: number | null;
      certificate: string | null;
    }[] = await dataSource.query(
      `SELECT u.full_name, u.login, o.path, COALESCE(o.name->>'ru', o.name->>'en') AS unit,
              COALESCE(ps.name->>'ru', ps.name->>'en') AS position, c.code,
              COALESCE(v.title->>'ru', v.title->>'en') AS title, e.status::text AS status, e.enrolled_at,
              e.due_at, e.completed_at,
              (SELECT max(a.score_percent) FROM quiz_attempt a WHERE a.enrolment_id = e.id) AS score,
              (SELECT ce.code FROM certificate ce WHERE ce.enrolment_id = e.id) AS certificate
         FROM enrolment e JOIN app_user u ON u.id = e.user_id JOIN org_unit o ON o.id = u.org_unit_id
         LEFT JOIN position ps ON ps.id = u.position_id
         JOIN course c ON c.id = e.course_id JOIN course_version v ON v.id = e.course_version_id
        WHERE u.status = 'active' AND (o.path = $1 OR o.path LIKE $1 || '.%')
        ORDER BY o.path, lower(u.full_name), u.id, e.enrolled_at, e.id`,
      ['kz.kz-border.kz-border-almaty'],
    );
    expect(expected.map((row) => row.login).sort()).toEqual([
      'kz.officer.almaty',
      'kz.officer.almaty',
      'kz.officer.khorgos',
      'kz.officer.khorgos',
    ]);
    expect(rows).toEqual(
      expected.map((row) => [
        neutralised(row.full_name),
        row.login,
        row.path,
        row.unit,
        row.position ?? '',
        row.code,
        neutralised(row.title),
        STATUS_RU[row.status],
        day(row.enrolled_at),
        day(row.due_at),
        day(row.completed_at),
        row.score === null ? '' : String(row.score),
        row.certificate ?? '',
      ]),
    );
    const khorgos = rows.find((row) => row[1] === 'kz.officer.khorgos' && row[5] === 'tr-first');
    expect(khorgos).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      'kz.officer.khorgos',
      'kz.kz-border.kz-border-almaty.kz-border-khorgos',
      expect.any(String),
      'Пограничник',
      'tr-first',
      'Проверка документов',
      'Завершён',
      '2026-01-05',
      '2026-03-01',
      '2026-02-10',
      '90',
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    ]);
    // a title in no other language than English falls back to it, and is neutralised too
    expect(rows.find((row) => row[5] === 'tr-second')?.[6]).toBe(`'@Risk analysis`);

    const audited: { summary: { filter: object; scope: string[] } }[] = await dataSource.query(
      `SELECT summary FROM audit_event WHERE action = 'compliance.training-records-export' AND actor_user_id = $1`,
      [hrAlmaty.id],
    );
    expect(audited).toEqual([
      { summary: { format: 'csv', filter: { language: 'ru' }, scope: ['kz.kz-border.kz-border-almaty'] } },
    ]);
  });

  it('filters by unit subtree, course, status and completion days, and refuses a unit outside the scope', async () => {
    const [khorgos]: { id: string }[] = await dataSource.query(
      `SELECT id FROM org_unit WHERE code = 'kz-border-khorgos'`,
    );
    const inPost = await exported(hrAlmaty, `?unitId=${khorgos?.id}`);
    expect(inPost.header[7]).toBe('Status');
    expect(new Set(inPost.rows.map((row) => row[1]))).toEqual(new Set(['kz.officer.khorgos']));
    expect(inPost.rows).toHaveLength(2);

    const ofCourse = await exported(hrAlmaty, `?courseId=${otherCourseId}&status=withdrawn`);
    expect(ofCourse.rows.map((row) => [row[1], row[7]])).toEqual([['kz.officer.almaty', 'Withdrawn']]);

    // the range's ends are whole days in UTC: 23:30 on the 20th is inside a range that ends on the 20th
    const completed = await exported(
      hrAlmaty,
      `?courseId=${courseId}&completedFrom=2026-02-11&completedTo=2026-02-20`,
    );
    expect(completed.rows.map((row) => [row[1], row[10]])).toEqual([['kz.officer.almaty', '2026-02-20']]);

    const [customs]: { id: string }[] = await dataSource.query(
      `SELECT id FROM org_unit WHERE code = 'kz-customs'`,
    );
    for (const query of [
      `?unitId=${customs?.id}`,
      '?completedFrom=2026-02-21&completedTo=2026-02-20',
      '?completedFrom=2026-02-30',
      '?status=archived',
      '?courseId=not-a-uuid',
      '?format=xlsx',
    ]) {
      const response = await injectAs(
        testApp.app,
        hrAlmaty,
        'GET',
        `/api/v1/compliance/training-records/export${query}`,
      );
      expect([query, response.statusCode, response.headers['content-type']]).toEqual([
        query,
        400,
        expect.stringMatching(/^application\/problem\+json/),
      ]);
    }
  });

  it('gives its connection up when the requester goes away half-way, and the pool serves on', async () => {
    const [target]: { id: string; version_id: string }[] = await dataSource.query(
      `SELECT id, current_version_id AS version_id FROM course WHERE id = $1`,
      [otherCourseId],
    );
    // withdrawn enrolments are not held to one per person and course: enough of them that the COPY is
    // still under way when the requester leaves
    await dataSource.query(
      `INSERT INTO enrolment (user_id, course_id, course_version_id, source, status, withdrawn_at)
       SELECT u.id, $1, $2, 'self', 'withdrawn', now() FROM app_user u, generate_series(1, 150000)
        WHERE u.login = 'kz.officer.almaty'`,
      [target?.id, target?.version_id],
    );
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = testApp.app.getHttpServer().address() as AddressInfo;
    const copying = () =>
      dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND query LIKE 'COPY (SELECT%' AND pid <> pg_backend_pid()`,
      ) as Promise<{ n: number }[]>;
    await new Promise<void>((resolve, reject) => {
      const outgoing = request(
        {
          port,
          host: '127.0.0.1',
          path: '/api/v1/compliance/training-records/export',
          headers: { authorization: hrAlmaty.authorization },
        },
        (response) => {
          expect(response.statusCode).toBe(200);
          response.once('data', () => {
            response.destroy();
            resolve();
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
    for (let attempt = 0; attempt < 50 && (await copying())[0]?.n !== 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await copying()).toEqual([{ n: 0 }]);
    // every connection of the pool is still good for work, the abandoned one replaced
    await Promise.all(Array.from({ length: 12 }, () => dataSource.query('SELECT 1')));
    const afterwards = await exported(hrAlmaty, `?courseId=${courseId}`);
    expect(afterwards.rows).toHaveLength(2);
  });
});
