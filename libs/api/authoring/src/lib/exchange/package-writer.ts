import { Readable } from 'node:stream';

import { ZipFile } from 'yazl';

import { CoursePackageManifest, MANIFEST_PATH, canonicalJson } from './course-package';

/** Every entry's time: a package's bytes depend on its content only, never on when it was written. */
const FIXED_MTIME = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/**
 * Writes a package as a stream: `manifest.json` first (canonical JSON, compressed), then each file
 * in path order, stored as it is (images, PDF and video are compressed already). `open` gives a
 * file's content when the ZIP reaches it, so only one file is read at a time.
 */
export function writePackage(
  manifest: CoursePackageManifest,
  open: (sha256: string) => Promise<Readable>,
): Readable {
  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(canonicalJson(manifest)), MANIFEST_PATH, {
    mtime: FIXED_MTIME,
    mode: 0o100644,
    compress: true,
  });
  const files = [...manifest.attachments].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of files) {
    zip.addReadStreamLazy(
      file.path,
      { mtime: FIXED_MTIME, mode: 0o100644, compress: false, size: file.sizeBytes },
      (done) => {
        open(file.sha256).then(
          (stream) => done(null, stream),
          (error: unknown) => done(error, Readable.from([])),
        );
      },
    );
  }
  zip.end();
  return zip.outputStream as Readable;
}
