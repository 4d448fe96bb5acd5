import {
  LOGIN_PATTERN,
  MAX_EMAIL_LENGTH,
  MAX_FULL_NAME_LENGTH,
  ROLES,
  Role,
  SUPPORTED_LANGUAGES,
  USER_IMPORT_ROLE_SEPARATOR,
  UserImportError,
  UserImportRecord,
} from '@border-academy/shared-contracts';
import { isEmail } from 'class-validator';

/** A row's cells as they are stored, with the roles split out and the errors the cells alone show. */
export interface CheckedImportRow {
  line: number;
  login: string;
  email: string;
  full_name: string;
  full_name_cyrillic: string;
  language: string;
  org_unit_code: string;
  position_code: string;
  roles_text: string;
  roles: Role[];
  format_errors: UserImportError[];
}

export function splitRoles(text: string): { roles: Role[]; unknown: string[] } {
  const names = [...new Set(text.toLowerCase().split(USER_IMPORT_ROLE_SEPARATOR).filter(Boolean))];
  const known: readonly string[] = ROLES;
  return {
    roles: names.filter((name): name is Role => known.includes(name)),
    unknown: names.filter((name) => !known.includes(name)),
  };
}

/**
 * Checks what can be checked from the cells alone; everything that needs the database (taken logins,
 * units, positions, duplicates across the file) is checked in SQL over all rows at once.
 */
export function checkImportRow(line: number, values: UserImportRecord): CheckedImportRow {
  const errors: UserImportError[] = [];
  const language = values.language.toLowerCase();
  const { roles, unknown } = splitRoles(values.roles);

  if (!values.login) errors.push('login-required');
  else if (!LOGIN_PATTERN.test(values.login)) errors.push('login-invalid');
  if (!values.email) errors.push('email-required');
  else if (values.email.length > MAX_EMAIL_LENGTH || !isEmail(values.email)) errors.push('email-invalid');
  if (!values.full_name) errors.push('full-name-required');
  else if (values.full_name.length > MAX_FULL_NAME_LENGTH) errors.push('full-name-too-long');
  if (values.full_name_cyrillic.length > MAX_FULL_NAME_LENGTH) errors.push('full-name-cyrillic-too-long');
  if (!(SUPPORTED_LANGUAGES as readonly string[]).includes(language)) errors.push('language-invalid');
  if (!values.org_unit) errors.push('org-unit-required');
  if (unknown.length > 0) errors.push('roles-unknown');

  return {
    line,
    login: values.login,
    email: values.email,
    full_name: values.full_name,
    full_name_cyrillic: values.full_name_cyrillic,
    language,
    org_unit_code: values.org_unit.toLowerCase(),
    position_code: values.position.toLowerCase(),
    roles_text: values.roles,
    roles,
    format_errors: errors,
  };
}
