import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';

import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { AccessContext, ApiConfig } from '@border-academy/api-platform';
import { ATTACHMENT_LIMITS, Attachment } from '@border-academy/shared-contracts';
import parseRange from 'range-parser';
import { DataSource } from 'typeorm';

import {
  AttachmentLinkInvalidError,
  AttachmentTooLargeError,
  AttachmentTypeRefusedError,
  CourseActionForbiddenError,
  CourseContentNotFoundError,
  CourseNotFoundError,
  RangeNotSatisfiableError,
} from '../authoring.errors';
import { requireOnCourse } from '../course-access';
import { attachmentSignatureValid, signAttachmentUrl } from './attachment-url';
import { AttachmentRepository, StoredAttachment } from './attachment.repository';
import { AttachmentStorage, ByteRange, storageKeyOf } from './attachment-storage';
import { receiveUpload, uploadLimitFor } from './upload-receiver';

export interface UploadRequest {
  body: Readable | Buffer;
  contentType: string;
  contentLength: number | null;
  fileName: string | null;
  ip: string | null;
}

/** What to send for a content request: the whole file or one range of it. */
export interface AttachmentContent {
  attachment: StoredAttachment;
  range: ByteRange | null;
  body: Readable | null;
}

@Injectable()
export class AttachmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attachments: AttachmentRepository,
    private readonly storage: AttachmentStorage,
    private readonly audit: AuditService,
    private readonly config: ApiConfig,
  ) {}

  /**
   * Receives a course file. The scope is checked before a byte is read; the content is spooled,
   * typed by its bytes and stored under its hash, and only then recorded, so a refused upload leaves
   * nothing behind and a file sent twice is stored once.
   */
  async upload(access: AccessContext, courseId: string, request: UploadRequest): Promise<Attachment> {
    const ownerPath = await this.attachments.courseOwnerPath(this.dataSource.manager, courseId);
    if (ownerPath === null) throw new CourseNotFoundError(courseId);
    requireOnCourse(access.principal, ownerPath, 'course:write', {
      notFound: () => new CourseNotFoundError(courseId),
      forbidden: () => new CourseActionForbiddenError('add files to this course'),
    });
    const accepted =
      request.contentType in ATTACHMENT_LIMITS || request.contentType === 'application/octet-stream';
    if (!accepted || !(Buffer.isBuffer(request.body) || request.body instanceof Readable)) {
      throw new AttachmentTypeRefusedError(
        `Send the file itself as the body, typed as one of ${Object.keys(ATTACHMENT_LIMITS).join(', ')}`,
      );
    }
    const limit = uploadLimitFor(request.contentType);
    if (request.contentLength !== null && request.contentLength > limit)
      throw new AttachmentTooLargeError(limit);

    const file = await receiveUpload(request.body, request.contentType, join(this.dataDir(), 'tmp'));
    const storageKey = storageKeyOf(file.sha256);
    if (await this.storage.has(storageKey)) await rm(file.path, { force: true });
    else await this.storage.putFile(storageKey, file.path, file.mediaType);

    const stored = await this.dataSource.transaction(async (manager) => {
      const attachment = await this.attachments.insert(manager, {
        courseId,
        fileName: cleanFileName(request.fileName, file.mediaType),
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        storageKey,
        createdBy: access.principal.userId,
      });
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'course.attachment.upload',
        targetType: 'course',
        targetId: courseId,
        ip: request.ip,
        summary: { attachmentId: attachment.id, fileName: attachment.fileName, sizeBytes: file.sizeBytes },
      });
      return attachment;
    });
    return this.toAttachment(stored);
  }

  /** The content behind a signed address, whole or the one range asked for. */
  async content(
    id: string,
    expires: number,
    signature: string,
    rangeHeader: string | undefined,
    ifNoneMatch: string | undefined,
  ): Promise<AttachmentContent> {
    if (!attachmentSignatureValid(id, expires, signature, this.config.APP_SECRET)) {
      throw new AttachmentLinkInvalidError();
    }
    const attachment = await this.attachments.find(this.dataSource.manager, id);
    if (!attachment) throw new CourseContentNotFoundError('attachment', id);
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === etagOf(attachment))) {
      return { attachment, range: null, body: null };
    }
    const range = rangeOf(rangeHeader, attachment.sizeBytes);
    try {
      return { attachment, range, body: await this.storage.read(attachment.storageKey, range ?? undefined) };
    } catch (error) {
      // a row whose content is gone (a store restored without its files): missing, not a server fault
      const code = (error as { code?: string; name?: string }).code ?? (error as { name?: string }).name;
      if (code === 'ENOENT' || code === 'NoSuchKey')
        throw new CourseContentNotFoundError('stored file for attachment', id);
      throw error;
    }
  }

  toAttachment(record: StoredAttachment): Attachment {
    return {
      id: record.id,
      courseId: record.courseId,
      fileName: record.fileName,
      mediaType: record.mediaType,
      sizeBytes: record.sizeBytes,
      sha256: record.sha256,
      url: signAttachmentUrl(record.id, this.config.APP_SECRET),
      createdAt: record.createdAt.toISOString(),
    };
  }

  private dataDir(): string {
    return resolve(this.config.DATA_DIR);
  }
}

/** A strong validator: the content never changes under an attachment. */
export function etagOf(attachment: { sha256: string }): string {
  return `"${attachment.sha256}"`;
}

/**
 * One satisfiable range, or null for the whole file. Several ranges are answered with the whole file
 * (players ask for one); a malformed header is ignored, as RFC 9110 allows; a range wholly outside
 * the file is a 416.
 */
export function rangeOf(header: string | undefined, sizeBytes: number): ByteRange | null {
  if (!header) return null;
  const ranges = parseRange(sizeBytes, header, { combine: true });
  if (ranges === -1) throw new RangeNotSatisfiableError(sizeBytes);
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return null;
  return { start: ranges[0].start, end: ranges[0].end };
}

/** The name shown and offered on download: no path, no control characters, an extension that fits. */
export function cleanFileName(given: string | null, mediaType: string): string {
  const base = (given ?? '')
    .slice((given ?? '').search(/[^\\/]*$/))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 255);
  return base || `file.${mediaType.split('/')[1]}`;
}
