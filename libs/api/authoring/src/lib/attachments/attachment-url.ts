import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Attachments are read by `<img>`, `<video>` and download links, which cannot send the Bearer token,
 * so lesson responses carry short-lived addresses signed with the app secret instead. A signature
 * covers the attachment and the expiry, so one address opens one file until it expires.
 */
export const ATTACHMENT_URL_TTL_SECONDS = 6 * 60 * 60;

function signature(attachmentId: string, expires: number, secret: string): string {
  return createHmac('sha256', secret).update(`attachment:${attachmentId}:${expires}`).digest('base64url');
}

/** The signed address of an attachment's content, valid for `ttlSeconds` from `now`. */
export function signAttachmentUrl(
  attachmentId: string,
  secret: string,
  now: Date = new Date(),
  ttlSeconds = ATTACHMENT_URL_TTL_SECONDS,
): string {
  // rounded up to the hour, so a page opened twice in a while yields the same address and hits the cache
  const expires = Math.ceil((now.getTime() / 1000 + ttlSeconds) / 3600) * 3600;
  return `/api/v1/attachments/${attachmentId}/content?expires=${expires}&signature=${signature(attachmentId, expires, secret)}`;
}

/** Whether a signature is the one issued for this attachment and has not expired at `now`. */
export function attachmentSignatureValid(
  attachmentId: string,
  expires: number,
  given: string,
  secret: string,
  now: Date = new Date(),
): boolean {
  if (!Number.isSafeInteger(expires) || expires * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(signature(attachmentId, expires, secret));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
