import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { FieldError, PROBLEM_CONTENT_TYPE, ProblemDetails } from '@border-academy/shared-contracts';
import { FastifyReply, FastifyRequest } from 'fastify';

import { DomainError } from './domain-error';
import { ValidationProblemException } from './validation';

const PROBLEM_TYPE = {
  validation: 'urn:border-academy:problem:validation',
  malformedBody: 'urn:border-academy:problem:malformed-body',
  databaseUnavailable: 'urn:border-academy:problem:database-unavailable',
} as const;

/** SQLSTATE classes and errno codes that mean "the database cannot be reached", not "the query is wrong". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
const UNAVAILABLE_SQLSTATE = /^(08|53|57P)/;

interface ErrorWithCode {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
}

function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && typeof current === 'object' && current !== null; depth++) {
    const candidate = current as ErrorWithCode;
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code)) return true;
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    // the last two: a transaction whose connection the server cut goes on to its next statement
    if (
      /Connection terminated|timeout exceeded when trying to connect|Driver not Connected|query runner was already released|is not queryable/i.test(
        message,
      )
    ) {
      return true;
    }
    current = candidate.driverError;
  }
  return false;
}

function problem(status: number, detail: string | undefined, type = 'about:blank', errors?: FieldError[]) {
  const body: Omit<ProblemDetails, 'instance' | 'requestId'> = {
    type,
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  };
  return body;
}

/**
 * Turns any thrown value into the API's single error shape. Only 4xx details come from the error;
 * a 5xx never reveals anything about the failure.
 */
export function toProblem(error: unknown, request: Pick<FastifyRequest, 'id' | 'url'>): ProblemDetails {
  const base = ((): Omit<ProblemDetails, 'instance' | 'requestId'> => {
    if (error instanceof ValidationProblemException) {
      return problem(400, 'The request has invalid fields', PROBLEM_TYPE.validation, error.fieldErrors);
    }
    if (error instanceof DomainError) {
      return {
        ...error.extensions(),
        ...problem(error.status, error.message, error.type),
        title: error.title,
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : typeof response === 'object' &&
              response !== null &&
              typeof (response as ErrorWithCode).message === 'string'
            ? ((response as ErrorWithCode).message as string)
            : undefined;
      // Nest hands Fastify's body-parser errors over as plain HttpExceptions carrying Fastify's message
      if (status === 400 && message && /not valid JSON/i.test(message)) {
        return problem(400, 'The request body is not valid JSON', PROBLEM_TYPE.malformedBody);
      }
      return problem(status, status < 500 ? message : undefined);
    }
    if (isDatabaseUnavailable(error)) {
      return problem(503, 'The database is unavailable; try again shortly', PROBLEM_TYPE.databaseUnavailable);
    }
    return problem(500, 'An unexpected error occurred; it has been logged with the request id');
  })();
  return { ...base, instance: request.url.split('?')[0], requestId: String(request.id) };
}

export function sendProblem(reply: FastifyReply, body: ProblemDetails): FastifyReply {
  if (body.status === 503) reply.header('retry-after', '5');
  return reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
