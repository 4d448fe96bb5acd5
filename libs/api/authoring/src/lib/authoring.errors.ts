import { DomainError, NotFoundError } from '@border-academy/api-platform';
import {
  ATTACHMENT_TOO_LARGE,
  ATTACHMENT_TYPE_REFUSED,
  COURSE_PACKAGE_INVALID,
  COURSE_VERSION_INCOMPLETE,
  COURSE_VERSION_NOT_EDITABLE,
  CourseVersionStatus,
} from '@border-academy/shared-contracts';

/** Also the answer for a course outside the caller's authoring scope, so its existence is not revealed. */
export class CourseNotFoundError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:course-not-found';

  constructor(id: string) {
    super(`No course has the id ${id}`);
  }
}

/** A record of a course (version, module, lesson, question, quiz) that is missing or out of scope. */
export class CourseContentNotFoundError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:course-content-not-found';

  constructor(what: string, id: string) {
    super(`No ${what} has the id ${id}`);
  }
}

export class CompetencyNotFoundError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:competency-not-found';

  constructor(id: string) {
    super(`No competency has the id ${id}`);
  }
}

/** The course is in the caller's reading scope, but their role there does not allow this change. */
export class CourseActionForbiddenError extends DomainError {
  readonly status = 403;
  readonly type = 'urn:border-academy:problem:course-action-forbidden';
  readonly title = 'Forbidden';

  constructor(action: string) {
    super(`Your roles on this course's unit do not allow you to ${action}`);
  }
}

export class CourseCodeTakenError extends DomainError {
  readonly status = 409;
  readonly type = 'urn:border-academy:problem:course-code-taken';
  readonly title = 'Conflict';

  constructor(code: string) {
    super(`Another course already has the code ${code}`);
  }
}

/** Any change to a version in review or published: only drafts change. */
export class CourseVersionNotEditableError extends DomainError {
  readonly status = 409;
  readonly type = COURSE_VERSION_NOT_EDITABLE;
  readonly title = 'Conflict';

  constructor(readonly versionStatus: CourseVersionStatus) {
    super(
      versionStatus === 'published'
        ? 'A published version never changes; start a new draft of the course to edit it'
        : 'This version is in review; it changes only after the reviewer returns it',
    );
  }

  override extensions(): Record<string, unknown> {
    return { versionStatus: this.versionStatus };
  }
}

/** A workflow step asked of a version in the wrong state (publishing a draft, a second draft, …). */
export class CourseWorkflowConflictError extends DomainError {
  readonly status = 409;
  readonly type = 'urn:border-academy:problem:course-workflow-conflict';
  readonly title = 'Conflict';
}

/** Submitting a version that is not ready for learners: every reason is listed. */
export class CourseVersionIncompleteError extends DomainError {
  readonly status = 422;
  readonly type = COURSE_VERSION_INCOMPLETE;
  readonly title = 'Unprocessable Content';

  constructor(readonly missing: string[]) {
    super(`The version is not ready for review: ${missing.join('; ')}`);
  }

  override extensions(): Record<string, unknown> {
    return { missing: this.missing };
  }
}

/** Deleting a record that another one still uses (a question in a quiz, a quiz in a lesson). */
export class CourseContentInUseError extends DomainError {
  readonly status = 409;
  readonly type = 'urn:border-academy:problem:course-content-in-use';
  readonly title = 'Conflict';
}

/** An upload whose content is not an accepted type, or not the type it claims. */
export class AttachmentTypeRefusedError extends DomainError {
  readonly status = 415;
  readonly type = ATTACHMENT_TYPE_REFUSED;
  readonly title = 'Unsupported Media Type';
}

export class AttachmentTooLargeError extends DomainError {
  readonly status = 413;
  readonly type = ATTACHMENT_TOO_LARGE;
  readonly title = 'Content Too Large';

  constructor(readonly limitBytes: number) {
    super(`The file is larger than the ${Math.round(limitBytes / 1024 / 1024)} MB allowed for its type`);
  }

  override extensions(): Record<string, unknown> {
    return { limitBytes: this.limitBytes };
  }
}

/** A signed address that is wrong or has expired; the page that holds it must be reloaded. */
export class AttachmentLinkInvalidError extends DomainError {
  readonly status = 403;
  readonly type = 'urn:border-academy:problem:attachment-link-invalid';
  readonly title = 'Forbidden';
  constructor() {
    super('The address of this file has expired or is not valid; reload the page to get a new one');
  }
}

/** A range that lies outside the file. */
export class RangeNotSatisfiableError extends DomainError {
  readonly status = 416;
  readonly type = 'urn:border-academy:problem:range-not-satisfiable';
  readonly title = 'Range Not Satisfiable';

  constructor(readonly sizeBytes: number) {
    super(`The file has ${sizeBytes} bytes; the range asked for lies outside it`);
  }
}

/** A course package that cannot be imported, with every reason found; nothing was written. */
export class CoursePackageInvalidError extends DomainError {
  readonly status = 422;
  readonly type = COURSE_PACKAGE_INVALID;
  readonly title = 'Unprocessable Content';

  constructor(readonly packageErrors: string[]) {
    super(
      packageErrors.length === 1
        ? `The package cannot be imported: ${packageErrors[0]}`
        : `The package cannot be imported; ${packageErrors.length} problems were found`,
    );
  }

  override extensions(): Record<string, unknown> {
    return { packageErrors: this.packageErrors };
  }
}

/** An import whose body is not a ZIP. */
export class CoursePackageMediaTypeError extends DomainError {
  readonly status = 415;
  readonly type = 'urn:border-academy:problem:course-package-media-type';
  readonly title = 'Unsupported Media Type';

  constructor() {
    super('Send the package itself as the body, typed application/zip');
  }
}

export class CoursePackageTooLargeError extends DomainError {
  readonly status = 413;
  readonly type = 'urn:border-academy:problem:course-package-too-large';
  readonly title = 'Content Too Large';

  constructor(readonly limitBytes: number) {
    super(`The package is larger than the ${Math.round(limitBytes / 1024 / 1024)} MB an import may send`);
  }

  override extensions(): Record<string, unknown> {
    return { limitBytes: this.limitBytes };
  }
}
