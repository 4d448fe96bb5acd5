import { FastifyReply, FastifyRequest } from 'fastify';

export const REFRESH_COOKIE = 'ba_refresh';
/** Only the auth routes ever receive the refresh token. */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';
export const REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 60 * 60;

export function readRefreshToken(request: FastifyRequest): string | undefined {
  const value = request.cookies?.[REFRESH_COOKIE];
  return value ? value : undefined;
}

export function setRefreshCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(REFRESH_COOKIE, token, {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    // COOKIE_SECURE, else production or HTTPS: plain HTTP on an internal network must be able to sign in
    secure: request.secureCookies,
    maxAge: REFRESH_TOKEN_TTL_SECONDS,
  });
}

export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, {
    path: REFRESH_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: request.secureCookies,
  });
}
