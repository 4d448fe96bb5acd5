import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  Attachment,
  COURSE_PACKAGE_INVALID,
  CourseDetail,
  CourseVersion,
  Lesson,
  Question,
  Quiz,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { unzip, zipOf } from '../../testing/course-packages';
import { AuthoringModule } from '../authoring.module';
import { CoursePackageManifest, canonicalJson, packageContent } from './course-package';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from('a map of the crossing point'),
]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const CONTENT_TABLES = [
  'course',
  'course_version',
  'course_module',
  'lesson',
  'question',
  'quiz',
  'attachment',
];

describe('course exchange packages', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let dataDir: string;
  const units: Record<string, string> = {};
  let kzTrainer: TestUser;
  let kzReviewer: TestUser;
  let kgTrainer: TestUser;
  let kgReviewer: TestUser;
  let kzLearner: TestUser;
  let published: { course: CourseDetail; versionId: string; png: Attachment };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ba-exchange-'));
    testApp = await createTestApp([AuthoringModule], { DATA_DIR: dataDir });
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
    const rows: { id: string; code: string }[] = await dataSource.query(`SELECT id, code FROM org_unit`);
    for (const row of rows) units[row.code] = row.id;
    const user = (login: string, unit: string, role: 'trainer' | 'reviewer' | 'learner') =>
      createTestUser(testApp.app, { login, orgUnitCode: unit, grants: [[role, unit]] });
    kzTrainer = await user('kz.trainer', 'kz-border', 'trainer');
    kzReviewer = await user('kz.reviewer', 'kz-border', 'reviewer');
    kgTrainer = await user('kg.trainer', 'kg-border', 'trainer');
    kgReviewer = await user('kg.reviewer', 'kg-border', 'reviewer');
    kzLearner = await user('kz.learner', 'kz-border', 'learner');
    await dataSource.query(
      `INSERT INTO competency (code, title, area, level) VALUES ('ibm-risk-analysis', '{"en":"Risk analysis"}', 'IBM', 2)`,
    );
    published = await publishedCourse();
  });

  afterAll(async () => {
    await testApp?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function call<T = unknown>(as: TestUser, method: Method, url: string, payload?: object, status = 200) {
    return requestAs<T>(testApp.app, as, method, url, payload, status);
  }

  async function upload(body: Buffer, type: string, fileName: string, courseId: string): Promise<Attachment> {
    const response = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${courseId}/attachments?fileName=${encodeURIComponent(fileName)}`,
      headers: { authorization: kzTrainer.authorization, 'content-type': type },
      payload: body,
    });
    expect(response.statusCode).toBe(201);
    return response.json<Attachment>();
  }

  /** A course with every kind of lesson, an image in Markdown, a bank of two questions and two quizzes. */
  async function publishedCourse() {
    const course = await call<CourseDetail>(
      kzTrainer,
      'POST',
      '/api/v1/courses',
      {
        code: 'risk-control',
        title: { en: 'Risk-based control', ru: 'Контроль на основе рисков' },
        description: { en: 'Channels and profiles', ru: 'Каналы и профили' },
        area: 'TRADE',
        level: 'intermediate',
        estimatedHours: 3.5,
        defaultLanguage: 'en',
        ownerOrgUnitId: units['kz-border'],
      },
      201,
    );
    const [competency]: { id: string }[] = await dataSource.query(`SELECT id FROM competency`);
    await call(kzTrainer, 'PATCH', `/api/v1/courses/${course.id}`, {
      selfEnrolment: true,
      lessonCompletion: 'marked-done',
      competencyIds: [competency?.id],
    });
    const versionId = course.workingVersionId ?? '';
    const png = await upload(PNG, 'image/png', 'map.png', course.id);
    const pdf = await upload(PDF, 'application/pdf', 'Инструкция.pdf', course.id);
    const tf = await call<Question>(
      kzTrainer,
      'POST',
      `/api/v1/course-versions/${versionId}/questions`,
      {
        kind: 'true-false',
        stem: { en: 'Green means release.', ru: 'Зелёный — выпуск.' },
        options: [],
        correctBoolean: true,
        shortAnswer: null,
        feedbackCorrect: { en: 'Right.' },
        feedbackIncorrect: null,
        points: 2,
        tags: ['channels'],
      },
      201,
    );
    const choice = await call<Question>(
      kzTrainer,
      'POST',
      `/api/v1/course-versions/${versionId}/questions`,
      {
        kind: 'single-choice',
        stem: { en: 'Which channel means inspection?', ru: 'Какой канал означает досмотр?' },
        options: [
          { id: 'a', text: { en: 'Red', ru: 'Красный' }, correct: true, feedback: null },
          { id: 'b', text: { en: 'Green', ru: 'Зелёный' }, correct: false, feedback: { en: 'No.' } },
        ],
        correctBoolean: null,
        shortAnswer: null,
        feedbackCorrect: null,
        feedbackIncorrect: null,
        points: 1,
        tags: ['channels'],
      },
      201,
    );
    const quiz = (selection: object, title: string) =>
      call<Quiz>(
        kzTrainer,
        'POST',
        `/api/v1/course-versions/${versionId}/quizzes`,
        {
          title: { en: title, ru: title },
          instructions: null,
          passMarkPercent: 60,
          attemptLimit: 3,
          timeLimitMinutes: null,
          allowReview: true,
          selection,
        },
        201,
      );
    const fixed = await quiz({ mode: 'fixed', questionIds: [choice.id, tf.id] }, 'Fixed');
    await quiz({ mode: 'random', draws: [{ tag: 'channels', count: 1 }] }, 'Random');
    const outline = await call<CourseVersion>(
      kzTrainer,
      'POST',
      `/api/v1/course-versions/${versionId}/modules`,
      { title: { en: 'Channels', ru: 'Каналы' } },
      201,
    );
    const moduleId = outline.modules[0]?.id;
    const lesson = (body: object) =>
      call<Lesson>(kzTrainer, 'POST', `/api/v1/modules/${moduleId}/lessons`, body, 201);
    await lesson({
      kind: 'text',
      title: { en: 'The map', ru: 'Карта' },
      body: {
        en: `See ![the map](/api/v1/attachments/${png.id}/content) first.`,
        ru: `Сначала [карта](/api/v1/attachments/${png.id}/content).`,
      },
    });
    await lesson({ kind: 'document', title: { en: 'Guide', ru: 'Руководство' }, attachmentId: pdf.id });
    await lesson({
      kind: 'link',
      title: { en: 'WCO', ru: 'ВТамО' },
      externalUrl: 'https://www.wcoomd.org/',
      required: false,
      estimatedMinutes: 5,
    });
    await lesson({ kind: 'quiz', title: { en: 'Check', ru: 'Проверка' }, quizId: fixed.id });
    await call(kzTrainer, 'POST', `/api/v1/course-versions/${versionId}/submit`);
    await call(kzReviewer, 'POST', `/api/v1/course-versions/${versionId}/publish`);
    return { course, versionId, png };
  }

  async function exportVersion(as: TestUser, versionId: string) {
    return testApp.app.inject({
      method: 'GET',
      url: `/api/v1/course-versions/${versionId}/export`,
      headers: { authorization: as.authorization },
    });
  }

  function importPackage(as: TestUser, zip: Buffer, unit: string, code?: string) {
    const query = new URLSearchParams({ ownerOrgUnitId: units[unit] ?? '', ...(code ? { code } : {}) });
    return testApp.app.inject({
      method: 'POST',
      url: `/api/v1/course-imports?${query}`,
      headers: { authorization: as.authorization, 'content-type': 'application/zip' },
      payload: zip,
    });
  }

  async function manifestOf(zip: Buffer): Promise<CoursePackageManifest> {
    const entries = await unzip(zip);
    return JSON.parse(entries[0]?.content.toString('utf8') ?? '') as CoursePackageManifest;
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const [row]: Record<string, number>[] = await dataSource.query(
      `SELECT ${CONTENT_TABLES.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`,
    );
    return row ?? {};
  }

  it('exports a published version as a ZIP of its manifest first and each file once, by content', async () => {
    const response = await exportVersion(kzTrainer, published.versionId);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="risk-control-v1.zip"/);
    const entries = await unzip(response.rawPayload);
    expect(entries.map((entry) => entry.name)).toEqual([
      'manifest.json',
      ...[PNG, PDF].map((file) => `files/${sha256(file)}`).sort(),
    ]);
    const manifest = JSON.parse(entries[0]?.content.toString('utf8') ?? '') as CoursePackageManifest;
    expect(entries[0]?.content.toString('utf8')).toBe(canonicalJson(manifest));
    expect(manifest).toMatchObject({
      schemaVersion: 1,
      source: { courseCode: 'risk-control', versionNumber: 1 },
      course: {
        title: { en: 'Risk-based control' },
        area: 'TRADE',
        estimatedHours: 3.5,
        selfEnrolment: true,
        lessonCompletion: 'marked-done',
        competencies: ['ibm-risk-analysis'],
      },
    });
    const lessons = manifest.modules[0]?.lessons ?? [];
    expect(lessons.map((lesson) => lesson.kind)).toEqual(['text', 'document', 'link', 'quiz']);
    expect(lessons[0]?.body?.['en']).toBe(`See ![the map](attachment:${sha256(PNG)}) first.`);
    expect(lessons[1]?.file).toBe(`files/${sha256(PDF)}`);
    expect(lessons[3]?.quiz).toBe('quiz-1');
    expect(manifest.quizzes[0]?.selection).toEqual({
      mode: 'fixed',
      questions: ['question-2', 'question-1'],
    });
    expect(manifest.attachments).toContainEqual({
      path: `files/${sha256(PDF)}`,
      fileName: 'Инструкция.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
    });
    const [audit]: { count: number }[] = await dataSource.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE action = 'course.export' AND target_id = $1`,
      [published.course.id],
    );
    expect(audit?.count).toBe(1);
  });

  it('imports into another country’s unit by its trainer, and a new export carries the same content', async () => {
    const first = (await exportVersion(kzTrainer, published.versionId)).rawPayload;
    const response = await importPackage(kgTrainer, first, 'kg-border');
    expect(response.statusCode).toBe(201);
    const imported = response.json<CourseDetail>();
    expect(imported).toMatchObject({
      code: 'risk-control-2',
      status: 'draft',
      ownerOrgUnit: { id: units['kg-border'] },
      authors: [{ id: kgTrainer.id }],
      audience: [],
      competencies: [{ code: 'ibm-risk-analysis' }],
      selfEnrolment: true,
      versions: [{ number: 1, status: 'draft' }],
    });
    const draftId = imported.workingVersionId ?? '';
    const draft = await call<CourseVersion>(kgTrainer, 'GET', `/api/v1/course-versions/${draftId}`);
    const original = await call<CourseVersion>(
      kzTrainer,
      'GET',
      `/api/v1/course-versions/${published.versionId}`,
    );
    expect(draft.completeness).toEqual(original.completeness);
    const textLesson = await call<Lesson>(
      kgTrainer,
      'GET',
      `/api/v1/lessons/${draft.modules[0]?.lessons[0]?.id}`,
    );
    const [image]: { id: string; course_id: string }[] = await dataSource.query(
      `SELECT id, course_id FROM attachment WHERE course_id = $1 AND sha256 = $2`,
      [imported.id, sha256(PNG)],
    );
    expect(textLesson.body?.['en']).toBe(`See ![the map](/api/v1/attachments/${image?.id}/content) first.`);
    expect(textLesson.bodyHtml['en']).toContain(`/api/v1/attachments/${image?.id}/content?expires=`);

    await call(kgTrainer, 'POST', `/api/v1/course-versions/${draftId}/submit`);
    await call(kgReviewer, 'POST', `/api/v1/course-versions/${draftId}/publish`);
    const second = (await exportVersion(kgTrainer, draftId)).rawPayload;
    const [before, after] = [await manifestOf(first), await manifestOf(second)];
    expect(after.source).toEqual({ courseCode: 'risk-control-2', versionNumber: 1 });
    expect(canonicalJson(packageContent(after))).toBe(canonicalJson(packageContent(before)));
    const files = async (zip: Buffer) => (await unzip(zip)).slice(1);
    expect(await files(second)).toEqual(await files(first));
  });

  it('takes the code asked for, and refuses one that is taken with 409 and nothing written', async () => {
    const zip = (await exportVersion(kzTrainer, published.versionId)).rawPayload;
    const named = await importPackage(kzTrainer, zip, 'kz-border-almaty', 'risk-control-almaty');
    expect(named.statusCode).toBe(201);
    expect(named.json<CourseDetail>().code).toBe('risk-control-almaty');
    const before = await rowCounts();
    const taken = await importPackage(kzTrainer, zip, 'kz-border', 'risk-control');
    expect(taken.statusCode).toBe(409);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses to export a version that is not published with 409', async () => {
    const course = await call<CourseDetail>(
      kzTrainer,
      'POST',
      `/api/v1/courses/${published.course.id}/drafts`,
      undefined,
      201,
    );
    const response = await exportVersion(kzTrainer, course.workingVersionId ?? '');
    expect(response.statusCode).toBe(409);
  });

  it('hides a version outside the caller’s scope (404), refuses a learner (403) and a unit outside the scope (400)', async () => {
    expect((await exportVersion(kgTrainer, published.versionId)).statusCode).toBe(404);
    expect((await exportVersion(kzLearner, published.versionId)).statusCode).toBe(403);
    const zip = (await exportVersion(kzTrainer, published.versionId)).rawPayload;
    const before = await rowCounts();
    expect((await importPackage(kzTrainer, zip, 'kg-border')).statusCode).toBe(400);
    expect((await importPackage(kzReviewer, zip, 'kz-border')).statusCode).toBe(403);
    expect((await importPackage(kzLearner, zip, 'kz-border')).statusCode).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });

  it('writes nothing for a package that fails a check, and leaves no spooled or extracted file', async () => {
    const zip = (await exportVersion(kzTrainer, published.versionId)).rawPayload;
    const entries = await unzip(zip);
    const manifest = JSON.parse(entries[0]?.content.toString('utf8') ?? '') as CoursePackageManifest;
    manifest.course.defaultLanguage = 'de';
    const broken = await zipOf([
      { name: 'manifest.json', content: JSON.stringify(manifest) },
      ...entries.slice(1).map((entry) => ({ name: entry.name, content: entry.content, compress: false })),
    ]);
    const before = await rowCounts();
    const response = await importPackage(kzTrainer, broken, 'kz-border');
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      type: COURSE_PACKAGE_INVALID,
      packageErrors: [
        'manifest.json: course.defaultLanguage de is not a content language here',
        'manifest.json: course.title has no text in the default language de',
      ],
    });
    expect(await rowCounts()).toEqual(before);
    expect(await readdir(join(dataDir, 'tmp'))).toEqual([]);
  });

  it('refuses a body that is not a ZIP with 415', async () => {
    const response = await injectAs(
      testApp.app,
      kzTrainer,
      'POST',
      `/api/v1/course-imports?ownerOrgUnitId=${units['kz-border']}`,
      { manifest: {} },
    );
    expect(response.statusCode).toBe(415);
  });
});

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
