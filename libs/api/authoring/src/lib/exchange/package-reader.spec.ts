import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { orgUnitsSeed } from '@border-academy/api-db';
import {
  TestApp,
  TestUser,
  createTestApp,
  createTestUser,
  seedTestDatabase,
} from '@border-academy/api-platform';
import { COURSE_PACKAGE_INVALID, CourseDetail } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { zipOf } from '../../testing/course-packages';
import { AuthoringModule } from '../authoring.module';
import { CoursePackageInvalidError, CoursePackageTooLargeError } from '../authoring.errors';
import { CoursePackageManifest } from './course-package';
import { PACKAGE_LIMITS, readPackage, spoolPackage } from './package-reader';

const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from('the lanes of a crossing point'),
]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const SCRIPT = Buffer.from('#!/bin/sh\nrm -rf /\n');

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function file(content: Buffer, mediaType: string, fileName: string) {
  const sha = sha256(content);
  return { path: `files/${sha}`, fileName, mediaType, sizeBytes: content.length, sha256: sha };
}

/** A small valid manifest: one module with a text lesson showing the image and a document lesson. */
function manifest(changes: Partial<CoursePackageManifest> = {}): CoursePackageManifest {
  return {
    schemaVersion: 1,
    exportedAt: '2026-01-01T00:00:00.000Z',
    source: { courseCode: 'lanes', versionNumber: 3 },
    course: {
      title: { en: 'Lanes at the crossing', ru: 'Полосы на пункте пропуска' },
      description: null,
      area: 'IBM',
      level: 'basic',
      estimatedHours: 1,
      defaultLanguage: 'en',
      selfEnrolment: false,
      lessonCompletion: 'opened',
      competencies: [],
    },
    modules: [
      {
        title: { en: 'Lanes', ru: 'Полосы' },
        lessons: [
          {
            kind: 'text',
            title: { en: 'The plan', ru: 'План' },
            required: true,
            body: { en: `![plan](attachment:${sha256(PNG)})` },
            file: null,
            externalUrl: null,
            quiz: null,
            estimatedMinutes: null,
          },
          {
            kind: 'document',
            title: { en: 'Rules', ru: 'Правила' },
            required: true,
            body: null,
            file: `files/${sha256(PDF)}`,
            externalUrl: null,
            quiz: null,
            estimatedMinutes: 10,
          },
        ],
      },
    ],
    questions: [],
    quizzes: [],
    attachments: [file(PNG, 'image/png', 'plan.png'), file(PDF, 'application/pdf', 'rules.pdf')],
    ...changes,
  };
}

function entries(content: CoursePackageManifest | string = manifest()) {
  return [
    { name: 'manifest.json', content: typeof content === 'string' ? content : JSON.stringify(content) },
    { name: `files/${sha256(PNG)}`, content: PNG },
    { name: `files/${sha256(PDF)}`, content: PDF },
  ];
}

