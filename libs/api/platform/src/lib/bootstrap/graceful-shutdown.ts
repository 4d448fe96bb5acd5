import { Logger, ServiceUnavailableException } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

import { sendProblem, toProblem } from '../problem/problem';

/** What stops the process: a process manager's SIGTERM, or Ctrl-C in a terminal. */
const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;
/** Time left after the grace period to close the database (and stop an embedded cluster) before giving up. */
const CLOSE_MARGIN_MS = 1_500;

export interface GracefulShutdown {
  /** True from the moment a shutdown begins: new requests are then answered 503. */
  readonly closing: boolean;
}

/**
 * Refuses new requests with a 503 problem once a shutdown begins (on a connection already open;
 * new connections are refused once the listener closes) and tells clients not to reuse their
 * connection. Installed on every app, so the refusal looks the same however the app is closed.
 */
export function refuseRequestsWhileClosing(
  app: NestFastifyApplication,
): { begin(): void } & GracefulShutdown {
  const state = { closing: false };
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    if (!state.closing) return done();
    reply.header('connection', 'close');
    sendProblem(reply, toProblem(new ServiceUnavailableException('The server is shutting down'), request));
  });
  // a request that began before the shutdown finishes, and then its connection is closed, not kept alive
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (state.closing) reply.header('connection', 'close');
    done(null, payload);
  });
  return {
    get closing() {
      return state.closing;
    },
    begin() {
      state.closing = true;
    },
  };
}

/**
 * On SIGTERM or SIGINT: new requests are refused, requests in flight may finish within `graceMs`,
 * then the server, the database and an embedded PostgreSQL are closed and the process exits 0.
 * A request still running after the grace period has its connection cut, so the process is gone
 * before a process manager's usual 10 s wait ends in SIGKILL; if closing itself hangs, it exits 1.
 */
export function exitGracefullyOnSignals(
  app: NestFastifyApplication,
  closing: { begin(): void },
  graceMs: number,
): void {
  const logger = new Logger('Shutdown');
  const server = app.getHttpServer();
  let started = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    closing.begin();
    logger.log(`${signal} received: refusing new requests, letting those in flight finish`);
    const cutOff = setTimeout(() => {
      logger.warn(`Requests still running after ${graceMs} ms are cut off`);
      server.closeAllConnections();
    }, graceMs);
    const giveUp = setTimeout(() => {
      logger.error('Closing did not finish in time; exiting anyway');
      process.exit(1);
    }, graceMs + CLOSE_MARGIN_MS);
    giveUp.unref();
    app.close().then(
      () => {
        clearTimeout(cutOff);
        logger.log('Stopped');
        process.exit(0);
      },
      (error: unknown) => {
        clearTimeout(cutOff);
        logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
        process.exit(1);
      },
    );
  };
  for (const signal of SHUTDOWN_SIGNALS) process.once(signal, shutdown);
}
