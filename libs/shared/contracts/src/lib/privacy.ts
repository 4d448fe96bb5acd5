/**
 * A person's personal data as the platform holds it (`GET /api/v1/users/:id/personal-data`), and
 * erasure on request (`POST /api/v1/users/:id/erasure`). Both are for admins of the person's unit.
 */

/** The formats of an export: this document as JSON, or the same sections as a readable PDF. */
export const PERSONAL_DATA_FORMATS = ['json', 'pdf'] as const;
export type PersonalDataFormat = (typeof PERSONAL_DATA_FORMATS)[number];

/** Names the shape below; a change that is not only an added section or field gets a new version. */
export const PERSONAL_DATA_SCHEMA = 'border-academy/personal-data/v1';

/** A value of a row: text (instants in ISO 8601), a number, a flag, null, or a nested record as stored. */
export type PersonalDataValue =
  string | number | boolean | null | PersonalDataValue[] | { [key: string]: PersonalDataValue };

/** One record of a section, keyed by camelCase field names that stay stable within a schema version. */
export type PersonalDataRow = Record<string, PersonalDataValue>;

/**
 * One kind of record about the person, contributed by the module that keeps it. Keys are dotted and
 * stable: `identity.profile`, `identity.role-grants`, `identity.sessions`, `identity.external-identities`,
 * `identity.password-reset-links`, `identity.import-rows`, `audit.about-person`, `audit.by-person`,
 * `authoring.courses`, `learning.enrolments`, `learning.progress-events`, `learning.quiz-attempts`,
 * `learning.certificates`; more may be added.
 */
export interface PersonalDataSection {
  key: string;
  /** A heading in English and Russian. */
  title: { en: string; ru: string };
  rows: PersonalDataRow[];
}

/** The whole export. */
export interface PersonalDataExport {
  schema: typeof PERSONAL_DATA_SCHEMA;
  /** ISO 8601 instant. */
  generatedAt: string;
  /** The admin who asked for it. */
  generatedBy: string;
  person: { id: string; login: string; fullName: string };
  sections: PersonalDataSection[];
}

/** The name an erased person is shown under everywhere, certificates' verification included. */
export const ERASED_PERSON_NAME = 'Erased person';
/** Longest reason of an erasure, kept in the audit trail. */
export const MAX_ERASURE_REASON_LENGTH = 1000;

/** `POST /api/v1/users/:id/erasure`: why, and the person's login typed again as a confirmation. */
export interface ErasureRequest {
  reason: string;
  confirmLogin: string;
}

/** The answer of an erasure: what was anonymised or removed, by section key. */
export interface ErasureResult {
  userId: string;
  /** ISO 8601 instant. */
  erasedAt: string;
  /** Rows changed or removed per section key; sections that kept everything are absent. */
  changed: Record<string, number>;
}
