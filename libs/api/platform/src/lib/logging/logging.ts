import { randomUUID } from 'node:crypto';
import { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Params } from 'nestjs-pino';
import { Options } from 'pino-http';
import { destination } from 'pino';

import { ApiConfig } from '../config/api-config';

export const REQUEST_ID_HEADER = 'x-request-id';
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a caller's request id when it is harmless to log and echo, so one id follows a request across services. */
export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

// pages of the web app whose path carries a secret: a one-time password-reset link's token
const SECRET_IN_PATH = /^(\/reset-password\/)[^/?#]+/;

/** The request URL as it may be logged: without the secret some pages carry in their path. */
export function loggableUrl(url: string): string {
  return url.replace(SECRET_IN_PATH, '$1[redacted]');
}

function prettyAvailable(): boolean {
  try {
    // pino-pretty is a dev dependency; production installs do not have it
    createRequire(join(process.cwd(), 'package.json')).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

export function loggerParams(config: ApiConfig): Params {
  const pretty =
    (config.LOG_PRETTY ?? (Boolean(process.stdout.isTTY) && !config.isProduction)) && prettyAvailable();
  const options: Options = {
    level: config.LOG_LEVEL,
    // Fastify assigned the id (see createApiApp) and stored it on the raw request
    genReqId: (request) => (request as IncomingMessage & { id?: string }).id ?? requestIdFor(request),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { url?: string }) => {
        if (request.url) request.url = loggableUrl(request.url);
        return request;
      },
    },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' },
          },
        }
      : {}),
  };
  // Synchronous writes: Nest re-raises SIGTERM/SIGINT right after shutting down, which would drop
  // whatever an asynchronous stream still buffers (the last shutdown lines).
  return { pinoHttp: pretty ? options : [options, destination({ dest: 1, sync: true })] };
}
