import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';

import { sendProblem, toProblem } from './problem';

/** The one place where failures become responses: every error leaves the API as problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    reportProblem(this.logger, error, request, reply);
  }
}

export function reportProblem(
  logger: Logger,
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const body = toProblem(error, request);
  if (body.status >= 500) {
    logger.error(
      { err: error, requestId: body.requestId, path: body.instance },
      `${request.method} ${body.instance} failed with ${body.status}`,
    );
  }
  sendProblem(reply, body);
}
