import { Role } from './identity';

/** The columns of an import file, in the order of the template; the header must name exactly these. */
export const USER_IMPORT_COLUMNS = [
  'login',
  'email',
  'full_name',
  'full_name_cyrillic',
  'language',
  'org_unit',
  'position',
  'roles',
] as const;
export type UserImportColumn = (typeof USER_IMPORT_COLUMNS)[number];

/** Largest file accepted by `POST /api/v1/user-imports`, in bytes. */
export const USER_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** Most data rows one file may carry. */
export const USER_IMPORT_MAX_ROWS = 20_000;

export const USER_IMPORT_FILE_TYPES = ['csv', 'xlsx'] as const;
export type UserImportFileType = (typeof USER_IMPORT_FILE_TYPES)[number];

/** What committing a row does: a new user, changes to an existing one, nothing, or nothing because it is wrong. */
export const USER_IMPORT_OUTCOMES = ['create', 'update', 'unchanged', 'error'] as const;
export type UserImportOutcome = (typeof USER_IMPORT_OUTCOMES)[number];

/** `previewed`: the dry run is ready; `committing`: being written; `committed`: written, final. */
export const USER_IMPORT_STATUSES = ['previewed', 'committing', 'committed'] as const;
export type UserImportStatus = (typeof USER_IMPORT_STATUSES)[number];

/** Why a row cannot be imported; each code belongs to one column (see USER_IMPORT_ERROR_COLUMNS). */
export const USER_IMPORT_ERRORS = [
  'login-required',
  'login-invalid',
  'login-duplicate',
  'login-taken',
  'email-required',
  'email-invalid',
  'email-duplicate',
  'email-taken',
  'full-name-required',
  'full-name-too-long',
  'full-name-cyrillic-too-long',
  'language-invalid',
  'org-unit-required',
  'org-unit-unknown',
  'org-unit-out-of-scope',
  'position-unknown',
  'roles-unknown',
] as const;
export type UserImportError = (typeof USER_IMPORT_ERRORS)[number];

export const USER_IMPORT_ERROR_COLUMNS: Record<UserImportError, UserImportColumn> = {
  'login-required': 'login',
  'login-invalid': 'login',
  'login-duplicate': 'login',
  'login-taken': 'login',
  'email-required': 'email',
  'email-invalid': 'email',
  'email-duplicate': 'email',
  'email-taken': 'email',
  'full-name-required': 'full_name',
  'full-name-too-long': 'full_name',
  'full-name-cyrillic-too-long': 'full_name_cyrillic',
  'language-invalid': 'language',
  'org-unit-required': 'org_unit',
  'org-unit-unknown': 'org_unit',
  'org-unit-out-of-scope': 'org_unit',
  'position-unknown': 'position',
  'roles-unknown': 'roles',
};

/** A field an update changes: its value now and in the file (absent when empty). */
export interface UserImportChange {
  from?: string;
  to?: string;
}

/** What an `update` row changes; `roles` lists the roles it adds on the person's unit. */
export interface UserImportChanges {
  email?: UserImportChange;
  fullName?: UserImportChange;
  fullNameCyrillic?: UserImportChange;
  language?: UserImportChange;
  orgUnit?: UserImportChange;
  position?: UserImportChange;
  roles?: Role[];
}

/** One data row of the file as read, with the outcome of the dry run. */
export interface UserImportRow {
  /** Line of the row in the file (the header is line 1). */
  line: number;
  login: string;
  email: string;
  fullName: string;
  fullNameCyrillic: string;
  language: string;
  orgUnit: string;
  position: string;
  roles: string;
  outcome: UserImportOutcome;
  errors: UserImportError[];
  /** Only for `update` rows. */
  changes: UserImportChanges | null;
}

export type UserImportCounts = Record<UserImportOutcome, number>;

/** An uploaded file: the dry run, and after commit what was written. */
export interface UserImport {
  id: string;
  fileName: string | null;
  fileType: UserImportFileType;
  status: UserImportStatus;
  /** Data rows in the file. */
  rowCount: number;
  counts: UserImportCounts;
  /** Rows written so far while `committing`; `rowCount` once committed. */
  progress: number;
  createdAt: string;
  committedAt: string | null;
}

/** `POST /api/v1/user-imports?fileName=…`: the file itself is the body (`application/octet-stream`). */
export interface UserImportUploadQuery {
  fileName?: string;
}

/** `GET /api/v1/user-imports/:id/rows`: the preview, one page at a time, optionally only one outcome. */
export interface UserImportRowQuery {
  page?: number;
  pageSize?: number;
  outcome?: UserImportOutcome;
}

/** `GET /api/v1/user-imports/template?format=…`. */
export interface UserImportTemplateQuery {
  format?: UserImportFileType;
}

/** A row of an import file, keyed by column, as the template documents it. */
export type UserImportRecord = Record<UserImportColumn, string>;

/** Separators accepted between the roles of one cell: `learner;trainer`, `learner, trainer`, `learner trainer`. */
export const USER_IMPORT_ROLE_SEPARATOR = /[;,|\s]+/;
