import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';

import { orgUnitsSeed } from '@border-academy/api-db';
import {
  TestApp,
  TestUser,
  createTestApp,
  createTestUser,
  eventually,
  injectAs,
  requestAs,
  seedTestDatabase,
} from '@border-academy/api-platform';
import {
  CatalogueCourse,
  CertificateVerification,
  EnrolmentDetail,
  EnrolmentSummary,
  LearnerCourse,
  LearnerLesson,
  MyLearning,
  Page,
  ProblemDetails,
  QuizAttempt,
  QuizSubmissionResult,
  RecordProgressEventsResponse,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { LearningModule } from './learning.module';

type Method = 'GET' | 'POST';

interface Fixture {
  courseId: string;
  versionId: string;
  lessonIds: string[];
  quizLessonId: string;
  quizId: string;
}

/** The public look-ups one address may make per minute in these tests (the setting's default is 30). */
const VERIFICATIONS_PER_MINUTE = 12;

describe('learning', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let learner: TestUser;
  let other: TestUser;
  let hr: TestUser;
  let hrOutside: TestUser;
  let course: Fixture;

  async function insert(sql: string, parameters: unknown[]): Promise<string> {
    const rows: { id: string }[] = await dataSource.query(`${sql} RETURNING id`, parameters);
    if (!rows[0]) throw new Error(`no row from ${sql}`);
    return rows[0].id;
  }

  /**
   * A published course of Kazakhstan's border service: three required text lessons and a required
   * quiz lesson whose quiz holds two true/false questions (true, then false), pass mark 100, three attempts.
   */
  async function publishedCourse(code: string, options: { validityMonths?: number } = {}): Promise<Fixture> {
    const courseId = await insert(
      `INSERT INTO course (code, area, level, estimated_hours, default_language, owner_org_unit_id, self_enrolment,
                           certificate_validity_months)
       SELECT $1, 'MIGRATION', 'basic', 2, 'en', id, true, $2 FROM org_unit WHERE code = 'kz-border'`,
      [code, options.validityMonths ?? null],
    );
    const versionId = await insert(
      `INSERT INTO course_version (course_id, number, status, title, description, completeness, published_at)
       VALUES ($1, 1, 'published', $2, $3, '{"en":100,"ru":100}', now())`,
      [
        courseId,
        JSON.stringify({ en: `Mixed migration flows ${code}`, ru: `Смешанные миграционные потоки ${code}` }),
        JSON.stringify({ en: 'Identifying vulnerable migrants', ru: 'Выявление уязвимых мигрантов' }),
      ],
    );
    const moduleId = await insert(
      `INSERT INTO course_module (version_id, position, title) VALUES ($1, 1, $2)`,
      [versionId, JSON.stringify({ en: 'Basics', ru: 'Основы' })],
    );
    const lessonIds: string[] = [];
    for (const position of [1, 2, 3]) {
      lessonIds.push(
        await insert(
          `INSERT INTO lesson (module_id, position, kind, title, body) VALUES ($1, $2, 'text', $3, $4)`,
          [
            moduleId,
            position,
            JSON.stringify({ en: `Lesson ${position}`, ru: `Урок ${position}` }),
            JSON.stringify({ en: `Read **this** <script>alert(1)</script>`, ru: 'Прочтите **это**' }),
          ],
        ),
      );
    }
    const questions: string[] = [];
    for (const correct of [true, false]) {
      questions.push(
        await insert(
          `INSERT INTO question (version_id, kind, stem, correct_boolean, feedback_correct, feedback_incorrect, tags)
           VALUES ($1, 'true-false', $2, $3, $4, $5, '{}')`,
          [
            versionId,
            JSON.stringify({ en: `Statement ${correct}` }),
            correct,
            JSON.stringify({ en: 'SECRET-FEEDBACK-RIGHT' }),
            JSON.stringify({ en: 'SECRET-FEEDBACK-WRONG' }),
          ],
        ),
      );
    }
    const quizId = await insert(
      `INSERT INTO quiz (version_id, title, pass_mark_percent, attempt_limit, allow_review, selection)
       VALUES ($1, $2, 100, 3, true, '{"mode":"fixed"}')`,
      [versionId, JSON.stringify({ en: 'Check', ru: 'Проверка' })],
    );
    await dataSource.query(
      `INSERT INTO quiz_question (quiz_id, question_id, position) SELECT $1, q, n FROM unnest($2::uuid[]) WITH ORDINALITY AS x(q, n)`,
      [quizId, questions],
    );
    const quizLessonId = await insert(
      `INSERT INTO lesson (module_id, position, kind, title, quiz_id) VALUES ($1, 4, 'quiz', $2, $3)`,
      [moduleId, JSON.stringify({ en: 'Quiz', ru: 'Тест' }), quizId],
    );
    await dataSource.query(`UPDATE course SET current_version_id = $2 WHERE id = $1`, [courseId, versionId]);
    await dataSource.query(
      `INSERT INTO course_audience (course_id, org_unit_id) SELECT $1, id FROM org_unit WHERE code = 'kz-border'`,
      [courseId],
    );
    return { courseId, versionId, lessonIds, quizLessonId, quizId };
  }

  function call<T>(as: TestUser, method: Method, url: string, payload?: object, status = 200): Promise<T> {
    return requestAs<T>(testApp.app, as, method, url, payload, status);
  }

  function enrol(as: TestUser, fixture: Fixture): Promise<EnrolmentSummary> {
    return call<EnrolmentSummary>(
      as,
      'POST',
      `/api/v1/catalogue/courses/${fixture.courseId}/enrolments`,
      {},
      201,
    );
  }

  function event(enrolmentId: string, lessonId: string, kind: 'opened' | 'done' = 'opened', minutesAgo = 10) {
    return {
      id: randomUUID(),
      enrolmentId,
      lessonId,
      kind,
      occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    };
  }

  function send(as: TestUser, events: object[]): Promise<RecordProgressEventsResponse> {
    return call<RecordProgressEventsResponse>(as, 'POST', '/api/v1/progress-events', { events });
  }

  async function newLearner(login: string): Promise<TestUser> {
    return createTestUser(testApp.app, {
      login,
      orgUnitCode: 'kz-border-almaty',
      grants: [['learner', 'kz-border-almaty']],
    });
  }

  beforeAll(async () => {
    testApp = await createTestApp([LearningModule], {
      VERIFICATIONS_PER_MINUTE: String(VERIFICATIONS_PER_MINUTE),
    });
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
    learner = await newLearner('kz.learner');
    other = await newLearner('kz.other');
    hr = await createTestUser(testApp.app, {
      login: 'kz.hr',
      orgUnitCode: 'kz-border',
      grants: [['hr', 'kz-border']],
    });
    hrOutside = await createTestUser(testApp.app, {
      login: 'kg.hr',
      orgUnitCode: 'kg-border',
      grants: [['hr', 'kg-border']],
    });
    course = await publishedCourse('migration-flows');
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('finds courses by full-text search in Russian and English, word forms and prefixes included', async () => {
    const codes = async (query: string) =>
      (await call<Page<CatalogueCourse>>(learner, 'GET', `/api/v1/catalogue/courses?${query}`)).items.map(
        (item) => item.code,
      );
    expect(await codes(`q=${encodeURIComponent('миграционный')}`)).toEqual(['migration-flows']);
    expect(await codes(`q=${encodeURIComponent('уязвим')}&language=ru`)).toEqual(['migration-flows']);
    expect(await codes('q=migrant&area=MIGRATION&level=basic')).toEqual(['migration-flows']);
    expect(await codes('q=customs')).toEqual([]);
    expect(await codes(`q=${encodeURIComponent('&|!():*')}`)).toEqual([]);
    const plan = await dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL enable_seqscan = off`);
      return manager.query(`EXPLAIN SELECT 1 FROM course_version WHERE status = 'published'
                               AND search_vector @@ to_tsquery('russian', 'миграц:*')`);
    });
    expect(JSON.stringify(plan)).toContain('ix_course_version_search');
  });

  it('enrols once, pinned to the published version, and refuses a second enrolment with 409', async () => {
    const page = await call<LearnerCourse>(learner, 'GET', `/api/v1/catalogue/courses/${course.courseId}`);
    expect(page).toMatchObject({ canEnrol: true, enrolment: null, lessonCompletion: 'opened' });
    expect(page.modules[0]?.lessons.map((lesson) => lesson.id)).toEqual([
      ...course.lessonIds,
      course.quizLessonId,
    ]);
    const responses = await Promise.all(
      [1, 2, 3].map(() =>
        injectAs(testApp.app, learner, 'POST', `/api/v1/catalogue/courses/${course.courseId}/enrolments`, {}),
      ),
    );
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409, 409]);
    const created = responses.find((response) => response.statusCode === 201)?.json() as EnrolmentSummary;
    expect(created).toMatchObject({
      courseVersionId: course.versionId,
      source: 'self',
      status: 'enrolled',
      progressPercent: 0,
      canWithdraw: true,
    });
    const refused = responses.find((response) => response.statusCode === 409)?.json() as ProblemDetails & {
      enrolmentId: string;
    };
    expect(refused.enrolmentId).toBe(created.id);
  });

  it('counts the same progress event sent 50 times at once exactly once', async () => {
    const enrolment = await enrol(other, await publishedCourse('fifty-times'));
    const lessonIds: { id: string }[] = await dataSource.query(
      `SELECT l.id FROM lesson l JOIN course_module m ON m.id = l.module_id WHERE m.version_id = $1 ORDER BY l.position`,
      [enrolment.courseVersionId],
    );
    const once = event(enrolment.id, lessonIds[0]?.id ?? '');
    const responses = await Promise.all(
      Array.from({ length: 50 }, () =>
        injectAs(testApp.app, other, 'POST', '/api/v1/progress-events', { events: [once] }),
      ),
    );
    expect(responses.every((response) => response.statusCode === 200)).toBe(true);
    const outcomes = responses.map(
      (response) => (response.json() as RecordProgressEventsResponse).results[0]?.outcome,
    );
    expect(outcomes.filter((outcome) => outcome === 'recorded')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'duplicate')).toHaveLength(49);
    const [row]: { events: number; percent: number }[] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM progress_event WHERE enrolment_id = $1) AS events,
              (SELECT progress_percent FROM enrolment WHERE id = $1) AS percent`,
      [enrolment.id],
    );
    // one of four required lessons
    expect(row).toEqual({ events: 1, percent: 25 });
  });

  it('derives the same state from events out of order as in order', async () => {
    const fixture = await publishedCourse('out-of-order');
    const first = await newLearner('order.first');
    const second = await newLearner('order.second');
    const a = await enrol(first, fixture);
    const b = await enrol(second, fixture);
    const plan = [
      { lesson: 0, kind: 'opened', minutesAgo: 30 },
      { lesson: 1, kind: 'opened', minutesAgo: 20 },
      { lesson: 1, kind: 'done', minutesAgo: 19 },
      { lesson: 2, kind: 'opened', minutesAgo: 10 },
    ] as const;
    const eventsFor = (enrolmentId: string) =>
      plan.map((step) =>
        event(enrolmentId, fixture.lessonIds[step.lesson] ?? '', step.kind, step.minutesAgo),
      );
    for (const single of eventsFor(a.id)) await send(first, [single]);
    const reversed = eventsFor(b.id).reverse();
    for (const single of reversed) await send(second, [single]);
    // and the reversed ones once more, as a retrying client would
    await send(second, reversed);
    const stateOf = async (as: TestUser, id: string) => {
      const detail = await call<EnrolmentDetail>(as, 'GET', `/api/v1/enrolments/${id}`);
      return {
        status: detail.status,
        progressPercent: detail.progressPercent,
        continueLessonId: detail.continueLessonId,
        lastLessonId: detail.lastLessonId,
        states: detail.modules.flatMap((module) => module.lessons.map((lesson) => lesson.state)),
      };
    };
    const inOrder = await stateOf(first, a.id);
    expect(inOrder).toEqual({
      status: 'in_progress',
      progressPercent: 75,
      continueLessonId: fixture.quizLessonId,
      lastLessonId: fixture.lessonIds[2],
      states: ['done', 'done', 'done', 'not_started'],
    });
    expect(await stateOf(second, b.id)).toEqual(inOrder);
  });

  it('refuses a whole batch naming another person’s enrolment or a lesson of another version, writing nothing', async () => {
    const [mine] = (await call<MyLearning>(learner, 'GET', '/api/v1/me/learning')).inProgress.items;
    const theirs = await enrol(await newLearner('batch.other'), course);
    const before: { count: number }[] = await dataSource.query(
      `SELECT count(*)::int AS count FROM progress_event`,
    );
    const foreign = await injectAs(testApp.app, learner, 'POST', '/api/v1/progress-events', {
      events: [event(mine?.id ?? '', course.lessonIds[0] ?? ''), event(theirs.id, course.lessonIds[0] ?? '')],
    });
    expect(foreign.statusCode).toBe(404);
    const otherCourse = await publishedCourse('other-version');
    const wrongLesson = await injectAs(testApp.app, learner, 'POST', '/api/v1/progress-events', {
      events: [
        event(mine?.id ?? '', course.lessonIds[0] ?? ''),
        event(mine?.id ?? '', otherCourse.lessonIds[0] ?? ''),
      ],
    });
    expect(wrongLesson.statusCode).toBe(400);
    expect((wrongLesson.json() as ProblemDetails).errors?.[0]?.field).toBe('events.1.lessonId');
    const after: { count: number }[] = await dataSource.query(
      `SELECT count(*)::int AS count FROM progress_event`,
    );
    expect(after).toEqual(before);
    const tooMany = await injectAs(testApp.app, learner, 'POST', '/api/v1/progress-events', {
      events: Array.from({ length: 101 }, () => event(mine?.id ?? '', course.lessonIds[0] ?? '')),
    });
    expect(tooMany.statusCode).toBe(400);
  });

  it('serves quiz questions without correct answers or feedback', async () => {
    const person = await newLearner('quiz.payload');
    const enrolment = await enrol(person, course);
    const response = await injectAs(
      testApp.app,
      person,
      'POST',
      `/api/v1/enrolments/${enrolment.id}/quiz-attempts`,
      {
        quizId: course.quizId,
      },
    );
    expect(response.statusCode).toBe(201);
    const attempt = response.json() as QuizAttempt;
    expect(attempt.questions).toHaveLength(2);
    expect(response.body).not.toMatch(/correct|SECRET-FEEDBACK|accepted|shortAnswer|feedback/i);
    for (const question of attempt.questions) {
      expect(Object.keys(question).sort()).toEqual(['id', 'kind', 'options', 'points', 'stem']);
    }
    expect(attempt).toMatchObject({ answers: null, review: null, scorePercent: null, passed: null });
  });

  it('makes one attempt of two concurrent submissions, and keeps the attempt limit under concurrent starts', async () => {
    const person = await newLearner('quiz.race');
    const enrolment = await enrol(person, course);
    const starts = await Promise.all(
      [1, 2, 3, 4].map(() =>
        injectAs(testApp.app, person, 'POST', `/api/v1/enrolments/${enrolment.id}/quiz-attempts`, {
          quizId: course.quizId,
        }),
      ),
    );
    const ids = new Set(starts.map((response) => (response.json() as QuizAttempt).id));
    expect(ids.size).toBe(1);
    const [attemptId] = [...ids];
    const wrong = { answers: [] };
    const submissions = await Promise.all(
      [1, 2].map(() =>
        injectAs(testApp.app, person, 'POST', `/api/v1/quiz-attempts/${attemptId}/submission`, wrong),
      ),
    );
    expect(submissions.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const [row]: { attempts: number }[] = await dataSource.query(
      `SELECT count(*)::int AS attempts FROM quiz_attempt WHERE enrolment_id = $1`,
      [enrolment.id],
    );
    expect(row?.attempts).toBe(1);

    // two more attempts are allowed (limit 3): waves of concurrent start-and-submit rounds use exactly them
    const round = async () => {
      const started = await injectAs(
        testApp.app,
        person,
        'POST',
        `/api/v1/enrolments/${enrolment.id}/quiz-attempts`,
        {
          quizId: course.quizId,
        },
      );
      if (started.statusCode !== 201) return started.statusCode;
      const submitted = await injectAs(
        testApp.app,
        person,
        'POST',
        `/api/v1/quiz-attempts/${(started.json() as QuizAttempt).id}/submission`,
        wrong,
      );
      return submitted.statusCode;
    };
    for (let wave = 0; wave < 2; wave++) {
      expect((await Promise.all([round(), round(), round()])).sort()).toEqual([200, 409, 409]);
    }
    expect(await Promise.all([round(), round(), round()])).toEqual([409, 409, 409]);
    const [final]: { attempts: number; status: string }[] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM quiz_attempt WHERE enrolment_id = $1) AS attempts,
              (SELECT status::text FROM enrolment WHERE id = $1) AS status`,
      [enrolment.id],
    );
    expect(final).toEqual({ attempts: 3, status: 'failed' });
    const refused = await injectAs(
      testApp.app,
      person,
      'POST',
      `/api/v1/enrolments/${enrolment.id}/quiz-attempts`,
      {
        quizId: course.quizId,
      },
    );
    expect(refused.statusCode).toBe(409);
  });

  it('refuses a submission after the deadline and its grace, closing the attempt as used', async () => {
    const person = await newLearner('quiz.late');
    const enrolment = await enrol(person, course);
    const attempt = await call<QuizAttempt>(
      person,
      'POST',
      `/api/v1/enrolments/${enrolment.id}/quiz-attempts`,
      { quizId: course.quizId },
      201,
    );
    await dataSource.query(
      `UPDATE quiz_attempt SET deadline_at = now() - interval '31 seconds' WHERE id = $1`,
      [attempt.id],
    );
    const late = await injectAs(
      testApp.app,
      person,
      'POST',
      `/api/v1/quiz-attempts/${attempt.id}/submission`,
      {
        answers: [],
      },
    );
    expect(late.statusCode).toBe(409);
    expect((late.json() as ProblemDetails).type).toBe(
      'urn:border-academy:problem:quiz-attempt-deadline-passed',
    );
    const closed = await call<QuizAttempt>(person, 'GET', `/api/v1/quiz-attempts/${attempt.id}`);
    expect(closed).toMatchObject({ submittedAt: null, passed: false, scorePercent: 0 });
  });

  it('completes the course and issues its certificate in the same response and transaction as the last record', async () => {
    const fixture = await publishedCourse('completion', { validityMonths: 24 });
    const person = await newLearner('complete.me');
    await dataSource.query(
      `UPDATE app_user SET full_name = 'Aigerim Sadykova', full_name_cyrillic = 'Айгерим Садыкова', language = 'ru' WHERE id = $1`,
      [person.id],
    );
    const enrolment = await enrol(person, fixture);
    const attempt = await call<QuizAttempt>(
      person,
      'POST',
      `/api/v1/enrolments/${enrolment.id}/quiz-attempts`,
      { quizId: fixture.quizId },
      201,
    );
    const failed = await call<QuizSubmissionResult>(
      person,
      'POST',
      `/api/v1/quiz-attempts/${attempt.id}/submission`,
      {
        answers: [{ questionId: attempt.questions[0]?.id, value: false }],
      },
    );
    expect(failed).toMatchObject({
      attempt: { passed: false, scorePercent: 0 },
      attemptsLeft: 2,
      issuedCertificate: null,
    });
    expect(failed.attempt.review?.[0]).toMatchObject({ correct: false, correctBoolean: true });
    const second = await call<QuizAttempt>(
      person,
      'POST',
      `/api/v1/enrolments/${enrolment.id}/quiz-attempts`,
      { quizId: fixture.quizId },
      201,
    );
    const passed = await call<QuizSubmissionResult>(
      person,
      'POST',
      `/api/v1/quiz-attempts/${second.id}/submission`,
      {
        answers: second.questions.map((question) => ({
          questionId: question.id,
          value: question.stem['en'] === 'Statement true',
        })),
      },
    );
    expect(passed).toMatchObject({
      attempt: { passed: true, scorePercent: 100, attemptNo: 2 },
      enrolment: { status: 'in_progress', progressPercent: 25 },
      issuedCertificate: null,
    });

    await send(person, [
      event(enrolment.id, fixture.lessonIds[0] ?? ''),
      event(enrolment.id, fixture.lessonIds[1] ?? ''),
    ]);
    // the certificate cannot be written: the completing event must not be recorded either
    await dataSource.query(`
      CREATE FUNCTION refuse_certificate() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'certificate refused for the test'; END $$;
      CREATE TRIGGER refuse_certificate BEFORE INSERT ON certificate FOR EACH ROW EXECUTE FUNCTION refuse_certificate();`);
    const last = event(enrolment.id, fixture.lessonIds[2] ?? '');
    const broken = await injectAs(testApp.app, person, 'POST', '/api/v1/progress-events', { events: [last] });
    expect(broken.statusCode).toBe(500);
    const [untouched]: { events: number; status: string }[] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM progress_event WHERE id = $2) AS events,
              (SELECT status::text FROM enrolment WHERE id = $1) AS status`,
      [enrolment.id, last.id],
    );
    expect(untouched).toEqual({ events: 0, status: 'in_progress' });
    await dataSource.query(
      `DROP TRIGGER refuse_certificate ON certificate; DROP FUNCTION refuse_certificate()`,
    );

    const completing = await send(person, [last]);
    expect(completing.results).toEqual([{ id: last.id, outcome: 'recorded' }]);
    expect(completing.enrolments[0]).toMatchObject({ status: 'completed', progressPercent: 100 });
    const certificate = completing.issuedCertificates[0];
    expect(certificate).toMatchObject({ status: 'valid', verificationPath: `/verify/${certificate?.code}` });
    expect(certificate?.code).toMatch(/^[A-Z2-7]{26}$/);
    expect(completing.enrolments[0]?.certificate).toEqual(certificate);
    const [stored]: { holder: string; months: number }[] = await dataSource.query(
      `SELECT holder_name AS holder,
              (extract(year FROM age(valid_until, issued_at)) * 12 + extract(month FROM age(valid_until, issued_at)))::int AS months
         FROM certificate WHERE enrolment_id = $1`,
      [enrolment.id],
    );
    expect(stored).toEqual({ holder: 'Айгерим Садыкова', months: 24 });

    const again = await send(person, [last]);
    expect(again).toMatchObject({ results: [{ outcome: 'duplicate' }], issuedCertificates: [] });
    const mine = await call<MyLearning>(person, 'GET', '/api/v1/me/learning');
    expect(mine.completed.items.map((item) => item.certificate?.id)).toEqual([certificate?.id]);
    expect(mine.inProgress.total).toBe(0);

    // the PDF: the embedded font and a text map that carries the Cyrillic name
    const pdf = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/${certificate?.id}/pdf`,
      headers: { authorization: person.authorization, host: 'academy.example.org' },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toMatch(/\/FontFile2/);
    expect(text).toMatch(/DejaVuSans/);
    const mapped = toUnicodeCodes(text);
    for (const letter of new Set('АйгеримСадыкова')) {
      expect(mapped).toContain(letter.codePointAt(0));
    }
    // the QR code to the verification page, drawn as an image
    expect(text).toMatch(/\/Subtype \/Image/);

    // others: HR of the unit reads, the other learner and HR elsewhere do not learn it exists
    const pdfAs = (as: TestUser) =>
      injectAs(testApp.app, as, 'GET', `/api/v1/certificates/${certificate?.id}/pdf`);
    expect((await pdfAs(hr)).statusCode).toBe(200);
    expect((await pdfAs(other)).statusCode).toBe(404);
    expect((await pdfAs(hrOutside)).statusCode).toBe(404);
  });

  it('lets HR of the learner’s unit read an enrolment and attempt, never another learner', async () => {
    const person = await newLearner('read.me');
    const enrolment = await enrol(person, course);
    const attempt = await call<QuizAttempt>(
      person,
      'POST',
      `/api/v1/enrolments/${enrolment.id}/quiz-attempts`,
      { quizId: course.quizId },
      201,
    );
    const lesson = await call<LearnerLesson>(
      person,
      'GET',
      `/api/v1/enrolments/${enrolment.id}/lessons/${course.lessonIds[0]}`,
    );
    expect(lesson).toMatchObject({
      previousLessonId: null,
      nextLessonId: course.lessonIds[1],
      completion: 'opened',
    });
    expect(lesson.bodyHtml['en']).toContain('<strong>this</strong>');
    expect(lesson.bodyHtml['en']).not.toContain('<script');
    for (const url of [
      `/api/v1/enrolments/${enrolment.id}`,
      `/api/v1/quiz-attempts/${attempt.id}`,
      `/api/v1/enrolments/${enrolment.id}/lessons/${course.lessonIds[0]}`,
    ]) {
      expect((await injectAs(testApp.app, hr, 'GET', url)).statusCode).toBe(200);
      expect((await injectAs(testApp.app, other, 'GET', url)).statusCode).toBe(404);
      expect((await injectAs(testApp.app, hrOutside, 'GET', url)).statusCode).toBe(404);
    }
    const detail = await call<EnrolmentDetail>(hr, 'GET', `/api/v1/enrolments/${enrolment.id}`);
    expect(detail).toMatchObject({ isOwn: false, canWithdraw: false });
    // reading is not writing
    expect(
      (await injectAs(testApp.app, hr, 'POST', `/api/v1/enrolments/${enrolment.id}/withdrawal`)).statusCode,
    ).toBe(404);
    expect(
      (
        await injectAs(testApp.app, hr, 'POST', '/api/v1/progress-events', {
          events: [event(enrolment.id, course.lessonIds[0] ?? '')],
        })
      ).statusCode,
    ).toBe(404);
    const withdrawn = await call<EnrolmentSummary>(
      person,
      'POST',
      `/api/v1/enrolments/${enrolment.id}/withdrawal`,
    );
    expect(withdrawn).toMatchObject({ status: 'withdrawn', canWithdraw: false });
    expect(
      (await injectAs(testApp.app, person, 'POST', `/api/v1/enrolments/${enrolment.id}/withdrawal`))
        .statusCode,
    ).toBe(409);
  });

  it('verifies a certificate publicly with only name, course, dates and status; revoked, expired, unknown, rate-limited', async () => {
    const [row]: { id: string; code: string }[] = await dataSource.query(
      `SELECT id, code FROM certificate ORDER BY issued_at LIMIT 1`,
    );
    const verify = (code: string) =>
      testApp.app.inject({ method: 'GET', url: `/api/v1/certificates/verification/${code}` });
    const valid = await verify(row?.code ?? '');
    expect(valid.statusCode).toBe(200);
    expect(Object.keys(valid.json() as object).sort()).toEqual([
      'courseTitle',
      'holderName',
      'issuedAt',
      'revokedAt',
      'status',
      'validUntil',
    ]);
    expect(valid.json()).toMatchObject({ holderName: 'Айгерим Садыкова', status: 'valid', revokedAt: null });
    // changed by hand in SQL, as another instance would: the answer follows once the database notifies
    const statusOf = async (code: string) => ((await verify(code)).json() as CertificateVerification).status;
    await dataSource.query(`UPDATE certificate SET valid_until = now() - interval '1 day' WHERE id = $1`, [
      row?.id,
    ]);
    await eventually(async () => (await statusOf(row?.code ?? '')) === 'expired');
    await dataSource.query(
      `UPDATE certificate SET revoked_at = now(), revoked_reason = 'test' WHERE id = $1`,
      [row?.id],
    );
    await eventually(async () => (await statusOf((row?.code ?? '').toLowerCase())) === 'revoked');
    const unknown = await verify('AAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const statuses: number[] = [];
    for (let index = 0; index < VERIFICATIONS_PER_MINUTE; index++)
      statuses.push((await verify('not-a-code')).statusCode);
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status !== 429).every((status) => status === 404)).toBe(true);
  });
});

/** Every stream of the PDF inflated where it is compressed, joined with the rest of the file. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [raw];
  const pattern = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(raw)) !== null) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // not a Flate stream (the font file and image are binary either way)
    }
  }
  return parts.join('\n');
}

/** The Unicode code points the ToUnicode maps of the PDF's fonts give glyphs. */
function toUnicodeCodes(text: string): number[] {
  const codes: number[] = [];
  for (const block of text.match(/beginbf(?:char|range)[\s\S]*?endbf(?:char|range)/g) ?? []) {
    for (const hex of block.match(/<([0-9a-fA-F]{4})>/g) ?? []) codes.push(parseInt(hex.slice(1, 5), 16));
  }
  return codes;
}
