import { DomainError, NotFoundError } from '@border-academy/api-platform';
import {
  ALREADY_ENROLLED,
  ENROLMENT_NOT_ACTIVE,
  ENROLMENT_NOT_WITHDRAWABLE,
  QUIZ_ALREADY_PASSED,
  QUIZ_ATTEMPT_ALREADY_SUBMITTED,
  QUIZ_ATTEMPT_DEADLINE_PASSED,
  QUIZ_ATTEMPT_LIMIT_REACHED,
  SELF_ENROLMENT_CLOSED,
} from '@border-academy/shared-contracts';

/**
 * Also the answer for records of other people outside the caller's reading scope, so that a learner
 * cannot tell another's enrolment, attempt or certificate from one that does not exist.
 */
export class LearningRecordNotFoundError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:learning-record-not-found';

  constructor(what: string, id: string) {
    super(`No ${what} has the id ${id}`);
  }
}

/** A published course that the caller's unit is not in the audience of reads as missing. */
export class CatalogueCourseNotFoundError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:catalogue-course-not-found';

  constructor(id: string) {
    super(`No published course with the id ${id} is offered to you`);
  }
}

export class CertificateCodeUnknownError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:certificate-not-found';

  constructor() {
    super('No certificate has this code');
  }
}

abstract class ConflictError extends DomainError {
  readonly status = 409;
  readonly title = 'Conflict';
}

export class SelfEnrolmentClosedError extends ConflictError {
  readonly type = SELF_ENROLMENT_CLOSED;

  constructor() {
    super('This course does not take self-enrolments; it is assigned');
  }
}

export class AlreadyEnrolledError extends ConflictError {
  readonly type = ALREADY_ENROLLED;

  constructor(readonly enrolmentId: string) {
    super('You are already enrolled on this course');
  }

  override extensions(): Record<string, unknown> {
    return { enrolmentId: this.enrolmentId };
  }
}

export class EnrolmentNotWithdrawableError extends ConflictError {
  readonly type = ENROLMENT_NOT_WITHDRAWABLE;

  constructor() {
    super('Only your own self-enrolments that are not completed can be withdrawn');
  }
}

export class EnrolmentNotActiveError extends ConflictError {
  readonly type = ENROLMENT_NOT_ACTIVE;

  constructor(status: string) {
    super(`The enrolment is ${status}; no quiz can be started on it`);
  }
}

export class QuizAttemptLimitReachedError extends ConflictError {
  readonly type = QUIZ_ATTEMPT_LIMIT_REACHED;

  constructor(limit: number) {
    super(`Every one of the ${limit} attempts this quiz allows has been used`);
  }
}

export class QuizAlreadyPassedError extends ConflictError {
  readonly type = QUIZ_ALREADY_PASSED;

  constructor() {
    super('This quiz is already passed');
  }
}

export class QuizAttemptAlreadySubmittedError extends ConflictError {
  readonly type = QUIZ_ATTEMPT_ALREADY_SUBMITTED;

  constructor() {
    super('This attempt was already submitted or closed');
  }
}

export class QuizAttemptDeadlinePassedError extends ConflictError {
  readonly type = QUIZ_ATTEMPT_DEADLINE_PASSED;

  constructor(deadline: string) {
    super(`The attempt's time ran out at ${deadline}; it is closed without a score and counts as used`);
  }
}
