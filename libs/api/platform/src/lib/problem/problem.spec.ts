import { BadRequestException } from '@nestjs/common';

import { DomainError, NotFoundError } from './domain-error';
import { toProblem } from './problem';

const request = { id: 'req-1', url: '/api/v1/things?x=1' };

describe('toProblem', () => {
  it('maps an unreachable database to 503', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toProblem(refused, request)).toMatchObject({ status: 503, instance: '/api/v1/things' });
  });

  it('maps a server shutting down (SQLSTATE 57P01) inside a query error to 503', () => {
    const queryFailed = Object.assign(new Error('terminating connection'), {
      driverError: { code: '57P01' },
    });
    expect(toProblem(queryFailed, request).status).toBe(503);
  });

  it('maps the next statement of a transaction whose connection the server cut to 503', () => {
    // TypeORM releases the query runner of a connection that failed; pg refuses a client that did
    const released = new Error(
      'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
    );
    released.name = 'QueryRunnerProviderAlreadyReleasedError';
    expect(toProblem(released, request).status).toBe(503);
    const unusable = new Error('Client has encountered a connection error and is not queryable');
    expect(toProblem(unusable, request).status).toBe(503);
  });

  it('keeps an SQL mistake a 500 that says nothing about it', () => {
    const syntax = Object.assign(new Error('syntax error at or near "FORM"'), { code: '42601' });
    const problem = toProblem(syntax, request);
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('FORM');
  });

  it('uses a domain error’s own type, title and message', () => {
    expect(toProblem(new NotFoundError('No course 7'), request)).toMatchObject({
      status: 404,
      title: 'Not Found',
      type: 'urn:border-academy:problem:not-found',
      detail: 'No course 7',
      requestId: 'req-1',
    });
  });

  it('adds a domain error’s extension members, never over the standard ones', () => {
    class HeldError extends DomainError {
      readonly status = 409;
      readonly type = 'urn:border-academy:problem:held';
      readonly title = 'Conflict';
      override extensions(): Record<string, unknown> {
        return { holderCount: 3, status: 200 };
      }
    }
    expect(toProblem(new HeldError('Still held by 3 people'), request)).toMatchObject({
      status: 409,
      type: 'urn:border-academy:problem:held',
      detail: 'Still held by 3 people',
      holderCount: 3,
    });
  });

  it('passes the message of a 4xx HTTP exception on as the detail', () => {
    expect(toProblem(new BadRequestException('Too early'), request)).toMatchObject({
      status: 400,
      type: 'about:blank',
      detail: 'Too early',
    });
  });
});