describe('course package reader', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let dataDir: string;
  let trainer: TestUser;
  let unitId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ba-package-'));
    testApp = await createTestApp([AuthoringModule], { DATA_DIR: dataDir });
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
    trainer = await createTestUser(testApp.app, {
      login: 'uz.trainer',
      orgUnitCode: 'uz-border',
      grants: [['trainer', 'uz-border']],
    });
    const [unit]: { id: string }[] = await dataSource.query(
      `SELECT id FROM org_unit WHERE code = 'uz-border'`,
    );
    unitId = unit?.id ?? '';
  });

  afterAll(async () => {
    await testApp?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function importPackage(zip: Buffer) {
    return testApp.app.inject({
      method: 'POST',
      url: `/api/v1/course-imports?ownerOrgUnitId=${unitId}`,
      headers: { authorization: trainer.authorization, 'content-type': 'application/zip' },
      payload: zip,
    });
  }

  async function rowCount(): Promise<number> {
    const [row]: { count: number }[] = await dataSource.query(
      `SELECT (SELECT count(*) FROM course) + (SELECT count(*) FROM course_version) + (SELECT count(*) FROM lesson)
              + (SELECT count(*) FROM attachment) + (SELECT count(*) FROM question) + (SELECT count(*) FROM quiz) AS count`,
    );
    return Number(row?.count);
  }

  /** Imports the package, expects a 422 listing each of `expected`, and checks nothing was written. */
  async function expectRefused(zip: Buffer, expected: (string | RegExp)[]): Promise<string[]> {
    const before = await rowCount();
    const response = await importPackage(zip);
    expect(response.statusCode).toBe(422);
    const problem = response.json<{ type: string; packageErrors: string[] }>();
    expect(problem.type).toBe(COURSE_PACKAGE_INVALID);
    for (const error of expected) {
      expect(problem.packageErrors).toContainEqual(
        typeof error === 'string' ? error : expect.stringMatching(error),
      );
    }
    expect(await rowCount()).toBe(before);
    expect(await readdir(join(dataDir, 'tmp'))).toEqual([]);
    return problem.packageErrors;
  }

  it('imports a valid package, the image in Markdown pointing at the new attachment', async () => {
    const response = await importPackage(await zipOf(entries()));
    expect(response.statusCode).toBe(201);
    const course = response.json<CourseDetail>();
    expect(course).toMatchObject({ code: 'lanes', status: 'draft' });
    const [lesson]: { body: { en: string } }[] = await dataSource.query(
      `SELECT l.body FROM lesson l JOIN course_module m ON m.id = l.module_id
        WHERE m.version_id = $1 AND l.kind = 'text'`,
      [course.workingVersionId],
    );
    const [image]: { id: string }[] = await dataSource.query(
      `SELECT id FROM attachment WHERE course_id = $1 AND sha256 = $2`,
      [course.id, sha256(PNG)],
    );
    expect(lesson?.body.en).toBe(`![plan](/api/v1/attachments/${image?.id}/content)`);
  });

  it('refuses paths that are absolute, climb out with .., use backslashes or are not package paths', async () => {
    // written under stand-ins of the same length, then renamed in the finished bytes
    const named = (prefix: string, fill: string) => prefix + fill.repeat(30 - prefix.length);
    const hostile = [named('/etc/cron.d/', 'a'), named('files/../../', 'b'), named('files\\', 'c')];
    const zip = await zipOf(
      [
        ...entries(),
        ...hostile.map((_name, index) => ({ name: named('files/', 'xyz'[index] ?? ''), content: 'x' })),
        { name: 'notes.txt', content: 'x' },
      ],
      Object.fromEntries(hostile.map((name, index) => [named('files/', 'xyz'[index] ?? ''), name])),
    );
    await expectRefused(zip, [
      `${hostile[0]} is an absolute path`,
      `${hostile[1]} points outside the package (..)`,
      `${hostile[2]} uses backslashes; package paths use forward slashes`,
      'notes.txt is not part of a course package (only manifest.json and files/<sha256>)',
    ]);
  });

  it('refuses an entry that would inflate far beyond its compressed size, before inflating it', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const zip = await zipOf([...entries(), { name: `files/${sha256(zeros)}`, content: zeros }]);
    expect(zip.length).toBeLessThan(100 * 1024);
    await expectRefused(zip, [/^files\/[0-9a-f]{64} would expand \d+ times its compressed size .*ZIP bomb$/]);
  });

  it('refuses a listed file that is missing, one whose hash or size differs and one whose content is not its type', async () => {
    const listed = manifest({
      attachments: [
        file(PNG, 'image/png', 'plan.png'),
        file(PDF, 'application/pdf', 'rules.pdf'),
        { ...file(SCRIPT, 'image/png', 'run.png') },
        { ...file(Buffer.from('missing'), 'image/png', 'gone.png') },
      ],
    });
    const zip = await zipOf([
      { name: 'manifest.json', content: JSON.stringify(listed) },
      // the image's name, with other bytes behind it
      { name: `files/${sha256(PNG)}`, content: Buffer.concat([PNG, Buffer.from('!')]) },
      { name: `files/${sha256(PDF)}`, content: PDF },
      { name: `files/${sha256(SCRIPT)}`, content: SCRIPT },
    ]);
    await expectRefused(zip, [
      new RegExp(`^files/${sha256(PNG)} has the SHA-256 [0-9a-f]{64}, not the one its name gives$`),
      `files/${sha256(Buffer.from('missing'))} is listed in manifest.json but missing from the package`,
      new RegExp(`^files/${sha256(SCRIPT)} is refused: The content is not one of the accepted types`),
    ]);
  });

  it('refuses a manifest that breaks the schema, naming each field', async () => {
    const broken = manifest() as unknown as Record<string, unknown>;
    delete broken['questions'];
    broken['owner'] = 'somewhere';
    (broken['course'] as Record<string, unknown>)['area'] = 'SPACE';
    await expectRefused(await zipOf(entries(JSON.stringify(broken))), [
      "manifest.json: the manifest must have required property 'questions'",
      'manifest.json: the manifest has an unknown field "owner"',
      'manifest.json: course.area must be equal to one of the allowed values',
    ]);
    await expectRefused(await zipOf(entries('{ not json')), [/^manifest\.json is not valid JSON/]);
    await expectRefused(await zipOf(entries().slice(1)), ['manifest.json is missing']);
  });

  it('refuses a newer schema version with a clear message', async () => {
    const errors = await expectRefused(await zipOf(entries(manifest({ schemaVersion: 2 }))), [
      'manifest.json: schemaVersion 2 is newer than this system reads (1); update the system or export the course again from a matching one',
    ]);
    expect(errors).toHaveLength(1);
  });

  it('refuses references that do not resolve: files, quizzes, questions and images in Markdown', async () => {
    const broken = manifest({
      questions: [],
      quizzes: [
        {
          id: 'quiz-1',
          title: { en: 'Check' },
          instructions: null,
          passMarkPercent: 50,
          attemptLimit: null,
          timeLimitMinutes: null,
          allowReview: true,
          selection: { mode: 'fixed', questions: ['question-4'] },
        },
      ],
    });
    const lessons = broken.modules[0]?.lessons ?? [];
    lessons.push({ ...lessons[1], kind: 'quiz', file: null, quiz: 'quiz-9' } as (typeof lessons)[number]);
    lessons[0] = {
      ...lessons[0],
      body: { en: `![gone](attachment:${'0'.repeat(64)})` },
    } as (typeof lessons)[number];
    lessons[1] = { ...lessons[1], file: `files/${'1'.repeat(64)}` } as (typeof lessons)[number];
    await expectRefused(await zipOf(entries(broken)), [
      'manifest.json: quizzes.0 draws the question question-4, which the package lacks',
      `manifest.json: modules.0.lessons.0.body.en shows attachment:${'0'.repeat(64)}, which the package lacks`,
      `manifest.json: modules.0.lessons.1 shows files/${'1'.repeat(64)}, which the package lacks`,
      'manifest.json: modules.0.lessons.2 plays the quiz quiz-9, which the package lacks',
    ]);
  });

  it('refuses a duplicate entry and a file the manifest does not list', async () => {
    await expectRefused(await zipOf([...entries(), entries()[1] ?? { name: '', content: '' }]), [
      `files/${sha256(PNG)} appears more than once`,
    ]);
    const unlisted = manifest({ attachments: [file(PNG, 'image/png', 'plan.png')] });
    unlisted.modules[0]?.lessons.pop();
    await expectRefused(await zipOf(entries(unlisted)), [
      `files/${sha256(PDF)} is not listed in manifest.json`,
    ]);
  });

  it('refuses a body that is not a ZIP', async () => {
    await expectRefused(Buffer.from('PK but not really'), [/^The file is not a readable ZIP archive/]);
  });

  describe('limits', () => {
    let work: string;

    beforeEach(async () => {
      work = await mkdtemp(join(tmpdir(), 'ba-package-limits-'));
    });

    afterEach(async () => {
      await rm(work, { recursive: true, force: true });
    });

    async function read(zip: Buffer, limits: Partial<typeof PACKAGE_LIMITS>): Promise<string[]> {
      const path = join(work, 'package.zip');
      await writeFile(path, zip);
      const error = await readPackage(path, join(work, 'tmp'), { ...PACKAGE_LIMITS, ...limits }).then(
        () => null,
        (refusal: unknown) => refusal,
      );
      expect(error).toBeInstanceOf(CoursePackageInvalidError);
      expect(await readdir(join(work, 'tmp')).catch(() => [])).toEqual([]);
      return (error as CoursePackageInvalidError).packageErrors;
    }

    it('refuses an oversized entry, too many entries and too many bytes in all, from the directory alone', async () => {
      const zip = await zipOf(entries());
      expect(await read(zip, { maxFileBytes: 50 })).toContain(
        `files/${sha256(PDF)} is ${PDF.length} bytes uncompressed; at most 50 are allowed`,
      );
      expect(await read(zip, { maxEntries: 2 })).toEqual([
        'The package holds 3 entries; at most 2 are allowed',
      ]);
      expect((await read(zip, { maxTotalBytes: 100 }))[0]).toMatch(
        /^The package holds \d+ bytes uncompressed; at most 100 are allowed$/,
      );
    });

    it('stops spooling a body over the upload limit and removes what it wrote', async () => {
      let produced = 0;
      const endless = new Readable({
        read() {
          produced += 64 * 1024;
          this.push(Buffer.alloc(64 * 1024));
        },
      });
      await expect(spoolPackage(endless, work, 1024 * 1024)).rejects.toBeInstanceOf(
        CoursePackageTooLargeError,
      );
      expect(produced).toBeLessThan(2 * 1024 * 1024);
      expect(await readdir(work)).toEqual([]);
    });
  });
});
