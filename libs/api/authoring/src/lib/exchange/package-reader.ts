import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { ATTACHMENT_LIMITS } from '@border-academy/shared-contracts';
import { Entry, ZipFile, open as openZip } from 'yauzl';

import {
  AttachmentTypeRefusedError,
  CoursePackageInvalidError,
  CoursePackageTooLargeError,
} from '../authoring.errors';
import { acceptedTypeOf } from '../attachments/upload-receiver';
import { CoursePackageManifest, FILE_PATH, MANIFEST_PATH, manifestErrors } from './course-package';

/** What a package may hold; checked from the ZIP's directory before a byte of content is inflated. */
export interface PackageLimits {
  maxEntries: number;
  maxManifestBytes: number;
  /** The largest single file, uncompressed. */
  maxFileBytes: number;
  /** All entries together, uncompressed. */
  maxTotalBytes: number;
  /** Uncompressed size over compressed size, for entries larger than `ratioFloorBytes`. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
}

const MIB = 1024 * 1024;

export const PACKAGE_LIMITS: PackageLimits = {
  // the manifest, the `files/` folder and the most attachments a manifest may list
  maxEntries: 2002,
  maxManifestBytes: 32 * MIB,
  maxFileBytes: Math.max(...Object.values(ATTACHMENT_LIMITS)),
  maxTotalBytes: 4 * 1024 * MIB,
  // real course files are compressed already (images, PDF, video) and a manifest of text reaches
  // perhaps 10:1; a ZIP bomb reaches 1000:1
  maxCompressionRatio: 100,
  ratioFloorBytes: MIB,
};

/** A file of a package, checked and extracted to a local file. */
export interface PackageFile {
  path: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

export interface ReadPackage {
  manifest: CoursePackageManifest;
  /** By SHA-256. */
  files: Map<string, PackageFile>;
}

const SNIFF_BYTES = 4100;
const DEFLATE = 8;
const STORE = 0;

/**
 * Reads and checks a package spooled to `zipPath`; files are extracted under `tmpDir`. Every problem
 * found is collected, and any problem throws {@link CoursePackageInvalidError} listing them all after
 * removing what was extracted, so the caller writes nothing. The checks run outside in: the ZIP's
 * directory (entry count, names, duplicates, sizes, compression ratios) before any content is
 * inflated; then the manifest (schema, version, references); then each file (size, SHA-256, type by
 * content) against the manifest's list.
 */
export async function readPackage(
  zipPath: string,
  tmpDir: string,
  limits: PackageLimits = PACKAGE_LIMITS,
): Promise<ReadPackage> {
  const errors: string[] = [];
  let zip: ZipFile;
  try {
    zip = await openPackage(zipPath);
  } catch (error) {
    throw new CoursePackageInvalidError([`The file is not a readable ZIP archive (${messageOf(error)})`]);
  }
  const extracted: PackageFile[] = [];
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new CoursePackageInvalidError([
        `The package holds ${zip.entryCount} entries; at most ${limits.maxEntries} are allowed`,
      ]);
    }
    const { entries, readable, fatal } = await listEntries(zip, limits, errors);
    if (fatal) throw new CoursePackageInvalidError(errors);

    const manifestEntry = entries.get(MANIFEST_PATH);
    let manifest: CoursePackageManifest | null = null;
    if (!manifestEntry) errors.push(`${MANIFEST_PATH} is missing`);
    else if (readable.has(MANIFEST_PATH)) manifest = await readManifest(zip, manifestEntry, errors);

    const files = new Map<string, PackageFile>();
    const listed = new Map((manifest?.attachments ?? []).map((attachment) => [attachment.path, attachment]));
    await mkdir(tmpDir, { recursive: true });
    for (const [name, entry] of entries) {
      if (name === MANIFEST_PATH || !readable.has(name)) continue;
      const claim = listed.get(name);
      if (manifest && !claim) errors.push(`${name} is not listed in ${MANIFEST_PATH}`);
      const file = await extractFile(
        zip,
        entry,
        name,
        claim?.mediaType ?? 'application/octet-stream',
        tmpDir,
        errors,
      );
      if (!file) continue;
      extracted.push(file);
      if (claim && claim.sizeBytes !== file.sizeBytes) {
        errors.push(`${name} has ${file.sizeBytes} bytes, but ${MANIFEST_PATH} says ${claim.sizeBytes}`);
      }
      files.set(file.sha256, file);
    }
    for (const path of listed.keys()) {
      if (!entries.has(path))
        errors.push(`${path} is listed in ${MANIFEST_PATH} but missing from the package`);
    }
    if (errors.length > 0 || !manifest) throw new CoursePackageInvalidError(errors);
    return { manifest, files };
  } catch (error) {
    await Promise.all(extracted.map((file) => rm(file.path, { force: true })));
    throw error;
  } finally {
    zip.close();
  }
}

function openPackage(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    openZip(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    ),
  );
}

/**
 * The ZIP's directory, with each entry's name and sizes checked. `readable` holds the entries whose
 * content is safe to inflate; `fatal` says the package as a whole is too big to read any further.
 */
