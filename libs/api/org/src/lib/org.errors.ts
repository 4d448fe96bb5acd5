import { DomainError, NotFoundError } from '@border-academy/api-platform';
import { ORG_UNIT_HAS_ACTIVE_USERS, POSITION_HELD } from '@border-academy/shared-contracts';

/** Also the answer for a unit outside the caller's admin scope, so that its existence is not revealed. */
export class OrgUnitNotFoundError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:org-unit-not-found';

  constructor(id: string) {
    super(`No org unit has the id ${id}`);
  }
}

export class OrgUnitCodeTakenError extends DomainError {
  readonly status = 409;
  readonly type = 'urn:border-academy:problem:org-unit-code-taken';
  readonly title = 'Conflict';

  constructor(code: string) {
    super(`Another org unit already has the code ${code}`);
  }
}

export class OrgUnitHasActiveUsersError extends DomainError {
  readonly status = 409;
  readonly type = ORG_UNIT_HAS_ACTIVE_USERS;
  readonly title = 'Conflict';

  constructor(readonly activeUserCount: number) {
    super(
      `${activeUserCount} active ${activeUserCount === 1 ? 'person belongs' : 'people belong'} to this unit ` +
        'or a unit below it; move them to another unit first',
    );
  }

  override extensions(): Record<string, unknown> {
    return { activeUserCount: this.activeUserCount };
  }
}

export class OrgUnitParentInactiveError extends DomainError {
  readonly status = 409;
  readonly type = 'urn:border-academy:problem:org-unit-parent-inactive';
  readonly title = 'Conflict';

  constructor() {
    super('The unit above this one is inactive; reactivate it first');
  }
}

export class PositionNotFoundError extends NotFoundError {
  override readonly type = 'urn:border-academy:problem:position-not-found';

  constructor(id: string) {
    super(`No position has the id ${id}`);
  }
}

export class PositionCodeTakenError extends DomainError {
  readonly status = 409;
  readonly type = 'urn:border-academy:problem:position-code-taken';
  readonly title = 'Conflict';

  constructor(code: string) {
    super(`Another position already has the code ${code}`);
  }
}

export class PositionHeldError extends DomainError {
  readonly status = 409;
  readonly type = POSITION_HELD;
  readonly title = 'Conflict';

  constructor(readonly holderCount: number) {
    super(
      `${holderCount} ${holderCount === 1 ? 'person holds' : 'people hold'} this position; ` +
        'give them another position first',
    );
  }

  override extensions(): Record<string, unknown> {
    return { holderCount: this.holderCount };
  }
}
