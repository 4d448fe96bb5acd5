import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';

import { Entry, fromBuffer } from 'yauzl';
import { ZipFile } from 'yazl';

/** The entries of a ZIP in their stored order, each with its content. */
export async function unzip(zip: Buffer): Promise<{ name: string; content: Buffer }[]> {
  return new Promise((resolve, reject) =>
    fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error) return reject(error);
      const entries: { name: string; content: Buffer }[] = [];
      file.on('entry', (entry: Entry) =>
        file.openReadStream(entry, (openError, stream) => {
          if (openError) return reject(openError);
          buffer(stream).then((content) => {
            entries.push({ name: entry.fileName, content });
            file.readEntry();
          }, reject);
        }),
      );
      file.on('end', () => resolve(entries));
      file.on('error', reject);
      file.readEntry();
    }),
  );
}

/**
 * A ZIP of the given entries. yazl refuses unsafe names, so an entry may be written under a
 * same-length stand-in that `rename` then swaps in the finished bytes, as a hostile tool would.
 */
export async function zipOf(
  entries: { name: string; content: Buffer | string; compress?: boolean }[],
  rename: Record<string, string> = {},
): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) {
    const content = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content);
    zip.addBuffer(content, entry.name, { compress: entry.compress ?? true });
  }
  zip.end();
  let bytes = await buffer(zip.outputStream as Readable);
  for (const [standIn, name] of Object.entries(rename)) {
    if (standIn.length !== name.length) throw new Error('a stand-in name must be as long as the name');
    bytes = Buffer.from(bytes.toString('latin1').split(standIn).join(name), 'latin1');
  }
  return bytes;
}
