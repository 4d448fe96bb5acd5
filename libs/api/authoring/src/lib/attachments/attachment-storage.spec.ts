import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';

import { loadApiConfig } from '@border-academy/api-platform';
import S3rver from 's3rver';

import {
  AttachmentStorage,
  attachmentStorageFor,
  LocalDiskAttachmentStorage,
  S3AttachmentStorage,
} from './attachment-storage';

const KEY = `attachments/${'ab'.repeat(32)}`;
const CONTENT = 'The pillars of integrated border management';

async function read(stream: Readable): Promise<string> {
  return text(stream);
}

describe.each([
  ['local disk', 'local'],
  ['an S3-compatible store', 's3'],
] as const)('attachment storage on %s', (_name, kind) => {
  let work: string;
  let storage: AttachmentStorage;
  let server: S3rver | null = null;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'ba-storage-'));
    if (kind === 'local') {
      storage = attachmentStorageFor(loadApiConfig({ DATA_DIR: work }));
      expect(storage).toBeInstanceOf(LocalDiskAttachmentStorage);
      return;
    }
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: join(work, 's3'),
      configureBuckets: [{ name: 'course-files', configs: [] }],
    });
    const { port } = await server.run();
    // built from the configuration as the API builds it, so its client settings are the ones tested
    storage = attachmentStorageFor(
      loadApiConfig({
        STORAGE_S3_BUCKET: 'course-files',
        STORAGE_S3_ENDPOINT: `http://127.0.0.1:${port}`,
        STORAGE_S3_FORCE_PATH_STYLE: 'true',
        STORAGE_S3_ACCESS_KEY_ID: 'S3RVER',
        STORAGE_S3_SECRET_ACCESS_KEY: 'S3RVER',
      }),
    );
    expect(storage).toBeInstanceOf(S3AttachmentStorage);
  });

  afterAll(async () => {
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('stores a file under its key, knows it is there and reads it back whole and by range', async () => {
    expect(await storage.has(KEY)).toBe(false);
    const spooled = join(work, 'upload');
    await writeFile(spooled, CONTENT);

    await storage.putFile(KEY, spooled, 'application/pdf');

    expect(await storage.has(KEY)).toBe(true);
    expect(await read(await storage.read(KEY))).toBe(CONTENT);
    expect(await read(await storage.read(KEY, { start: 4, end: 10 }))).toBe(CONTENT.slice(4, 11));
    // the spooled upload is moved or removed, never left behind
    expect(await readdir(work)).not.toContain('upload');
  });

  it('refuses to read a key it does not hold', async () => {
    await expect(storage.read(`attachments/${'cd'.repeat(32)}`)).rejects.toBeDefined();
  });
});
