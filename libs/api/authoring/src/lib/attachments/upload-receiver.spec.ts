import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { AttachmentTooLargeError, AttachmentTypeRefusedError } from '../authoring.errors';
import { acceptedTypeOf, receiveUpload } from './upload-receiver';

const WEBM_HEAD = Buffer.from('1a45dfa3a34286810142f7810142f2810442f381084282847765626d', 'hex');
const MP4_HEAD = Buffer.from('0000001c667479706d703432000000006d7034326973736f6d', 'hex');

describe('upload receiver', () => {
  let tmp: string;

  beforeEach(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'ba-receiver-'));
  });

  afterEach(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('types video by its bytes, taking the claim only to choose among types the bytes fit', () => {
    expect(acceptedTypeOf(MP4_HEAD, 'application/octet-stream')).toBe('video/mp4');
    expect(acceptedTypeOf(WEBM_HEAD, 'video/webm')).toBe('video/webm');
    expect(() => acceptedTypeOf(WEBM_HEAD, 'video/mp4')).toThrow(AttachmentTypeRefusedError);
    expect(() => acceptedTypeOf(Buffer.from('MZ\x90\x00'), 'application/octet-stream')).toThrow(
      AttachmentTypeRefusedError,
    );
  });

  it('stops reading a stream of unknown length at the claimed type’s limit and removes the partial file', async () => {
    let produced = 0;
    const endless = new Readable({
      read() {
        produced += 64 * 1024;
        this.push(
          produced === 64 * 1024
            ? Buffer.concat([MP4_HEAD, Buffer.alloc(64 * 1024 - MP4_HEAD.length)])
            : Buffer.alloc(64 * 1024),
        );
      },
    });
    await expect(receiveUpload(endless, 'image/png', tmp)).rejects.toBeInstanceOf(AttachmentTooLargeError);
    expect(produced).toBeLessThan(11 * 1024 * 1024);
    expect(await readdir(tmp)).toEqual([]);
  });

  it('spools an accepted stream whole, with its hash and size', async () => {
    const body = Buffer.concat([MP4_HEAD, Buffer.alloc(200_000, 7)]);
    const received = await receiveUpload(
      Readable.from([body.subarray(0, 10), body.subarray(10)]),
      'video/mp4',
      tmp,
    );
    expect(received).toMatchObject({ mediaType: 'video/mp4', sizeBytes: body.length });
    expect((await readFile(received.path)).equals(body)).toBe(true);
  });
});
