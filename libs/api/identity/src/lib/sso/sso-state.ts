import { createHmac, timingSafeEqual } from 'node:crypto';
import { FastifyReply, FastifyRequest } from 'fastify';

export const SSO_STATE_COOKIE = 'ba_sso';
/** Only the single sign-on routes ever receive it. */
export const SSO_STATE_COOKIE_PATH = '/api/v1/auth/sso';
/** Time a person has to sign in at the provider. */
export const SSO_STATE_TTL_SECONDS = 10 * 60;

/** What the browser carries from the start of a single sign-on to its callback. */
export interface SsoState {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The app path to return to afterwards. */
  returnTo: string;
  /** The callback address sent to the provider; the code exchange must repeat it exactly. */
  redirectUri: string;
  /** Seconds since the epoch after which the state is refused. */
  expiresAt: number;
}

function signatureOf(payload: string, secret: string): Buffer {
  // a key of its own, so that this signature can never be mistaken for another of the app's
  return createHmac('sha256', createHmac('sha256', secret).update('sso-state').digest())
    .update(payload)
    .digest();
}

/** The state as a cookie value, signed so that the browser cannot change it. */
export function sealSsoState(state: SsoState, secret: string): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${payload}.${signatureOf(payload, secret).toString('base64url')}`;
}

/** The state of a cookie value, or null when it is missing, altered, malformed or expired. */
export function unsealSsoState(value: string | undefined, secret: string, now = new Date()): SsoState | null {
  const [payload, signature, extra] = value?.split('.') ?? [];
  if (!payload || !signature || extra !== undefined) return null;
  const expected = signatureOf(payload, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const state = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<SsoState>;
    const complete =
      typeof state.state === 'string' &&
      typeof state.nonce === 'string' &&
      typeof state.codeVerifier === 'string' &&
      typeof state.returnTo === 'string' &&
      typeof state.redirectUri === 'string' &&
      typeof state.expiresAt === 'number';
    if (!complete || (state.expiresAt as number) * 1000 <= now.getTime()) return null;
    return state as SsoState;
  } catch {
    return null;
  }
}

export function readSsoStateCookie(request: FastifyRequest): string | undefined {
  return request.cookies?.[SSO_STATE_COOKIE] || undefined;
}

export function setSsoStateCookie(request: FastifyRequest, reply: FastifyReply, value: string): void {
  reply.setCookie(SSO_STATE_COOKIE, value, {
    path: SSO_STATE_COOKIE_PATH,
    httpOnly: true,
    // the callback is a top-level navigation from the provider's site: Strict would withhold it
    sameSite: 'lax',
    secure: request.secureCookies,
    maxAge: SSO_STATE_TTL_SECONDS,
  });
}

export function clearSsoStateCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SSO_STATE_COOKIE, {
    path: SSO_STATE_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: request.secureCookies,
  });
}

/**
 * Only a path of this app: an absolute address, a protocol-relative `//host` or a backslash trick
 * could send the person to another site after signing in.
 */
export function sameSitePath(returnTo: string | undefined): string {
  if (!returnTo || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\')) {
    return '/';
  }
  // control characters have no place in a path and could split the Location header
  if ([...returnTo].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f)) {
    return '/';
  }
  // back to the sign-in page or into the API would only go round in a circle
  if (returnTo.startsWith('/api/') || returnTo.startsWith('/sign-in')) return '/';
  return returnTo;
}
