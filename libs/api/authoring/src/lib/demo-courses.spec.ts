import { DEMO_COURSES, SEED_STEPS, demoSignIns } from '@border-academy/api-db';
import {
  TestApp,
  createTestApp,
  createTestUser,
  injectAs,
  seedTestDatabase,
} from '@border-academy/api-platform';
import { CatalogueCourse, CourseVersion, Lesson, Page } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { AuthoringModule } from './authoring.module';
import { DraftEditor } from './versions/draft-editor';

async function counts(dataSource: DataSource): Promise<Record<string, number>> {
  const [row]: Record<string, number>[] = await dataSource.query(
    `SELECT (SELECT count(*)::int FROM course) AS courses, (SELECT count(*)::int FROM course_version) AS versions,
            (SELECT count(*)::int FROM course_module) AS modules, (SELECT count(*)::int FROM lesson) AS lessons,
            (SELECT count(*)::int FROM question) AS questions, (SELECT count(*)::int FROM quiz_question) AS drawn,
            (SELECT count(*)::int FROM competency) AS competencies, (SELECT count(*)::int FROM app_user) AS users,
            (SELECT count(*)::int FROM role_grant) AS grants, (SELECT count(*)::int FROM course_audience) AS audience`,
  );
  return row ?? {};
}

describe('demo courses', () => {
  let testApp: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await createTestApp([AuthoringModule]);
    await seedTestDatabase(testApp, SEED_STEPS);
    dataSource = testApp.app.get(DataSource);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('seed once: running every step again, even with their records gone, changes nothing', async () => {
    const before = await counts(dataSource);
    expect(before).toMatchObject({ courses: 3, versions: 3, competencies: 9 });
    await seedTestDatabase(testApp, SEED_STEPS);
    expect(await counts(dataSource)).toEqual(before);
    await dataSource.query(`DELETE FROM seed_run`);
    await seedTestDatabase(testApp, SEED_STEPS);
    expect(await counts(dataSource)).toEqual(before);
  });

  it('give each country a reviewer on its border service, listed among the demo sign-ins', async () => {
    const rows: { login: string; unit: string }[] = await dataSource.query(
      `SELECT u.login, ou.code AS unit FROM role_grant g JOIN app_user u ON u.id = g.user_id
         JOIN org_unit ou ON ou.id = g.org_unit_id WHERE g.role = 'reviewer' ORDER BY u.login`,
    );
    expect(rows).toEqual(
      ['kg', 'kz', 'tj', 'tm', 'uz'].map((country) => ({
        login: `${country}.reviewer`,
        unit: `${country}-border`,
      })),
    );
    expect(
      demoSignIns()
        .filter((signIn) => signIn.role === 'reviewer')
        .map((signIn) => signIn.login),
    ).toHaveLength(5);
  });

  it('publish three complete courses in English and Russian, each with two modules, five lessons and a quiz of eight or more mixed questions', async () => {
    const versions: { id: string; code: string; completeness: Record<string, number> }[] =
      await dataSource.query(
        `SELECT v.id, c.code, v.completeness FROM course c JOIN course_version v ON v.id = c.current_version_id
        WHERE v.status = 'published' ORDER BY c.code`,
      );
    expect(versions.map((version) => version.code)).toEqual(DEMO_COURSES.map((course) => course.code).sort());
    const editor = testApp.app.get(DraftEditor);
    for (const version of versions) {
      await editor.recompute(dataSource.manager, version.id);
      const [stored]: { completeness: Record<string, number> }[] = await dataSource.query(
        `SELECT completeness FROM course_version WHERE id = $1`,
        [version.id],
      );
      expect(stored?.completeness).toEqual({ en: 100, ru: 100 });
      const [shape]: { modules: number; lessons: number; questions: number; kinds: number }[] =
        await dataSource.query(
          `SELECT (SELECT count(*)::int FROM course_module WHERE version_id = $1) AS modules,
                (SELECT count(*)::int FROM lesson l JOIN course_module m ON m.id = l.module_id WHERE m.version_id = $1) AS lessons,
                (SELECT count(*)::int FROM quiz_question qq JOIN quiz q ON q.id = qq.quiz_id WHERE q.version_id = $1) AS questions,
                (SELECT count(DISTINCT kind)::int FROM question WHERE version_id = $1) AS kinds`,
          [version.id],
        );
      expect(shape?.modules).toBeGreaterThanOrEqual(2);
      expect(shape?.lessons).toBeGreaterThanOrEqual(5);
      expect(shape?.questions).toBeGreaterThanOrEqual(8);
      expect(shape?.kinds).toBe(4);
    }
  });

  it('show the courses to learners of every country, and their lessons to the authors rendered', async () => {
    for (const country of ['kz', 'tm']) {
      const learner = await createTestUser(testApp.app, {
        login: `${country}.catalogue`,
        orgUnitCode: `${country}-border`,
        grants: [['learner', `${country}-border`]],
      });
      const page = (
        await injectAs(testApp.app, learner, 'GET', '/api/v1/catalogue/courses?language=ru')
      ).json() as Page<CatalogueCourse>;
      expect(page.items.map((course) => course.languages)).toEqual([
        ['en', 'ru'],
        ['en', 'ru'],
        ['en', 'ru'],
      ]);
    }
    const trainer = await createTestUser(testApp.app, {
      login: 'kz.author',
      orgUnitCode: 'kz-border',
      grants: [['trainer', 'kz-border']],
    });
    const [course]: { version_id: string }[] = await dataSource.query(
      `SELECT current_version_id AS version_id FROM course WHERE code = 'ibm-basics'`,
    );
    const version = (
      await injectAs(testApp.app, trainer, 'GET', `/api/v1/course-versions/${course?.version_id}`)
    ).json() as CourseVersion;
    const lessonId = version.modules[0]?.lessons[0]?.id;
    const lesson = (
      await injectAs(testApp.app, trainer, 'GET', `/api/v1/lessons/${lessonId}`)
    ).json() as Lesson;
    expect(lesson.bodyHtml['ru']).toContain('<h1>Открытые, но контролируемые и безопасные границы</h1>');
    expect(lesson.bodyHtml['en']).toContain('<blockquote>');
  });
});
