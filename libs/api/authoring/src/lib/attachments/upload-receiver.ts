import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { ATTACHMENT_LIMITS } from '@border-academy/shared-contracts';
import { filetypeinfo } from 'magic-bytes.js';

import { AttachmentTooLargeError, AttachmentTypeRefusedError } from '../authoring.errors';

/** Enough of the head of a file for every signature magic-bytes.js knows. */
const SNIFF_BYTES = 4100;
const LARGEST_ALLOWED = Math.max(...Object.values(ATTACHMENT_LIMITS));

/** A received upload, spooled to a local file and checked. */
export interface ReceivedFile {
  path: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/** The byte limit for a body that claims this type, before its content has been seen. */
export function uploadLimitFor(claimedType: string): number {
  return ATTACHMENT_LIMITS[claimedType] ?? LARGEST_ALLOWED;
}

/**
 * The accepted type of content that starts with `head`. The type comes from the bytes; the claim only
 * chooses among types the bytes fit (WebM and Matroska share a signature) and a specific claim the
 * bytes contradict is refused, so a script renamed `.png` and sent as image/png never gets in.
 */
export function acceptedTypeOf(head: Buffer, claimedType: string): string {
  const found = sniffedTypes(head).filter((type) => type in ATTACHMENT_LIMITS);
  const generic = claimedType === 'application/octet-stream' || claimedType === '';
  if (found.length === 0) {
    throw new AttachmentTypeRefusedError(
      `The content is not one of the accepted types (${Object.keys(ATTACHMENT_LIMITS).join(', ')})`,
    );
  }
  if (generic) return found[0];
  if (!found.includes(claimedType)) {
    throw new AttachmentTypeRefusedError(
      `The file was sent as ${claimedType} but its content is ${found[0]}`,
    );
  }
  return claimedType;
}

/** EBML's DocType element saying "webm"; Matroska files share WebM's signature but not this. */
const WEBM_DOCTYPE = Buffer.from('4282847765626d', 'hex');

/** The media types the bytes fit, by their signatures. */
function sniffedTypes(head: Buffer): string[] {
  return filetypeinfo(head).flatMap((info) => {
    // magic-bytes.js names any EBML file audio/webm; only the DocType tells a WebM video
    if (info.typename === 'webm') return head.includes(WEBM_DOCTYPE) ? ['video/webm'] : [];
    return info.mime ? [info.mime] : [];
  });
}

/**
 * Streams a request body to a file under `tmpDir`, hashing and counting it on the way, and stops at
 * the limit of the claimed type; then checks the type by content and the size against that type's
 * limit. On any refusal the partial file is removed.
 */
export async function receiveUpload(
  body: Readable | Buffer,
  claimedType: string,
  tmpDir: string,
): Promise<ReceivedFile> {
  await mkdir(tmpDir, { recursive: true });
  const path = join(tmpDir, `upload-${randomUUID()}`);
  const limit = uploadLimitFor(claimedType);
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes > limit) {
        done(new AttachmentTooLargeError(limit));
        return;
      }
      if (headBytes < SNIFF_BYTES) {
        head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
        headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
    await pipeline(source, meter, createWriteStream(path));
    if (sizeBytes === 0) throw new AttachmentTypeRefusedError('The file is empty');
    const mediaType = acceptedTypeOf(Buffer.concat(head), claimedType);
    if (sizeBytes > ATTACHMENT_LIMITS[mediaType]) {
      throw new AttachmentTooLargeError(ATTACHMENT_LIMITS[mediaType]);
    }
    return { path, mediaType, sizeBytes, sha256: hash.digest('hex') };
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}
