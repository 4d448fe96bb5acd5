import { DomainError, NotFoundError } from '@border-academy/api-platform';
import { UserImportStatus } from '@border-academy/shared-contracts';

export class UserImportNotFoundError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:user-import-not-found';

  constructor(id: string) {
    super(`No import ${id} of users in a unit you administer`);
  }
}

/** The file must be the request body itself, not JSON or a form. */
export class UserImportBodyError extends DomainError {
  readonly status = 415;
  readonly type = 'urn:border-academy:problem:user-import-body';
  readonly title = 'Unsupported Media Type';

  constructor() {
    super('Send the CSV or XLSX file itself as the body, with Content-Type application/octet-stream');
  }
}

export class UserImportHasErrorsError extends DomainError {
  readonly status = 409;
  readonly type = 'urn:border-academy:problem:user-import-has-errors';
  readonly title = 'Conflict';

  constructor(readonly errorRows: number) {
    super(`${errorRows} rows have errors; correct the file and upload it again. Nothing was written`);
  }
}

export class UserImportNotCommittableError extends DomainError {
  readonly status = 409;
  readonly type = 'urn:border-academy:problem:user-import-not-committable';
  readonly title = 'Conflict';

  constructor(status: UserImportStatus) {
    super(
      status === 'committed'
        ? 'This import has already been committed'
        : 'This import is being committed right now',
    );
  }
}

/** Another change took a login or e-mail address of the file between the check and the write. */
export class UserImportRaceError extends DomainError {
  readonly status = 409;
  readonly type = 'urn:border-academy:problem:user-import-race';
  readonly title = 'Conflict';

  constructor() {
    super('Users changed while the import was written; nothing was written. Commit again to re-check');
  }
}