async function listEntries(
  zip: ZipFile,
  limits: PackageLimits,
  errors: string[],
): Promise<{ entries: Map<string, Entry>; readable: Set<string>; fatal: boolean }> {
  const entries = new Map<string, Entry>();
  const readable = new Set<string>();
  let totalBytes = 0;
  let fatal = false;
  await new Promise<void>((resolve) => {
    zip.on('entry', (entry: Entry) => {
      // names are read raw: yauzl's own check would stop at the first bad name, and every one is wanted
      const name = (entry.fileNameRaw ?? Buffer.alloc(0)).toString('utf8');
      const problem = nameProblem(name) ?? entryProblem(entry, name, limits);
      if (name === 'files/' && !problem) {
        // the folder's own entry, which some ZIP tools write
      } else if (entries.has(name)) errors.push(`${printable(name)} appears more than once`);
      else {
        entries.set(name, entry);
        if (problem) errors.push(`${printable(name)} ${problem}`);
        else readable.add(name);
      }
      totalBytes += entry.uncompressedSize;
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', (error: unknown) => {
      errors.push(`The package is damaged (${messageOf(error)})`);
      fatal = true;
      resolve();
    });
    zip.readEntry();
  });
  if (totalBytes > limits.maxTotalBytes) {
    errors.push(
      `The package holds ${totalBytes} bytes uncompressed; at most ${limits.maxTotalBytes} are allowed`,
    );
    fatal = true;
  }
  return { entries, readable, fatal };
}

/** Why a name may not be in a package: only `manifest.json` and `files/<sha256>` are. */
function nameProblem(name: string): string | null {
  if (name.includes('\\')) return 'uses backslashes; package paths use forward slashes';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').includes('..')) return 'points outside the package (..)';
  if (name === MANIFEST_PATH || name === 'files/' || FILE_PATH.test(name)) return null;
  return `is not part of a course package (only ${MANIFEST_PATH} and files/<sha256>)`;
}

function entryProblem(entry: Entry, name: string, limits: PackageLimits): string | null {
  if (entry.isEncrypted()) return 'is encrypted';
  if (entry.compressionMethod !== STORE && entry.compressionMethod !== DEFLATE) {
    return `uses compression method ${entry.compressionMethod}; only stored and deflated entries are read`;
  }
  const limit = name === MANIFEST_PATH ? limits.maxManifestBytes : limits.maxFileBytes;
  if (entry.uncompressedSize > limit) {
    return `is ${entry.uncompressedSize} bytes uncompressed; at most ${limit} are allowed`;
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio) {
    return (
      `would expand ${Math.round(ratio)} times its compressed size (at most ${limits.maxCompressionRatio}); ` +
      'it looks like a ZIP bomb'
    );
  }
  return null;
}

async function readManifest(
  zip: ZipFile,
  entry: Entry,
  errors: string[],
): Promise<CoursePackageManifest | null> {
  let text: string;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await openEntry(zip, entry)) chunks.push(chunk as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    errors.push(`${MANIFEST_PATH} cannot be read (${messageOf(error)})`);
    return null;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    errors.push(`${MANIFEST_PATH} is not valid JSON (${messageOf(error)})`);
    return null;
  }
  const problems = manifestErrors(value);
  errors.push(...problems);
  return problems.length === 0 ? (value as CoursePackageManifest) : null;
}

/** Inflates one file to `tmpDir`, hashing and sniffing it on the way; null (with errors) when refused. */
async function extractFile(
  zip: ZipFile,
  entry: Entry,
  name: string,
  claimedType: string,
  tmpDir: string,
  errors: string[],
): Promise<PackageFile | null> {
  const path = join(tmpDir, `package-file-${randomUUID()}`);
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (headBytes < SNIFF_BYTES) {
        head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
        headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const refuse = async (problem: string) => {
    errors.push(`${name} ${problem}`);
    await rm(path, { force: true });
    return null;
  };
  try {
    await pipeline(await openEntry(zip, entry), meter, createWriteStream(path));
  } catch (error) {
    return refuse(`cannot be read (${messageOf(error)})`);
  }
  const sha256 = hash.digest('hex');
  const named = FILE_PATH.exec(name)?.[1];
  if (sha256 !== named) return refuse(`has the SHA-256 ${sha256}, not the one its name gives`);
  if (sizeBytes === 0) return refuse('is empty');
  let mediaType: string;
  try {
    mediaType = acceptedTypeOf(Buffer.concat(head), claimedType);
  } catch (error) {
    if (error instanceof AttachmentTypeRefusedError) return refuse(`is refused: ${error.message}`);
    throw error;
  }
  const typeLimit = ATTACHMENT_LIMITS[mediaType] ?? 0;
  if (sizeBytes > typeLimit) return refuse(`is larger than the ${typeLimit} bytes allowed for ${mediaType}`);
  return { path, mediaType, sizeBytes, sha256 };
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
  );
}

/** A name as it may be shown: control characters dropped, length bounded. */
function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The largest package an import accepts, as sent (compressed). */
export const PACKAGE_UPLOAD_MAX_BYTES = 1024 * MIB;

/**
 * Streams an import's body to a file under `tmpDir`, stopping at `maxBytes` (413) so a package is
 * never held in memory and an endless body never fills the disk; the partial file is removed.
 */
export async function spoolPackage(
  body: Readable | Buffer,
  tmpDir: string,
  maxBytes: number = PACKAGE_UPLOAD_MAX_BYTES,
): Promise<string> {
  await mkdir(tmpDir, { recursive: true });
  const path = join(tmpDir, `package-${randomUUID()}.zip`);
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      done(sizeBytes > maxBytes ? new CoursePackageTooLargeError(maxBytes) : null, chunk);
    },
  });
  try {
    await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, meter, createWriteStream(path));
    return path;
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}
