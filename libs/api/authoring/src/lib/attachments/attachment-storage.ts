import { createReadStream } from 'node:fs';
import { access, copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';

import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ApiConfig } from '@border-academy/api-platform';

/** A byte range of a stored file, both ends inclusive, as HTTP ranges count. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where attachment content lives. Keys are content addresses (`attachments/<sha256>`), so a file is
 * written once however many courses or imports hold it, and a key's content never changes.
 */
export abstract class AttachmentStorage {
  abstract has(key: string): Promise<boolean>;
  /** Stores a finished local file under the key; the file may be moved away. */
  abstract putFile(key: string, localPath: string, mediaType: string): Promise<void>;
  /** The content, or the bytes of one range of it. */
  abstract read(key: string, range?: ByteRange): Promise<Readable>;
}

/** Files under `$DATA_DIR/files`, the default for a single server. */
export class LocalDiskAttachmentStorage extends AttachmentStorage {
  constructor(private readonly root: string) {
    super();
  }

  async has(key: string): Promise<boolean> {
    try {
      await access(this.path(key));
      return true;
    } catch {
      return false;
    }
  }

  async putFile(key: string, localPath: string): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    try {
      // a rename is atomic, so a reader never sees half a file; across devices it becomes a copy
      await rename(localPath, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      const partial = `${target}.${process.pid}.partial`;
      await copyFile(localPath, partial);
      await rename(partial, target);
      await rm(localPath, { force: true });
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const stream = createReadStream(this.path(key), range ? { start: range.start, end: range.end } : {});
    // surface a missing file as a rejected promise instead of a stream that errors later
    await new Promise<void>((resolveOpen, reject) => {
      stream.once('open', () => resolveOpen());
      stream.once('error', reject);
    });
    return stream;
  }

  private path(key: string): string {
    if (!/^[a-z]+\/[0-9a-f]{64}$/.test(key)) throw new Error(`Not a storage key: ${key}`);
    return join(this.root, key);
  }
}

/** Any S3-compatible store (AWS, MinIO, Ceph, …), for several servers or large video libraries. */
export class S3AttachmentStorage extends AttachmentStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {
    super();
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404) return false;
      throw error;
    }
  }

  async putFile(key: string, localPath: string, mediaType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: createReadStream(localPath),
        ContentType: mediaType,
      }),
    );
    await rm(localPath, { force: true });
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const answer = await this.client.send(
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Range: range ? `bytes=${range.start}-${range.end}` : undefined,
      }),
    );
    return answer.Body as Readable;
  }
}

/** The storage the configuration names: S3 when a bucket is set, the data directory otherwise. */
export function attachmentStorageFor(config: ApiConfig): AttachmentStorage {
  if (!config.STORAGE_S3_BUCKET) return new LocalDiskAttachmentStorage(resolve(config.DATA_DIR, 'files'));
  const client = new S3Client({
    region: config.STORAGE_S3_REGION,
    endpoint: config.STORAGE_S3_ENDPOINT,
    forcePathStyle: config.STORAGE_S3_FORCE_PATH_STYLE,
    // the SDK's default checksummed, chunked uploads are not understood by many S3-compatible stores
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    credentials:
      config.STORAGE_S3_ACCESS_KEY_ID && config.STORAGE_S3_SECRET_ACCESS_KEY
        ? {
            accessKeyId: config.STORAGE_S3_ACCESS_KEY_ID,
            secretAccessKey: config.STORAGE_S3_SECRET_ACCESS_KEY,
          }
        : undefined,
  });
  return new S3AttachmentStorage(client, config.STORAGE_S3_BUCKET);
}

/** The content address of a file. */
export function storageKeyOf(sha256: string): string {
  return `attachments/${sha256}`;
}
