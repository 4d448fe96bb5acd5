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
  AuthorCandidate,
  COURSE_VERSION_NOT_EDITABLE,
  CatalogueCourse,
  CourseDetail,
  CourseSummary,
  CourseVersion,
  Page,
  ProblemDetails,
  ReviewQueueItem,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { AuthoringModule } from './authoring.module';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

describe('course workflow', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  const units: Record<string, string> = {};
  /** Trainer of Kazakhstan's border service. */
  let trainer: TestUser;
  /** Reviewer of Kazakhstan's border service. */
  let reviewer: TestUser;
  /** Trainer of Kyrgyzstan's border service: outside the courses' scope. */
  let otherTrainer: TestUser;
  /** A learner at a crossing point under Kazakhstan's border service, and one in Kyrgyzstan. */
  let learnerInside: TestUser;
  let learnerOutside: TestUser;

  beforeAll(async () => {
    testApp = await createTestApp([AuthoringModule]);
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
    const rows: { id: string; code: string }[] = await dataSource.query(`SELECT id, code FROM org_unit`);
    for (const row of rows) units[row.code] = row.id;
    trainer = await createTestUser(testApp.app, {
      login: 'kz.trainer',
      orgUnitCode: 'kz-border',
      grants: [['trainer', 'kz-border']],
    });
    reviewer = await createTestUser(testApp.app, {
      login: 'kz.reviewer',
      orgUnitCode: 'kz-border',
      grants: [['reviewer', 'kz-border']],
    });
    otherTrainer = await createTestUser(testApp.app, {
      login: 'kg.trainer',
      orgUnitCode: 'kg-border',
      grants: [
        ['trainer', 'kg-border'],
        ['reviewer', 'kg-border'],
      ],
    });
    learnerInside = await createTestUser(testApp.app, {
      login: 'kz.learner',
      orgUnitCode: 'kz-border-almaty',
      grants: [['learner', 'kz-border-almaty']],
    });
    learnerOutside = await createTestUser(testApp.app, {
      login: 'kg.learner',
      orgUnitCode: 'kg-border-osh',
      grants: [['learner', 'kg-border-osh']],
    });
  });

  afterAll(async () => {
    await testApp?.close();
  });

  function call<T = unknown>(as: TestUser, method: Method, url: string, payload?: object, status = 200) {
    return requestAs<T>(testApp.app, as, method, url, payload, status);
  }

  async function createCourse(code: string): Promise<CourseDetail> {
    return call<CourseDetail>(
      trainer,
      'POST',
      '/api/v1/courses',
      {
        code,
        title: { en: `Course ${code}`, ru: `Курс ${code}` },
        description: { en: 'What it teaches', ru: 'Чему он учит' },
        area: 'IBM',
        level: 'basic',
        estimatedHours: 2.5,
        defaultLanguage: 'en',
        ownerOrgUnitId: units['kz-border'],
      },
      201,
    );
  }

  /** A module with one text lesson in both languages: enough to be submitted. */
  async function fillDraft(versionId: string): Promise<CourseVersion> {
    const version = await call<CourseVersion>(
      trainer,
      'POST',
      `/api/v1/course-versions/${versionId}/modules`,
      { title: { en: 'The pillars', ru: 'Основы' } },
      201,
    );
    const moduleId = version.modules[0]?.id;
    await call(
      trainer,
      'POST',
      `/api/v1/modules/${moduleId}/lessons`,
      {
        kind: 'text',
        title: { en: 'Intra-service cooperation', ru: 'Внутриведомственное сотрудничество' },
        body: { en: 'Work **together**.', ru: 'Работайте **вместе**.' },
      },
      201,
    );
    return call<CourseVersion>(trainer, 'GET', `/api/v1/course-versions/${versionId}`);
  }

  async function publishedCourse(code: string): Promise<{ course: CourseDetail; version: CourseVersion }> {
    const course = await createCourse(code);
    const versionId = course.workingVersionId ?? '';
    await fillDraft(versionId);
    await call(trainer, 'POST', `/api/v1/course-versions/${versionId}/submit`);
    const version = await call<CourseVersion>(
      reviewer,
      'POST',
      `/api/v1/course-versions/${versionId}/publish`,
    );
    return { course: await call<CourseDetail>(trainer, 'GET', `/api/v1/courses/${course.id}`), version };
  }

  async function catalogueCodes(as: TestUser, query = ''): Promise<string[]> {
    const page = await call<Page<CatalogueCourse>>(as, 'GET', `/api/v1/catalogue/courses${query}`);
    return page.items.map((course) => course.code);
  }

  it('creates a course with its first draft, its creator as author, and completeness per language', async () => {
    const course = await createCourse('ibm-basics');
    expect(course).toMatchObject({
      code: 'ibm-basics',
      title: { en: 'Course ibm-basics', ru: 'Курс ibm-basics' },
      estimatedHours: 2.5,
      status: 'draft',
      currentVersionId: null,
      authors: [{ id: trainer.id, fullName: 'Kz Trainer' }],
      permissions: { canEdit: true, canReview: false },
      versions: [{ number: 1, status: 'draft', createdBy: { id: trainer.id } }],
    });
    const version = await call<CourseVersion>(
      trainer,
      'GET',
      `/api/v1/course-versions/${course.workingVersionId}`,
    );
    expect(version).toMatchObject({
      number: 1,
      status: 'draft',
      editable: true,
      completeness: { en: 100, ru: 100 },
    });
  });

  it('refuses a title without the default language, or in a language that is not a content language', async () => {
    const response = await injectAs(testApp.app, trainer, 'POST', '/api/v1/courses', {
      code: 'no-english',
      title: { ru: 'Только по-русски', de: 'Deutsch' },
      area: 'IBM',
      level: 'basic',
      estimatedHours: 1,
      defaultLanguage: 'en',
      ownerOrgUnitId: units['kz-border'],
    });
    expect(response.statusCode).toBe(400);
    expect((response.json() as ProblemDetails).errors?.map((error) => error.code).sort()).toEqual([
      'language',
      'required-language',
    ]);
  });

  it('answers a taken code with 409, and a unit outside the scope with 400', async () => {
    const taken = await injectAs(testApp.app, trainer, 'POST', '/api/v1/courses', {
      code: 'ibm-basics',
      title: { en: 'Again' },
      area: 'IBM',
      level: 'basic',
      estimatedHours: 1,
      defaultLanguage: 'en',
      ownerOrgUnitId: units['kz-border'],
    });
    expect(taken.statusCode).toBe(409);
    const outside = await injectAs(testApp.app, trainer, 'POST', '/api/v1/courses', {
      code: 'elsewhere',
      title: { en: 'Elsewhere' },
      area: 'IBM',
      level: 'basic',
      estimatedHours: 1,
      defaultLanguage: 'en',
      ownerOrgUnitId: units['kg-border'],
    });
    expect(outside.statusCode).toBe(400);
  });

  it('goes draft → submit → return with a comment → submit → publish, recording who did what', async () => {
    const course = await createCourse('vulnerable-migrants');
    const versionId = course.workingVersionId ?? '';

    const incomplete = await injectAs(
      testApp.app,
      trainer,
      'POST',
      `/api/v1/course-versions/${versionId}/submit`,
    );
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json()).toMatchObject({ missing: ['the version has no lesson'] });

    await fillDraft(versionId);
    const submitted = await call<CourseVersion>(
      trainer,
      'POST',
      `/api/v1/course-versions/${versionId}/submit`,
    );
    expect(submitted).toMatchObject({ status: 'in_review', editable: false });

    const queue = await call<Page<ReviewQueueItem>>(reviewer, 'GET', '/api/v1/course-reviews');
    expect(queue.items.map((item) => item.versionId)).toContain(versionId);
    expect(queue.items.find((item) => item.versionId === versionId)).toMatchObject({
      code: 'vulnerable-migrants',
      submittedBy: { id: trainer.id },
    });
    expect((await call<Page<ReviewQueueItem>>(otherTrainer, 'GET', '/api/v1/course-reviews')).total).toBe(0);

    const trainerPublishes = await injectAs(
      testApp.app,
      trainer,
      'POST',
      `/api/v1/course-versions/${versionId}/publish`,
    );
    expect(trainerPublishes.statusCode).toBe(403);

    const blank = await injectAs(
      testApp.app,
      reviewer,
      'POST',
      `/api/v1/course-versions/${versionId}/return`,
      {
        comment: '  ',
      },
    );
    expect(blank.statusCode).toBe(400);
    const returned = await call<CourseVersion>(
      reviewer,
      'POST',
      `/api/v1/course-versions/${versionId}/return`,
      {
        comment: 'Add the referral forms.',
      },
    );
    expect(returned).toMatchObject({ status: 'draft', reviewComment: 'Add the referral forms.' });

    await call(trainer, 'POST', `/api/v1/course-versions/${versionId}/submit`);
    const published = await call<CourseVersion>(
      reviewer,
      'POST',
      `/api/v1/course-versions/${versionId}/publish`,
    );
    expect(published).toMatchObject({ status: 'published', editable: false });

    const detail = await call<CourseDetail>(reviewer, 'GET', `/api/v1/courses/${course.id}`);
    expect(detail).toMatchObject({
      status: 'published',
      currentVersionId: versionId,
      workingVersionId: null,
      permissions: { canEdit: false, canReview: true },
      versions: [
        {
          number: 1,
          status: 'published',
          submittedBy: { id: trainer.id },
          publishedBy: { id: reviewer.id },
          reviewComment: 'Add the referral forms.',
        },
      ],
    });
    const actions: { action: string }[] = await dataSource.query(
      `SELECT action FROM audit_event WHERE target_id = $1 ORDER BY id`,
      [versionId],
    );
    expect(actions.map((row) => row.action)).toEqual([
      'course-version.submit',
      'course-version.return',
      'course-version.submit',
      'course-version.publish',
    ]);
  });

  it('refuses every kind of change to a published version with 409, and to one in review', async () => {
    const { version } = await publishedCourse('published-frozen');
    const moduleId = version.modules[0]?.id ?? '';
    const lessonId = version.modules[0]?.lessons[0]?.id ?? '';
    const changes: [Method, string, object?][] = [
      ['PATCH', `/api/v1/course-versions/${version.id}`, { title: { en: 'Changed' } }],
      [
        'PUT',
        `/api/v1/course-versions/${version.id}/outline`,
        { modules: [{ id: moduleId, lessonIds: [lessonId] }] },
      ],
      ['POST', `/api/v1/course-versions/${version.id}/modules`, { title: { en: 'New' } }],
      ['PATCH', `/api/v1/modules/${moduleId}`, { title: { en: 'Renamed' } }],
      ['DELETE', `/api/v1/modules/${moduleId}`],
      ['POST', `/api/v1/modules/${moduleId}/lessons`, { kind: 'text', title: { en: 'New' } }],
      ['PATCH', `/api/v1/lessons/${lessonId}`, { title: { en: 'Renamed' } }],
      ['DELETE', `/api/v1/lessons/${lessonId}`],
      ['POST', `/api/v1/course-versions/${version.id}/submit`],
    ];
    for (const [method, url, payload] of changes) {
      const response = await injectAs(testApp.app, trainer, method, url, payload);
      if (url.endsWith('/submit')) {
        expect(response.statusCode).toBe(409);
        continue;
      }
      expect({ method, url, status: response.statusCode }).toEqual({ method, url, status: 409 });
      expect(response.json()).toMatchObject({
        type: COURSE_VERSION_NOT_EDITABLE,
        versionStatus: 'published',
      });
    }
    expect(await call<CourseVersion>(trainer, 'GET', `/api/v1/course-versions/${version.id}`)).toEqual(
      version,
    );
  });

  it('starts a new draft copied from the published version, which stays unchanged', async () => {
    const { course, version } = await publishedCourse('edit-after-publish');
    const detail = await call<CourseDetail>(
      trainer,
      'POST',
      `/api/v1/courses/${course.id}/drafts`,
      undefined,
      201,
    );
    expect(detail).toMatchObject({ status: 'published', currentVersionId: version.id });
    const draftId = detail.workingVersionId ?? '';
    expect(detail.versions[0]).toMatchObject({ id: draftId, number: 2, status: 'draft', basedOnNumber: 1 });

    const again = await injectAs(testApp.app, trainer, 'POST', `/api/v1/courses/${course.id}/drafts`);
    expect(again.statusCode).toBe(409);

    const draft = await call<CourseVersion>(trainer, 'GET', `/api/v1/course-versions/${draftId}`);
    expect(draft.modules.map((module) => module.title)).toEqual(
      version.modules.map((module) => module.title),
    );
    expect(draft.modules[0]?.id).not.toBe(version.modules[0]?.id);
    const draftLessonId = draft.modules[0]?.lessons[0]?.id ?? '';
    expect(draftLessonId).not.toBe(version.modules[0]?.lessons[0]?.id);

    await call(trainer, 'PATCH', `/api/v1/lessons/${draftLessonId}`, {
      title: { en: 'Changed in the draft' },
    });
    await call(
      trainer,
      'POST',
      `/api/v1/course-versions/${draftId}/modules`,
      { title: { en: 'Added' } },
      201,
    );
    expect(await call<CourseVersion>(trainer, 'GET', `/api/v1/course-versions/${version.id}`)).toEqual(
      version,
    );
    expect(await catalogueCodes(learnerInside)).toContain('edit-after-publish');
  });

  it('shows a published course to learners in its audience only, hides it when archived and shows it when restored', async () => {
    const { course } = await publishedCourse('catalogue-scope');
    expect(await catalogueCodes(learnerInside)).toContain('catalogue-scope');
    expect(await catalogueCodes(learnerOutside)).not.toContain('catalogue-scope');

    await call(trainer, 'PATCH', `/api/v1/courses/${course.id}`, { audienceOrgUnitIds: [units['kg']] });
    expect(await catalogueCodes(learnerOutside)).toContain('catalogue-scope');
    expect(await catalogueCodes(learnerInside)).not.toContain('catalogue-scope');
    await call(trainer, 'PATCH', `/api/v1/courses/${course.id}`, { audienceOrgUnitIds: [] });

    const archived = await call<CourseDetail>(trainer, 'POST', `/api/v1/courses/${course.id}/archive`);
    expect(archived).toMatchObject({ status: 'archived', archivedAt: expect.any(String) });
    expect(await catalogueCodes(learnerInside)).not.toContain('catalogue-scope');
    await call(trainer, 'POST', `/api/v1/courses/${course.id}/restore`);
    expect(await catalogueCodes(learnerInside)).toContain('catalogue-scope');

    expect(await catalogueCodes(learnerInside, '?q=SCOPE&area=IBM&level=basic&language=ru')).toEqual([
      'catalogue-scope',
    ]);
    expect(await catalogueCodes(learnerInside, '?area=TRADE')).toEqual([]);
  });

  it('keeps drafts and courses never published out of the catalogue', async () => {
    await createCourse('never-published');
    expect(await catalogueCodes(learnerInside)).not.toContain('never-published');
  });

  it('hides courses from trainers outside the owner’s scope (404) and refuses learners (403)', async () => {
    const { course, version } = await publishedCourse('kz-only');
    for (const url of [`/api/v1/courses/${course.id}`, `/api/v1/course-versions/${version.id}`]) {
      expect((await injectAs(testApp.app, otherTrainer, 'GET', url)).statusCode).toBe(404);
      expect((await injectAs(testApp.app, learnerInside, 'GET', url)).statusCode).toBe(403);
    }
    const patch = await injectAs(testApp.app, otherTrainer, 'PATCH', `/api/v1/courses/${course.id}`, {
      level: 'advanced',
    });
    expect(patch.statusCode).toBe(404);
    const draft = await injectAs(testApp.app, otherTrainer, 'POST', `/api/v1/courses/${course.id}/drafts`);
    expect(draft.statusCode).toBe(404);
    const list = await call<Page<CourseSummary>>(otherTrainer, 'GET', '/api/v1/courses');
    expect(list.items.map((item) => item.code)).not.toContain('kz-only');
  });

  it('offers as authors only people with an authoring role over the course’s unit, to those who edit it', async () => {
    const course = await createCourse('authors-offered');
    const url = `/api/v1/courses/${course.id}/author-candidates`;

    const everyone = await call<Page<AuthorCandidate>>(trainer, 'GET', url);
    // the Kyrgyz trainer, the learners and nobody without a role on kz-border or above is offered
    expect(everyone.items.map((person) => person.login).sort()).toEqual(['kz.reviewer', 'kz.trainer']);
    expect(everyone.total).toBe(2);

    const found = await call<Page<AuthorCandidate>>(trainer, 'GET', `${url}?q=REVIEW`);
    expect(found.items).toEqual([{ id: reviewer.id, fullName: expect.any(String), login: 'kz.reviewer' }]);
    const one = await call<Page<AuthorCandidate>>(trainer, 'GET', `${url}?id=${trainer.id}`);
    expect(one.items.map((person) => person.login)).toEqual(['kz.trainer']);

    await call(reviewer, 'GET', url, undefined, 403);
    await call(otherTrainer, 'GET', url, undefined, 404);
    await call(learnerInside, 'GET', url, undefined, 403);
    await call(trainer, 'GET', `${url}?q=${'x'.repeat(101)}`, undefined, 400);
  });

  it('lists the courses of the scope, filtered, searched and sorted', async () => {
    const all = await call<Page<CourseSummary>>(trainer, 'GET', '/api/v1/courses?pageSize=100');
    expect(all.total).toBe(all.items.length);
    const titles = all.items.map((item) => item.title['en'] ?? '');
    expect(titles).toEqual([...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const published = await call<Page<CourseSummary>>(
      trainer,
      'GET',
      '/api/v1/courses?status=published&pageSize=100',
    );
    expect(
      published.items.every((item) => item.status === 'published' && item.publishedVersionNumber === 1),
    ).toBe(true);
    const search = await call<Page<CourseSummary>>(
      trainer,
      'GET',
      `/api/v1/courses?q=${encodeURIComponent('курс ibm')}`,
    );
    expect(search.items.map((item) => item.code)).toEqual(['ibm-basics']);
    const mine = await call<Page<CourseSummary>>(
      trainer,
      'GET',
      '/api/v1/courses?mine=true&pageSize=1&page=2',
    );
    expect(mine).toMatchObject({ total: all.total, page: 2, pageSize: 1 });
    expect((await call<Page<CourseSummary>>(reviewer, 'GET', '/api/v1/courses?mine=true')).total).toBe(0);
  });
});
