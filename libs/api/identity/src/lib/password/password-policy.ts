import { FieldError, MIN_PASSWORD_LENGTH } from '@border-academy/shared-contracts';
import { ValidationProblemException } from '@border-academy/api-platform';

import { COMMON_PASSWORDS } from './common-passwords';

export const MAX_PASSWORD_LENGTH = 256;

/** The password as compared with the list: lower-cased, and also without trailing digits and symbols. */
function variants(password: string): string[] {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\p{N}\p{P}\p{S}\s]+$/u, '');
  return [lower, stem];
}

/**
 * Why a password may not be used, or an empty list. Length is counted in characters as the person
 * sees them; the personal words (login, e-mail, name) catch the most guessable choice of all.
 */
export function passwordProblems(password: string, personalWords: string[] = []): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push(`must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  if (length > MAX_PASSWORD_LENGTH) problems.push(`must be at most ${MAX_PASSWORD_LENGTH} characters long`);
  if (variants(password).some((variant) => COMMON_PASSWORDS.has(variant))) {
    problems.push('is one of the most common passwords; choose one that is harder to guess');
  }
  const lower = password.toLowerCase();
  const personal = personalWords
    .map((word) => word.toLowerCase().split('@')[0] ?? '')
    .filter((word) => word.length >= 4);
  if (personal.some((word) => lower.includes(word))) {
    problems.push('must not contain your login, e-mail or name');
  }
  return problems;
}

/** Throws a 400 problem+json with one field error per reason the password is refused. */
export function assertPasswordAcceptable(
  field: string,
  password: string,
  personalWords: string[] = [],
): void {
  const errors: FieldError[] = passwordProblems(password, personalWords).map((message) => ({
    field,
    message: `${field} ${message}`,
    code: 'passwordPolicy',
  }));
  if (errors.length > 0) throw new ValidationProblemException(errors);
}
