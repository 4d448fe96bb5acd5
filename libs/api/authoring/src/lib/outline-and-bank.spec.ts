import { orgUnitsSeed } from '@border-academy/api-db';
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
  COURSE_VERSION_NOT_EDITABLE,
  CourseDetail,
  CourseVersion,
  Lesson,
  Page,
  ProblemDetails,
  Question,
  Quiz,
  SaveQuestionRequest,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { AuthoringModule } from './authoring.module';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const TRUE_FALSE: SaveQuestionRequest = {
  kind: 'true-false',
  stem: { en: 'The single window takes data once.', ru: 'Единое окно принимает данные один раз.' },
  options: [],
  correctBoolean: true,
  shortAnswer: null,
  feedbackCorrect: null,
  feedbackIncorrect: null,
  points: 1,
  tags: ['single-window'],
};

describe('outline, lessons, question bank and quizzes', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let trainer: TestUser;
  let reviewer: TestUser;
  let learner: TestUser;
  let ownerUnitId: string;
  let courseCount = 0;

  beforeAll(async () => {
    testApp = await createTestApp([AuthoringModule]);
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
    const [unit]: { id: string }[] = await dataSource.query(
      `SELECT id FROM org_unit WHERE code = 'uz-customs'`,
    );
    ownerUnitId = unit?.id ?? '';
    trainer = await createTestUser(testApp.app, {
      login: 'uz.trainer',
      orgUnitCode: 'uz-customs',
      grants: [['trainer', 'uz-customs']],
    });
    reviewer = await createTestUser(testApp.app, {
      login: 'uz.reviewer',
      orgUnitCode: 'uz-customs',
      grants: [['reviewer', 'uz-customs']],
    });
    learner = await createTestUser(testApp.app, {
      login: 'uz.learner',
      orgUnitCode: 'uz-customs',
      grants: [['learner', 'uz-customs']],
    });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  function call<T = unknown>(as: TestUser, method: Method, url: string, payload?: object, status = 200) {
    return requestAs<T>(testApp.app, as, method, url, payload, status);
  }

  /** A draft with two modules of two text lessons each. */
  async function draftWithOutline(): Promise<CourseVersion> {
    courseCount += 1;
    const course = await call<CourseDetail>(
      trainer,
      'POST',
      '/api/v1/courses',
      {
        code: `outline-${courseCount}`,
        title: { en: 'Risk and the single window', ru: 'Риски и единое окно' },
        area: 'TRADE',
        level: 'intermediate',
        estimatedHours: 4,
        defaultLanguage: 'en',
        ownerOrgUnitId: ownerUnitId,
      },
      201,
    );
    const versionId = course.workingVersionId ?? '';
    for (const module of ['Risk', 'Single window']) {
      const version = await call<CourseVersion>(
        trainer,
        'POST',
        `/api/v1/course-versions/${versionId}/modules`,
        { title: { en: module, ru: module } },
        201,
      );
      const moduleId = version.modules.at(-1)?.id;
      for (const lesson of ['one', 'two']) {
        await call(
          trainer,
          'POST',
          `/api/v1/modules/${moduleId}/lessons`,
          {
            kind: 'text',
            title: { en: `${module} ${lesson}`, ru: `${module} ${lesson}` },
            body: { en: 'Text', ru: 'Текст' },
          },
          201,
        );
      }
    }
    return call<CourseVersion>(trainer, 'GET', `/api/v1/course-versions/${versionId}`);
  }

  const titles = (version: CourseVersion) =>
    version.modules.map((module) => [module.title['en'], module.lessons.map((lesson) => lesson.title['en'])]);

  it('reorders the whole outline at once, moving a lesson to another module', async () => {
    const version = await draftWithOutline();
    const [risk, window] = version.modules;
    const reordered = await call<CourseVersion>(
      trainer,
      'PUT',
      `/api/v1/course-versions/${version.id}/outline`,
      {
        modules: [
          {
            id: window?.id,
            lessonIds: [window?.lessons[1]?.id, risk?.lessons[0]?.id, window?.lessons[0]?.id],
          },
          { id: risk?.id, lessonIds: [risk?.lessons[1]?.id] },
        ],
      },
    );
    expect(titles(reordered)).toEqual([
      ['Single window', ['Single window two', 'Risk one', 'Single window one']],
      ['Risk', ['Risk two']],
    ]);
    expect(reordered.modules[0]?.lessons[1]?.moduleId).toBe(window?.id);
  });

  it.each([
    [
      'a lesson left out',
      (v: CourseVersion) => [
        { id: v.modules[0]?.id, lessonIds: [v.modules[0]?.lessons[0]?.id] },
        { id: v.modules[1]?.id, lessonIds: v.modules[1]?.lessons.map((l) => l.id) },
      ],
      'missing',
    ],
    [
      'a lesson twice',
      (v: CourseVersion) =>
        v.modules.map((m) => ({
          id: m.id,
          lessonIds: [...m.lessons.map((l) => l.id), v.modules[0]?.lessons[0]?.id],
        })),
      'duplicate',
    ],
    [
      'a module left out',
      (v: CourseVersion) => [
        { id: v.modules[0]?.id, lessonIds: v.modules.flatMap((m) => m.lessons.map((l) => l.id)) },
      ],
      'missing',
    ],
    [
      'a lesson of another version',
      (v: CourseVersion) =>
        v.modules.map((m, i) => ({
          id: m.id,
          lessonIds: [
            ...m.lessons.map((l) => l.id),
            ...(i === 0 ? ['6f1c9a7e-3b2d-4c5e-8f9a-0b1c2d3e4f50'] : []),
          ],
        })),
      'unknown',
    ],
  ])('refuses an order with %s and leaves the outline as it was', async (_case, order, code) => {
    const version = await draftWithOutline();
    const response = await injectAs(
      testApp.app,
      trainer,
      'PUT',
      `/api/v1/course-versions/${version.id}/outline`,
      {
        modules: order(version),
      },
    );
    expect(response.statusCode).toBe(400);
    expect((response.json() as ProblemDetails).errors?.map((error) => error.code)).toContain(code);
    expect(
      titles(await call<CourseVersion>(trainer, 'GET', `/api/v1/course-versions/${version.id}`)),
    ).toEqual(titles(version));
  });

  it('renders a lesson’s Markdown without scripts, event handlers or javascript: links, marking external links', async () => {
    const version = await draftWithOutline();
    const lessonId = version.modules[0]?.lessons[0]?.id;
    const markdown =
      '# Profiles\n\n<script>alert("x")</script><img src="x" onerror="alert(1)">\n\n' +
      '[run](javascript:alert(2)) <a href="javascript:alert(3)">raw</a> [WCO](https://www.wcoomd.org/)';
    const lesson = await call<Lesson>(trainer, 'PATCH', `/api/v1/lessons/${lessonId}`, {
      body: { en: markdown, ru: '## Профили' },
    });
    expect(lesson.body).toEqual({ en: markdown, ru: '## Профили' });
    const html = lesson.bodyHtml['en'] ?? '';
    expect(html).toContain('<h1>Profiles</h1>');
    expect(html).not.toMatch(/<script|onerror|alert\(1\)|href="javascript|<img/i);
    expect(html).toContain(
      '<a href="https://www.wcoomd.org/" target="_blank" rel="noopener noreferrer external" class="external-link">WCO</a>',
    );
    expect(lesson.bodyHtml['ru']).toBe('<h2>Профили</h2>\n');

    const preview = await call<{ html: string }>(trainer, 'POST', '/api/v1/markdown/render', { markdown });
    expect(preview.html).toBe(html);
  });

  it('checks a lesson’s references against its kind and version', async () => {
    const version = await draftWithOutline();
    const moduleId = version.modules[0]?.id;
    const wrongKind = await injectAs(testApp.app, trainer, 'POST', `/api/v1/modules/${moduleId}/lessons`, {
      kind: 'text',
      title: { en: 'A text' },
      externalUrl: 'https://example.org/',
    });
    expect((wrongKind.json() as ProblemDetails).errors?.map((error) => error.field)).toEqual(['externalUrl']);
    const badUrl = await injectAs(testApp.app, trainer, 'POST', `/api/v1/modules/${moduleId}/lessons`, {
      kind: 'link',
      title: { en: 'A link' },
      externalUrl: 'javascript:alert(1)',
    });
    expect(badUrl.statusCode).toBe(400);
    const otherQuiz = await injectAs(testApp.app, trainer, 'POST', `/api/v1/modules/${moduleId}/lessons`, {
      kind: 'quiz',
      title: { en: 'A quiz' },
      quizId: '6f1c9a7e-3b2d-4c5e-8f9a-0b1c2d3e4f50',
    });
    expect((otherQuiz.json() as ProblemDetails).errors?.map((error) => error.field)).toEqual(['quizId']);
  });

  it('keeps a question bank with answers, refusing to delete a question a quiz holds', async () => {
    const version = await draftWithOutline();
    const question = await call<Question>(
      trainer,
      'POST',
      `/api/v1/course-versions/${version.id}/questions`,
      TRUE_FALSE,
      201,
    );
    expect(question).toMatchObject({ ...TRUE_FALSE, versionId: version.id, usedByQuizCount: 0 });
    const choice = await call<Question>(
      trainer,
      'POST',
      `/api/v1/course-versions/${version.id}/questions`,
      {
        ...TRUE_FALSE,
        kind: 'single-choice',
        stem: {
          en: 'Which channel means release without checks?',
          ru: 'Какой канал означает выпуск без проверок?',
        },
        correctBoolean: null,
        options: [
          { id: 'a', text: { en: 'Green', ru: 'Зелёный' }, correct: true, feedback: null },
          {
            id: 'b',
            text: { en: 'Red', ru: 'Красный' },
            correct: false,
            feedback: { en: 'Red means inspection.' },
          },
        ],
        tags: ['Risk '],
      },
      201,
    );
    expect(choice.tags).toEqual(['risk']);

    const twoCorrect = await injectAs(testApp.app, trainer, 'PUT', `/api/v1/questions/${choice.id}`, {
      ...TRUE_FALSE,
      kind: 'single-choice',
      correctBoolean: null,
      options: choice.options.map((option) => ({ ...option, correct: true })),
    });
    expect((twoCorrect.json() as ProblemDetails).errors?.map((error) => error.code)).toEqual(['correct']);

    const quiz = await call<Quiz>(
      trainer,
      'POST',
      `/api/v1/course-versions/${version.id}/quizzes`,
      {
        title: { en: 'Final quiz', ru: 'Итоговый тест' },
        instructions: null,
        passMarkPercent: 70,
        attemptLimit: 3,
        timeLimitMinutes: null,
        allowReview: true,
        selection: { mode: 'fixed', questionIds: [choice.id, question.id] },
      },
      201,
    );
    expect(quiz).toMatchObject({
      questionCount: 2,
      selection: { mode: 'fixed', questionIds: [choice.id, question.id] },
    });
    expect((await call<Question>(trainer, 'GET', `/api/v1/questions/${question.id}`)).usedByQuizCount).toBe(
      1,
    );
    const inUse = await injectAs(testApp.app, trainer, 'DELETE', `/api/v1/questions/${question.id}`);
    expect(inUse.statusCode).toBe(409);

    const byTag = await call<Page<Question>>(
      trainer,
      'GET',
      `/api/v1/course-versions/${version.id}/questions?tag=risk`,
    );
    expect(byTag.items.map((item) => item.id)).toEqual([choice.id]);
    const byText = await call<Page<Question>>(
      trainer,
      'GET',
      `/api/v1/course-versions/${version.id}/questions?q=${encodeURIComponent('единое')}`,
    );
    expect(byText.items.map((item) => item.id)).toEqual([question.id]);

    await call(trainer, 'PUT', `/api/v1/quizzes/${quiz.id}`, {
      title: { en: 'Final quiz' },
      instructions: null,
      passMarkPercent: 70,
      attemptLimit: null,
      timeLimitMinutes: 15,
      allowReview: false,
      selection: { mode: 'random', draws: [{ tag: 'risk', count: 1 }] },
    });
    await call(trainer, 'DELETE', `/api/v1/questions/${question.id}`, undefined, 204);
  });

  it('refuses to submit a version whose random draws the bank cannot satisfy', async () => {
    const version = await draftWithOutline();
    await call(trainer, 'POST', `/api/v1/course-versions/${version.id}/questions`, TRUE_FALSE, 201);
    await call(
      trainer,
      'POST',
      `/api/v1/course-versions/${version.id}/quizzes`,
      {
        title: { en: 'Draws', ru: 'Выборка' },
        instructions: null,
        passMarkPercent: 50,
        attemptLimit: null,
        timeLimitMinutes: null,
        allowReview: true,
        selection: { mode: 'random', draws: [{ tag: 'single-window', count: 3 }] },
      },
      201,
    );
    const response = await injectAs(
      testApp.app,
      trainer,
      'POST',
      `/api/v1/course-versions/${version.id}/submit`,
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      missing: [
        'quiz 1 draws 3 questions tagged “single-window”, but the bank has 1',
        'quiz 1 draws 3 questions in all, but only 1 questions carry its tags',
      ],
    });
  });

  it('refuses changes to the questions and quizzes of a published version, and never shows answers in the catalogue', async () => {
    const version = await draftWithOutline();
    const question = await call<Question>(
      trainer,
      'POST',
      `/api/v1/course-versions/${version.id}/questions`,
      { ...TRUE_FALSE, shortAnswer: null, feedbackCorrect: { en: 'SECRET-FEEDBACK', ru: 'СЕКРЕТ' } },
      201,
    );
    const quizBody = {
      title: { en: 'Final quiz', ru: 'Итоговый тест' },
      instructions: null,
      passMarkPercent: 70,
      attemptLimit: null,
      timeLimitMinutes: null,
      allowReview: true,
      selection: { mode: 'fixed', questionIds: [question.id] },
    };
    const quiz = await call<Quiz>(
      trainer,
      'POST',
      `/api/v1/course-versions/${version.id}/quizzes`,
      quizBody,
      201,
    );
    await call(trainer, 'POST', `/api/v1/course-versions/${version.id}/submit`);
    await call(reviewer, 'POST', `/api/v1/course-versions/${version.id}/publish`);

    for (const [method, url, payload] of [
      ['POST', `/api/v1/course-versions/${version.id}/questions`, TRUE_FALSE],
      ['PUT', `/api/v1/questions/${question.id}`, TRUE_FALSE],
      ['DELETE', `/api/v1/questions/${question.id}`, undefined],
      ['POST', `/api/v1/course-versions/${version.id}/quizzes`, quizBody],
      ['PUT', `/api/v1/quizzes/${quiz.id}`, quizBody],
      ['DELETE', `/api/v1/quizzes/${quiz.id}`, undefined],
    ] as [Method, string, object | undefined][]) {
      const response = await injectAs(testApp.app, trainer, method, url, payload);
      expect({ url, method, status: response.statusCode }).toEqual({ url, method, status: 409 });
      expect(response.json()).toMatchObject({ type: COURSE_VERSION_NOT_EDITABLE });
    }

    const catalogue = await injectAs(testApp.app, learner, 'GET', '/api/v1/catalogue/courses?pageSize=100');
    expect(catalogue.statusCode).toBe(200);
    expect(catalogue.body).toContain(version.id);
    expect(catalogue.body).not.toMatch(/correct|shortAnswer|accepted|SECRET|СЕКРЕТ|options|questionIds/i);
    for (const url of [`/api/v1/questions/${question.id}`, `/api/v1/quizzes/${quiz.id}`]) {
      expect((await injectAs(testApp.app, learner, 'GET', url)).statusCode).toBe(403);
    }
  });
});
