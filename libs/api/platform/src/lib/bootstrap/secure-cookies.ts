import { FastifyInstance, FastifyRequest } from 'fastify';

import { ApiConfig } from '../config/api-config';

declare module 'fastify' {
  interface FastifyRequest {
    /** Whether cookies set in answer to this request carry the Secure attribute. */
    secureCookies: boolean;
  }
}

/**
 * COOKIE_SECURE decides when set; otherwise cookies are Secure in production (where TLS usually ends
 * at a proxy in front, so the request itself looks like plain HTTP) and on any HTTPS request.
 */
export function cookiesAreSecure(
  config: Pick<ApiConfig, 'COOKIE_SECURE' | 'isProduction'>,
  request: Pick<FastifyRequest, 'protocol'>,
): boolean {
  return config.COOKIE_SECURE ?? (config.isProduction || request.protocol === 'https');
}

/** Marks every request with the cookie security that COOKIE_SECURE and the environment ask for. */
export function decideSecureCookies(fastify: FastifyInstance, config: ApiConfig): void {
  fastify.decorateRequest('secureCookies', false);
  fastify.addHook('onRequest', (request, _reply, done) => {
    request.secureCookies = cookiesAreSecure(config, request);
    done();
  });
}
