import { TranslocoService } from '@jsverse/transloco';
import {
  ATTACHMENT_TOO_LARGE,
  ATTACHMENT_TYPE_REFUSED,
  COURSE_PACKAGE_INVALID,
  COURSE_VERSION_INCOMPLETE,
  COURSE_VERSION_NOT_EDITABLE,
} from '@border-academy/shared-contracts';
import { describeFailure } from '@border-academy/web-admin/shared';
import { ApiError } from '@border-academy/web-data-access';
import { i18nKey } from '@border-academy/web-i18n';

const PROBLEMS: Record<string, string> = {
  [COURSE_VERSION_NOT_EDITABLE]: i18nKey('authoring.problems.notEditable'),
  [COURSE_VERSION_INCOMPLETE]: i18nKey('authoring.problems.incomplete'),
  [COURSE_PACKAGE_INVALID]: i18nKey('authoring.problems.packageInvalid'),
  [ATTACHMENT_TYPE_REFUSED]: i18nKey('authoring.problems.attachmentType'),
  [ATTACHMENT_TOO_LARGE]: i18nKey('authoring.problems.attachmentTooLarge'),
};

/** What went wrong, in the user's words, and every detail the server listed (what is missing, package errors). */
export interface AuthoringFailure {
  message: string;
  details: string[];
}

export function authoringFailure(failure: unknown, transloco: TranslocoService): AuthoringFailure {
  if (!(failure instanceof ApiError)) return { message: describeFailure(failure, transloco), details: [] };
  const problem = failure.problem as (Record<string, unknown> & { type?: string }) | null;
  const known = problem?.type ? PROBLEMS[problem.type] : undefined;
  const listed = (name: string): string[] =>
    Array.isArray(problem?.[name]) ? (problem[name] as unknown[]).map(String) : [];
  const fieldErrors = failure.fieldErrors.map((error) =>
    error.field ? `${error.field}: ${error.message}` : error.message,
  );
  return {
    message: known ? transloco.translate(known) : describeFailure(failure, transloco),
    details: [...listed('missing'), ...listed('packageErrors'), ...fieldErrors],
  };
}
