import { DomainError, NotFoundError } from '@border-academy/api-platform';

/** Also the answer for people, assignments and files outside the caller's scope: their existence stays hidden. */
export class QualificationRecordNotFoundError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:qualification-record-not-found';

  constructor(what: string, id: string) {
    super(`No ${what} has the id ${id}`);
  }
}

abstract class ConflictError extends DomainError {
  readonly status = 409;
  readonly title = 'Conflict';
}

export class QualificationCodeTakenError extends ConflictError {
  readonly type = 'urn:border-academy:problem:qualification-code-taken';

  constructor(code: string) {
    super(`Another qualification already has the code ${code}`);
  }
}

export class QualificationNotHeldError extends ConflictError {
  readonly type = 'urn:border-academy:problem:qualification-not-held';

  constructor() {
    super('The person does not hold this qualification, so there is nothing to revoke');
  }
}

export class QualificationStillValidError extends ConflictError {
  readonly type = 'urn:border-academy:problem:qualification-still-valid';

  constructor(windowOpensAt: string) {
    super(
      `The qualification is valid and can be renewed from ${windowOpensAt}, when its warning window opens`,
    );
  }
}

export class QualificationInUseError extends ConflictError {
  readonly type = 'urn:border-academy:problem:qualification-in-use';

  constructor() {
    super('The qualification has been granted or is required by a position; it cannot be changed this way');
  }
}

export class AssignmentEndedError extends ConflictError {
  readonly type = 'urn:border-academy:problem:assignment-ended';

  constructor() {
    super('This assignment has already ended');
  }
}

export class EvidenceTypeRefusedError extends DomainError {
  readonly status = 415;
  readonly type = 'urn:border-academy:problem:evidence-type-refused';
  readonly title = 'Unsupported Media Type';

  constructor() {
    super('Evidence is a PDF or an image');
  }
}
