import { AbstractControl } from '@angular/forms';
import { TranslocoService } from '@jsverse/transloco';
import { ORG_UNIT_HAS_ACTIVE_USERS, POSITION_HELD } from '@border-academy/shared-contracts';
import { ApiError } from '@border-academy/web-data-access';
import { i18nKey } from '@border-academy/web-i18n';

/**
 * Problems of the administration said in the user's language, with the numbers the server sent; a
 * problem about one field of a form is shown beside that field.
 */
const PROBLEMS: Record<string, { text: string; field?: string }> = {
  [ORG_UNIT_HAS_ACTIVE_USERS]: { text: i18nKey('admin.problems.orgUnitHasActiveUsers') },
  'urn:border-academy:problem:org-unit-parent-inactive': {
    text: i18nKey('admin.problems.orgUnitParentInactive'),
  },
  'urn:border-academy:problem:org-unit-not-found': { text: i18nKey('admin.problems.orgUnitNotFound') },
  'urn:border-academy:problem:org-unit-code-taken': {
    text: i18nKey('admin.problems.codeTaken'),
    field: 'code',
  },
  [POSITION_HELD]: { text: i18nKey('admin.problems.positionHeld') },
  'urn:border-academy:problem:position-not-found': { text: i18nKey('admin.problems.positionNotFound') },
  'urn:border-academy:problem:position-code-taken': {
    text: i18nKey('admin.problems.codeTaken'),
    field: 'code',
  },
  'urn:border-academy:problem:login-taken': { text: i18nKey('admin.problems.loginTaken'), field: 'login' },
  'urn:border-academy:problem:email-taken': { text: i18nKey('admin.problems.emailTaken'), field: 'email' },
  'urn:border-academy:problem:user-not-found': { text: i18nKey('admin.problems.userNotFound') },
  'urn:border-academy:problem:person-erased': { text: i18nKey('admin.problems.personErased') },
  'urn:border-academy:problem:self-erasure': { text: i18nKey('admin.problems.selfErasure') },
};

/** Field errors of the server's checks that the administration words itself; others keep the server's words. */
const FIELD_PROBLEMS: Record<string, string> = {
  scope: i18nKey('admin.fieldProblems.scope'),
  cycle: i18nKey('admin.fieldProblems.cycle'),
  inactive: i18nKey('admin.fieldProblems.inactive'),
  'top-level': i18nKey('admin.fieldProblems.topLevel'),
  exists: i18nKey('admin.fieldProblems.unknownPosition'),
  isEmail: i18nKey('admin.fieldProblems.email'),
  confirm: i18nKey('admin.fieldProblems.confirmLogin'),
};

/** What went wrong with a call, for a message beside the action that failed. */
export function describeFailure(failure: unknown, transloco: TranslocoService): string {
  if (!(failure instanceof ApiError)) return transloco.translate('admin.problems.unexpected');
  if (failure.unreachable) return transloco.translate('errors.offline');
  const known = failure.problem ? PROBLEMS[failure.problem.type] : undefined;
  return known ? transloco.translate(known.text, failure.problem ?? {}) : failure.userMessage;
}

/** What the server found wrong with fields, in the user's words where the administration has them. */
function fieldMessages(failure: unknown, transloco: TranslocoService): { field: string; message: string }[] {
  if (!(failure instanceof ApiError)) return [];
  const known = failure.problem ? PROBLEMS[failure.problem.type] : undefined;
  if (known?.field) return [{ field: known.field, message: transloco.translate(known.text) }];
  return failure.fieldErrors.map((error) => {
    const key = FIELD_PROBLEMS[error.code];
    return { field: error.field, message: key ? transloco.translate(key) : error.message };
  });
}

/**
 * Puts what the server found wrong with fields on the form controls for them (`name.en` → the control
 * given for it), as a `server` error holding the message; answers whether anything found its control.
 */
export function showFieldErrors(
  failure: unknown,
  controls: Record<string, AbstractControl>,
  transloco: TranslocoService,
): boolean {
  let shown = false;
  for (const error of fieldMessages(failure, transloco)) {
    const control = controls[error.field];
    if (!control) continue;
    control.setErrors({ ...control.errors, server: error.message });
    control.markAsTouched();
    shown = true;
  }
  return shown;
}
