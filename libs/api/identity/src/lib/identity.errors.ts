import { DomainError, NotFoundError } from '@border-academy/api-platform';

export class InvalidCredentialsError extends DomainError {
  readonly status = 401;
  readonly type = 'urn:border-academy:problem:invalid-credentials';
  readonly title = 'Unauthorized';

  constructor() {
    super('The login or password is wrong');
  }
}

export class AccountLockedError extends DomainError {
  readonly status = 423;
  readonly type = 'urn:border-academy:problem:account-locked';
  readonly title = 'Account Locked';

  constructor(readonly lockedUntil: Date) {
    super(
      `Sign-in is locked after repeated wrong passwords until ${lockedUntil.toISOString()}; ` +
        'try again then, or ask an administrator to unlock the account',
    );
  }
}

export class SessionEndedError extends DomainError {
  readonly status = 401;
  readonly type = 'urn:border-academy:problem:session-ended';
  readonly title = 'Unauthorized';

  constructor(detail = 'The session has ended; sign in again') {
    super(detail);
  }
}

export class UserNotFoundError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:user-not-found';

  constructor(id: string) {
    super(`No user has the id ${id}`);
  }
}

export class SsoDisabledError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:sso-disabled';

  constructor() {
    super('Single sign-on is not configured on this platform');
  }
}

export class LoginTakenError extends DomainError {
  readonly status = 409;
  readonly type = 'urn:border-academy:problem:login-taken';
  readonly title = 'Conflict';

  constructor() {
    super('Another user already has this login');
  }
}

export class EmailTakenError extends DomainError {
  readonly status = 409;
  readonly type = 'urn:border-academy:problem:email-taken';
  readonly title = 'Conflict';

  constructor() {
    super('Another user already has this e-mail address');
  }
}

/** A reset link that does not exist, was used, was replaced by a newer one or has expired: all look alike. */
export class ResetLinkGoneError extends DomainError {
  readonly status = 410;
  readonly type = 'urn:border-academy:problem:reset-link-gone';
  readonly title = 'Gone';

  constructor() {
    super(
      'This password reset link has expired or has already been used; ask your administrator for a new one',
    );
  }
}

/** Erasure is for good: an erased person can be neither changed nor erased again. */
export class PersonErasedError extends DomainError {
  readonly status = 409;
  readonly type = 'urn:border-academy:problem:person-erased';
  readonly title = 'Conflict';

  constructor() {
    super('The personal data of this person has been erased; the record can no longer be changed');
  }
}
