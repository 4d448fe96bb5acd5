import { attachmentSignatureValid, signAttachmentUrl } from './attachment-url';

const SECRET = 'test-secret';
const ID = '6f1c7a52-9a0e-4b8e-9a57-3d1f0c2b1a10';

function parse(url: string): { id: string; expires: number; signature: string } {
  const parsed = new URL(url, 'http://localhost');
  return {
    id: parsed.pathname.split('/')[4],
    expires: Number(parsed.searchParams.get('expires')),
    signature: parsed.searchParams.get('signature') ?? '',
  };
}

describe('signed attachment addresses', () => {
  const now = new Date('2026-11-29T10:15:00Z');

  it('opens the attachment it was issued for until it expires', () => {
    const { id, expires, signature } = parse(signAttachmentUrl(ID, SECRET, now));
    expect(id).toBe(ID);
    expect(attachmentSignatureValid(ID, expires, signature, SECRET, now)).toBe(true);
    expect(attachmentSignatureValid(ID, expires, signature, SECRET, new Date(expires * 1000))).toBe(false);
  });

  it('does not open another attachment, a changed expiry or under another secret', () => {
    const { expires, signature } = parse(signAttachmentUrl(ID, SECRET, now));
    expect(
      attachmentSignatureValid('00000000-0000-4000-8000-000000000000', expires, signature, SECRET, now),
    ).toBe(false);
    expect(attachmentSignatureValid(ID, expires + 3600, signature, SECRET, now)).toBe(false);
    expect(attachmentSignatureValid(ID, expires, signature, 'another-secret', now)).toBe(false);
    expect(attachmentSignatureValid(ID, expires, 'short', SECRET, now)).toBe(false);
  });

  it('gives the same address within the hour, so browsers can cache the file', () => {
    expect(signAttachmentUrl(ID, SECRET, now)).toBe(
      signAttachmentUrl(ID, SECRET, new Date('2026-11-29T10:40:00Z')),
    );
  });
});
