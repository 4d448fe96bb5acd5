import { randomUUID } from 'node:crypto';

import { orgUnitsSeed } from '@border-academy/api-db';
import { LearningModule } from '@border-academy/api-learning';
import {
  TestApp,
  TestUser,
  createTestApp,
  createTestUser,
  injectAs,
  requestAs,
  seedTestDatabase,
} from '@border-academy/api-platform';
import {
  Assignment,
  ComplianceMatrix,
  EnrolmentSummary,
  NotificationPage,
  Qualification,
  RecordProgressEventsResponse,
  StaffQualification,
  StaffRecord,
} from '@border-academy/shared-contracts';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';

import { Clock } from './clock';
import { NotificationService } from './notifications/notification.service';
import { QualificationsModule } from './qualifications.module';

const DAY = 86_400_000;

describe('qualifications', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let clock: Clock;
  let hr: TestUser;
  let hrAlmaty: TestUser;
  let countryHr: TestUser;
  let positionId: string;

  async function insert(sql: string, parameters: unknown[]): Promise<string> {
    const rows: { id: string }[] = await dataSource.query(`${sql} RETURNING id`, parameters);
    if (!rows[0]) throw new Error(`no row from ${sql}`);
    return rows[0].id;
  }

  /** A published, self-enrolment course of Kazakhstan's border service with two text lessons. */
  async function course(code: string): Promise<{ id: string; lessonIds: string[] }> {
    const id = await insert(
      `INSERT INTO course (code, area, level, estimated_hours, default_language, owner_org_unit_id, self_enrolment)
       SELECT $1, 'IBM', 'basic', 1, 'en', id, true FROM org_unit WHERE code = 'kz-border'`,
      [code],
    );
    const versionId = await insert(
      `INSERT INTO course_version (course_id, number, status, title, description, completeness, published_at)
       VALUES ($1, 1, 'published', $2, '{"en":"About"}', '{"en":100}', now())`,
      [id, JSON.stringify({ en: `Course ${code}` })],
    );
    const moduleId = await insert(
      `INSERT INTO course_module (version_id, position, title) VALUES ($1, 1, '{"en":"M"}')`,
      [versionId],
    );
    const lessonIds = [
      await insert(
        `INSERT INTO lesson (module_id, position, kind, title, body) VALUES ($1, 1, 'text', '{"en":"L1"}', '{"en":"x"}')`,
        [moduleId],
      ),
      await insert(
        `INSERT INTO lesson (module_id, position, kind, title, body) VALUES ($1, 2, 'text', '{"en":"L2"}', '{"en":"x"}')`,
        [moduleId],
      ),
    ];
    await dataSource.query(`UPDATE course SET current_version_id = $2 WHERE id = $1`, [id, versionId]);
    await dataSource.query(
      `INSERT INTO course_audience (course_id, org_unit_id) SELECT $1, id FROM org_unit WHERE code = 'kz-border'`,
      [id],
    );
    return { id, lessonIds };
  }

  function call<T>(
    as: TestUser,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    status = 200,
  ) {
    return requestAs<T>(testApp.app, as, method, url, payload, status);
  }

  async function person(login: string, unit: string, withPosition = true): Promise<TestUser> {
    const user = await createTestUser(testApp.app, { login, orgUnitCode: unit, grants: [['learner', unit]] });
    if (withPosition)
      await dataSource.query(`UPDATE app_user SET position_id = $2 WHERE id = $1`, [user.id, positionId]);
    return user;
  }

  async function qualification(body: object): Promise<Qualification> {
    return call<Qualification>(countryHr, 'POST', '/api/v1/qualifications', body, 201);
  }

  async function complete(learner: TestUser, courseId: string, lessonIds: string[]) {
    const enrolment = await call<EnrolmentSummary>(
      learner,
      'POST',
      `/api/v1/catalogue/courses/${courseId}/enrolments`,
      {},
      201,
    );
    const events = lessonIds.map((lessonId) => ({
      id: randomUUID(),
      enrolmentId: enrolment.id,
      lessonId,
      kind: 'done',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
    }));
    return { enrolment, events };
  }

  beforeAll(async () => {
    testApp = await createTestApp([LearningModule, QualificationsModule]);
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
    clock = testApp.app.get(Clock);
    positionId = await insert(`INSERT INTO position (code, name) VALUES ('guard', '{"en":"Guard"}')`, []);
    hr = await createTestUser(testApp.app, {
      login: 'kz.hr',
      orgUnitCode: 'kz-border',
      grants: [['hr', 'kz-border']],
    });
    hrAlmaty = await createTestUser(testApp.app, {
      login: 'kz.hr.almaty',
      orgUnitCode: 'kz-border-almaty',
      grants: [['hr', 'kz-border-almaty']],
    });
    countryHr = await createTestUser(testApp.app, {
      login: 'kz.hr.country',
      orgUnitCode: 'kz',
      grants: [['hr', 'kz']],
    });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  afterEach(() => jest.restoreAllMocks());

  it('grants a qualification in the transaction that completes its last course, and not without it', async () => {
    const first = await course('q-first');
    const last = await course('q-last');
    const q = await qualification({
      code: 'q-all',
      name: { en: 'Both courses' },
      area: 'IBM',
      level: 3,
      rule: 'all-courses',
      courseIds: [first.id, last.id],
      validityMonths: 24,
      warningDays: 60,
    });
    const learner = await person('kz.completer', 'kz-border-khorgos');

    const one = await complete(learner, first.id, first.lessonIds);
    await call<RecordProgressEventsResponse>(learner, 'POST', '/api/v1/progress-events', {
      events: one.events,
    });
    const held = () =>
      dataSource.query(
        `SELECT source, enrolment_id AS "enrolmentId" FROM qualification_grant WHERE user_id = $1 AND qualification_id = $2`,
        [learner.id, q.id],
      ) as Promise<{ source: string; enrolmentId: string }[]>;
    expect(await held()).toEqual([]);

    // a grant that cannot be written takes the completion and its certificate down with it
    await dataSource.query(`
      CREATE FUNCTION refuse_grant() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
      CREATE TRIGGER refuse_grant BEFORE INSERT ON qualification_grant FOR EACH ROW EXECUTE FUNCTION refuse_grant()`);
    const two = await complete(learner, last.id, last.lessonIds);
    const failed = await injectAs(testApp.app, learner, 'POST', '/api/v1/progress-events', {
      events: two.events,
    });
    expect(failed.statusCode).toBe(500);
    const [after]: { status: string; certificates: number }[] = await dataSource.query(
      `SELECT e.status, (SELECT count(*)::int FROM certificate c WHERE c.enrolment_id = e.id) AS certificates FROM enrolment e WHERE e.id = $1`,
      [two.enrolment.id],
    );
    expect(after).toEqual({ status: 'enrolled', certificates: 0 });
    await dataSource.query(`DROP TRIGGER refuse_grant ON qualification_grant; DROP FUNCTION refuse_grant()`);

    const response = await call<RecordProgressEventsResponse>(learner, 'POST', '/api/v1/progress-events', {
      events: two.events,
    });
    expect(response.enrolments[0]?.status).toBe('completed');
    expect(await held()).toEqual([{ source: 'courses', enrolmentId: two.enrolment.id }]);
    const record = await call<StaffRecord>(hr, 'GET', `/api/v1/staff/${learner.id}`);
    const standing = record.qualifications.find((s) => s.qualification.id === q.id);
    expect(standing).toMatchObject({ status: 'valid', history: [{ kind: 'granted', source: 'courses' }] });
  });

  it('passes valid → expiring → expired as the clock moves, and a renewal inside the window extends it keeping the history', async () => {
    const q = await qualification({
      code: 'q-assessed',
      name: { en: 'Assessed' },
      area: 'MIGRATION',
      level: 4,
      rule: 'assessment',
      courseIds: [],
      validityMonths: 12,
      warningDays: 30,
    });
    await dataSource.query(
      `INSERT INTO position_qualification (position_id, qualification_id) VALUES ($1, $2)`,
      [positionId, q.id],
    );
    const officer = await person('kz.assessed', 'kz-border-khorgos');
    const start = new Date('2027-01-10T09:00:00Z');
    jest.spyOn(clock, 'now').mockReturnValue(start);
    const url = `/api/v1/staff/${officer.id}/qualifications/${q.id}/grants`;
    const granted = await call<StaffQualification>(
      hr,
      'POST',
      url,
      { source: 'assessment', note: 'Passed the exam', grantedAt: start.toISOString() },
      201,
    );
    expect(granted.status).toBe('valid');
    const expiresAt = new Date(granted.expiresAt as string);
    expect(expiresAt.toISOString()).toBe('2028-01-10T09:00:00.000Z');

    const statusAt = async (at: Date) => {
      jest.spyOn(clock, 'now').mockReturnValue(at);
      const record = await call<StaffRecord>(hr, 'GET', `/api/v1/staff/${officer.id}`);
      return record.qualifications.find((s) => s.qualification.id === q.id)?.status;
    };
    expect(await statusAt(new Date(expiresAt.getTime() - 31 * DAY))).toBe('valid');
    expect(await statusAt(new Date(expiresAt.getTime() - 29 * DAY))).toBe('expiring');
    expect(await statusAt(new Date(expiresAt.getTime() + DAY))).toBe('expired');

    // before the window a renewal is refused and says when it opens
    jest.spyOn(clock, 'now').mockReturnValue(new Date(expiresAt.getTime() - 60 * DAY));
    const early = await injectAs(testApp.app, hr, 'POST', url, { source: 'manual', note: 'Too early' });
    expect(early.statusCode).toBe(409);

    const inWindow = new Date(expiresAt.getTime() - 10 * DAY);
    jest.spyOn(clock, 'now').mockReturnValue(inWindow);
    const renewed = await call<StaffQualification>(
      hr,
      'POST',
      url,
      { source: 'manual', note: 'Refresher passed' },
      201,
    );
    expect(renewed.status).toBe('valid');
    expect(renewed.expiresAt && new Date(renewed.expiresAt).toISOString()).toBe('2029-01-10T09:00:00.000Z');
    expect(renewed.history.map((event) => event.kind)).toEqual(['renewed', 'granted']);
    const grants: { renews: string | null }[] = await dataSource.query(
      `SELECT renews_grant_id AS renews FROM qualification_grant WHERE user_id = $1 ORDER BY granted_at`,
      [officer.id],
    );
    expect(grants).toHaveLength(2);
    expect(grants[1]?.renews).toBeTruthy();

    jest.spyOn(clock, 'now').mockReturnValue(new Date(inWindow.getTime() + DAY));
    const revoked = await call<StaffQualification>(
      hr,
      'POST',
      `/api/v1/staff/${officer.id}/qualifications/${q.id}/revocation`,
      { reason: 'Exam fraud found' },
    );
    expect(revoked.status).toBe('missing');
    expect(revoked.history.map((event) => event.kind)).toEqual(['revoked', 'renewed', 'granted']);
    await expect(
      dataSource.query(`UPDATE qualification_event SET note = 'x' WHERE user_id = $1`, [officer.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('an assignment by position reaches a person who takes the position later, and leaves one who moves away their records', async () => {
    const assigned = await course('q-assigned');
    const [unit]: { id: string }[] = await dataSource.query(
      `SELECT id FROM org_unit WHERE code = 'kz-border-almaty'`,
    );
    const assignment = await call<Assignment>(
      hr,
      'POST',
      '/api/v1/assignments',
      {
        courseId: assigned.id,
        target: 'position',
        orgUnitId: unit?.id,
        positionId,
        dueAt: '2027-06-30',
        lateJoinerDays: 14,
      },
      201,
    );
    const newcomer = await person('kz.newcomer', 'kz-border-kolzhat', false);
    const enrolments = () =>
      dataSource.query(
        `SELECT source, due_at AS "dueAt", assignment_id AS "assignmentId" FROM enrolment WHERE user_id = $1 AND course_id = $2`,
        [newcomer.id, assigned.id],
      ) as Promise<{ source: string; dueAt: Date | null; assignmentId: string | null }[]>;
    expect(await enrolments()).toEqual([]);

    await dataSource.query(`UPDATE app_user SET position_id = $2 WHERE id = $1`, [newcomer.id, positionId]);
    const [reached] = await enrolments();
    expect(reached).toMatchObject({ source: 'rule', assignmentId: assignment.id });
    expect(reached?.dueAt?.toISOString().slice(0, 10)).toBe('2027-06-30');

    // moving to another agency: the enrolment stays, the obligation goes
    await dataSource.query(
      `UPDATE app_user SET org_unit_id = (SELECT id FROM org_unit WHERE code = 'kz-customs') WHERE id = $1`,
      [newcomer.id],
    );
    expect(await enrolments()).toEqual([{ source: 'rule', dueAt: null, assignmentId: null }]);

    const list = await call<{ items: Assignment[] }>(hrAlmaty, 'GET', '/api/v1/assignments');
    expect(list.items.map((a) => a.id)).toContain(assignment.id);
  });

  it('two scheduler instances at once send each reminder once', async () => {
    const q = await qualification({
      code: 'q-reminded',
      name: { en: 'Reminded' },
      area: 'TRADE',
      level: 2,
      rule: 'assessment',
      courseIds: [],
      validityMonths: 1,
      warningDays: 20,
    });
    const officer = await person('kz.reminded', 'kz-border-khorgos');
    const day = new Date('2027-03-01T06:00:00Z');
    jest.spyOn(clock, 'now').mockReturnValue(new Date(day.getTime() - 20 * DAY));
    await call(
      hr,
      'POST',
      `/api/v1/staff/${officer.id}/qualifications/${q.id}/grants`,
      { source: 'assessment', note: 'Assessed' },
      201,
    );

    jest.spyOn(clock, 'now').mockReturnValue(day);
    const first = testApp.app.get(NotificationService);
    // a second instance of the job: its own service object over its own connections
    const second = new NotificationService(dataSource, clock, { remindersEnabled: false } as never);
    const runs = await Promise.all([first.runDaily(), second.runDaily(), first.runDaily()]);
    expect(runs.filter((run) => run.ran)).toHaveLength(1);
    expect(await second.runDaily()).toMatchObject({ ran: false });

    jest.spyOn(clock, 'now').mockReturnValue(new Date(day.getTime() + DAY));
    await Promise.all([first.runDaily(), second.runDaily()]);
    const notes = await call<NotificationPage>(officer, 'GET', '/api/v1/me/notifications');
    expect(notes.items.map((n) => n.kind)).toEqual(['qualification-expiring']);
    expect(notes.unread).toBe(1);
    const digests: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND kind = 'hr-digest'`,
      [hr.id],
    );
    expect(digests[0]?.n).toBe(2);
    await call(officer, 'POST', `/api/v1/me/notifications/${notes.items[0]?.id}/read`, undefined, 204);
    expect((await call<NotificationPage>(officer, 'GET', '/api/v1/me/notifications')).unread).toBe(0);
  });

  it('shows HR only the people of their scope, with totals over all rows, and exports exactly those rows', async () => {
    jest.spyOn(clock, 'now').mockReturnValue(new Date('2027-02-01T00:00:00Z'));
    const matrix = await call<ComplianceMatrix>(
      hrAlmaty,
      'GET',
      '/api/v1/compliance/matrix?pageSize=2&sort=name',
    );
    const everyone = await call<ComplianceMatrix>(
      hrAlmaty,
      'GET',
      '/api/v1/compliance/matrix?pageSize=100&sort=name',
    );
    expect(matrix.items).toHaveLength(2);
    expect(matrix.total).toBe(everyone.items.length);
    expect(matrix.totals).toEqual(everyone.totals);
    const cellCount = everyone.items.reduce((sum, row) => sum + row.cells.length, 0);
    expect(matrix.totals.valid + matrix.totals.expiring + matrix.totals.expired + matrix.totals.missing).toBe(
      cellCount,
    );
    expect(everyone.items.map((row) => row.person.login)).not.toContain('kz.newcomer');

    // a status filter keeps the people with at least one required qualification in that status
    for (const status of ['valid', 'expiring', 'expired', 'missing'] as const) {
      const filtered = await call<ComplianceMatrix>(
        hrAlmaty,
        'GET',
        `/api/v1/compliance/matrix?pageSize=100&status=${status}`,
      );
      const expected = everyone.items.filter((row) => row.cells.some((cell) => cell.status === status));
      expect(filtered.items.map((row) => row.person.login)).toEqual(expected.map((row) => row.person.login));
      expect(filtered.totals[status]).toBe(
        expected.reduce((sum, row) => sum + row.cells.filter((cell) => cell.status === status).length, 0),
      );
    }

    const [outside]: { id: string }[] = await dataSource.query(
      `SELECT id FROM org_unit WHERE code = 'kz-customs'`,
    );
    const refused = await injectAs(
      testApp.app,
      hrAlmaty,
      'GET',
      `/api/v1/compliance/matrix?unitId=${outside?.id}`,
    );
    expect(refused.statusCode).toBe(400);

    const response = await injectAs(
      testApp.app,
      hrAlmaty,
      'GET',
      '/api/v1/compliance/export?format=xlsx&sort=name',
    );
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const logins: string[] = [];
    sheet?.eachRow((row, number) => {
      if (number > 1) logins.push(String(row.getCell(2).value));
    });
    expect(logins).toEqual(everyone.items.map((row) => row.person.login));
    const audited: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'compliance.export' AND actor_user_id = $1`,
      [hrAlmaty.id],
    );
    expect(audited[0]?.n).toBe(1);
  });
});
