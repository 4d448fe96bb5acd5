import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { orgUnitsSeed } from '@border-academy/api-db';
import {
  DEV_APP_SECRET,
  TestApp,
  TestUser,
  createTestApp,
  createTestUser,
  requestAs,
  seedTestDatabase,
} from '@border-academy/api-platform';
import {
  ATTACHMENT_TOO_LARGE,
  ATTACHMENT_TYPE_REFUSED,
  Attachment,
  CourseDetail,
} from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { AuthoringModule } from '../authoring.module';
import { signAttachmentUrl } from './attachment-url';

/** The eight-byte PNG signature and an IHDR chunk: enough for any reader to call it a PNG. */
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from('a picture of a border crossing point'),
]);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('course attachments', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let dataDir: string;
  let trainer: TestUser;
  let learner: TestUser;
  let foreignTrainer: TestUser;
  let courseId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ba-attachments-'));
    testApp = await createTestApp([AuthoringModule], { DATA_DIR: dataDir });
    await seedTestDatabase(testApp, [orgUnitsSeed]);
    dataSource = testApp.app.get(DataSource);
    trainer = await createTestUser(testApp.app, {
      login: 'tj.trainer',
      orgUnitCode: 'tj-border',
      grants: [['trainer', 'tj-border']],
    });
    learner = await createTestUser(testApp.app, {
      login: 'tj.learner',
      orgUnitCode: 'tj-border',
      grants: [['learner', 'tj-border']],
    });
    foreignTrainer = await createTestUser(testApp.app, {
      login: 'tm.trainer',
      orgUnitCode: 'tm-border',
      grants: [['trainer', 'tm-border']],
    });
    const [unit]: { id: string }[] = await dataSource.query(
      `SELECT id FROM org_unit WHERE code = 'tj-border'`,
    );
    const course = await requestAs<CourseDetail>(
      testApp.app,
      trainer,
      'POST',
      '/api/v1/courses',
      {
        code: 'files',
        title: { en: 'Document checks', ru: 'Проверка документов' },
        area: 'IBM',
        level: 'basic',
        estimatedHours: 2,
        defaultLanguage: 'en',
        ownerOrgUnitId: unit.id,
      },
      201,
    );
    courseId = course.id;
  });

  afterAll(async () => {
    await testApp?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  function upload(
    as: TestUser,
    body: Buffer,
    contentType: string,
    fileName = 'crossing.png',
    course = courseId,
  ) {
    return testApp.app.inject({
      method: 'POST',
      url: `/api/v1/courses/${course}/attachments?fileName=${encodeURIComponent(fileName)}`,
      headers: { authorization: as.authorization, 'content-type': contentType },
      payload: body,
    });
  }

  async function attachmentRows(): Promise<number> {
    const [row]: { count: number }[] = await dataSource.query(
      `SELECT count(*)::int AS count FROM attachment`,
    );
    return row.count;
  }

  async function storedFiles(): Promise<string[]> {
    return readdir(join(dataDir, 'files', 'attachments')).catch(() => []);
  }

  it('stores an image typed by its content and serves it through its signed address', async () => {
    const response = await upload(trainer, PNG, 'image/png', 'Пункт пропуска.png');
    expect(response.statusCode).toBe(201);
    const attachment = response.json<Attachment>();
    expect(attachment).toMatchObject({
      courseId,
      fileName: 'Пункт пропуска.png',
      mediaType: 'image/png',
      sizeBytes: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
    });
    expect(attachment.url).toMatch(/^\/api\/v1\/attachments\/[0-9a-f-]{36}\/content\?expires=\d+&signature=/);

    // no Bearer token: an <img> cannot send one
    const content = await testApp.app.inject({ method: 'GET', url: attachment.url });
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(PNG)).toBe(true);
    expect(content.headers['content-type']).toBe('image/png');
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    expect(content.headers['accept-ranges']).toBe('bytes');
    expect(content.headers['etag']).toBe(`"${attachment.sha256}"`);
    expect(content.headers['content-disposition']).toBe(
      `inline; filename="_____ ________.png"; filename*=UTF-8''${encodeURIComponent('Пункт пропуска.png')}`,
    );
  });

  it('answers a byte range with 206, a range past the end with 416 and a known version with 304', async () => {
    const attachment = (await upload(trainer, PDF, 'application/pdf', 'guide.pdf')).json<Attachment>();

    const part = await testApp.app.inject({
      method: 'GET',
      url: attachment.url,
      headers: { range: 'bytes=5-12' },
    });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 5-12/${PDF.length}`);
    expect(part.rawPayload.equals(PDF.subarray(5, 13))).toBe(true);

    const tail = await testApp.app.inject({
      method: 'GET',
      url: attachment.url,
      headers: { range: 'bytes=-4' },
    });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(PDF.subarray(PDF.length - 4))).toBe(true);

    const outside = await testApp.app.inject({
      method: 'GET',
      url: attachment.url,
      headers: { range: `bytes=${PDF.length + 10}-` },
    });
    expect(outside.statusCode).toBe(416);
    expect(outside.headers['content-range']).toBe(`bytes */${PDF.length}`);
    expect(outside.headers['content-type']).toContain('application/problem+json');

    const cached = await testApp.app.inject({
      method: 'GET',
      url: attachment.url,
      headers: { 'if-none-match': `"${attachment.sha256}"` },
    });
    expect(cached.statusCode).toBe(304);
    expect(cached.rawPayload.length).toBe(0);
  });

  it('refuses an address whose signature is altered or whose time has passed', async () => {
    const attachment = (await upload(trainer, PNG, 'image/png')).json<Attachment>();
    const forged = attachment.url.replace(/signature=./, (match) =>
      match.endsWith('A') ? `${match.slice(0, -1)}B` : `${match.slice(0, -1)}A`,
    );
    expect((await testApp.app.inject({ method: 'GET', url: forged })).statusCode).toBe(403);

    const lastWeek = new Date(Date.now() - 7 * 24 * 3600 * 1000);
    const expired = signAttachmentUrl(attachment.id, DEV_APP_SECRET, lastWeek);
    const answer = await testApp.app.inject({ method: 'GET', url: expired });
    expect(answer.statusCode).toBe(403);
    expect(answer.json()).toMatchObject({ type: 'urn:border-academy:problem:attachment-link-invalid' });

    const another = signAttachmentUrl(attachment.id, 'another-secret-that-is-long-enough-to-pass');
    expect((await testApp.app.inject({ method: 'GET', url: another })).statusCode).toBe(403);
  });

  it('keeps content sent twice once, under its hash, with a row for each upload', async () => {
    const before = await attachmentRows();
    const body = Buffer.concat([PNG, Buffer.from('twice')]);
    const first = (await upload(trainer, body, 'image/png')).json<Attachment>();
    const second = (await upload(trainer, body, 'image/png')).json<Attachment>();

    expect(second.id).not.toBe(first.id);
    expect(await attachmentRows()).toBe(before + 2);
    const files = await storedFiles();
    expect(files.filter((name) => name === first.sha256)).toHaveLength(1);
    expect(await readdir(join(dataDir, 'tmp'))).toEqual([]);
  });

  it('refuses content that is not an accepted type, or not the type claimed, and keeps nothing', async () => {
    const rows = await attachmentRows();
    const files = await storedFiles();

    const script = await upload(trainer, Buffer.from('<script>alert(1)</script>'), 'image/png', 'evil.png');
    expect(script.statusCode).toBe(415);
    expect(script.json()).toMatchObject({ type: ATTACHMENT_TYPE_REFUSED, status: 415 });

    const disguised = await upload(trainer, PDF, 'image/png', 'guide.png');
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().detail).toContain('application/pdf');

    const empty = await upload(trainer, Buffer.alloc(0), 'image/png');
    expect(empty.statusCode).toBe(415);

    const html = await upload(trainer, Buffer.from('<html></html>'), 'text/html', 'page.html');
    expect(html.statusCode).toBe(415);

    expect(await attachmentRows()).toBe(rows);
    expect(await storedFiles()).toEqual(files);
    expect(await readdir(join(dataDir, 'tmp'))).toEqual([]);
  });

  it('refuses a file over its type’s limit with 413 and keeps nothing', async () => {
    const rows = await attachmentRows();
    const huge = Buffer.alloc(10 * 1024 * 1024 + 1);
    PNG.copy(huge);
    const response = await upload(trainer, huge, 'image/png', 'huge.png');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ type: ATTACHMENT_TOO_LARGE, limitBytes: 10 * 1024 * 1024 });
    expect(await attachmentRows()).toBe(rows);
    expect(await readdir(join(dataDir, 'tmp'))).toEqual([]);
  });

  it('lets only authors in scope upload: a learner is forbidden, another country’s trainer finds no course', async () => {
    expect((await upload(learner, PNG, 'image/png')).statusCode).toBe(403);
    expect((await upload(foreignTrainer, PNG, 'image/png')).statusCode).toBe(404);
    expect(
      (await upload(trainer, PNG, 'image/png', 'x.png', '00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });
});
