import { TranslocoService } from '@jsverse/transloco';
import {
  ALREADY_ENROLLED,
  ENROLMENT_NOT_ACTIVE,
  ENROLMENT_NOT_WITHDRAWABLE,
  QUIZ_ALREADY_PASSED,
  QUIZ_ATTEMPT_ALREADY_SUBMITTED,
  QUIZ_ATTEMPT_DEADLINE_PASSED,
  QUIZ_ATTEMPT_LIMIT_REACHED,
  SELF_ENROLMENT_CLOSED,
} from '@border-academy/shared-contracts';
import { describeFailure } from '@border-academy/web-admin/shared';
import { ApiError } from '@border-academy/web-data-access';
import { i18nKey } from '@border-academy/web-i18n';

const PROBLEMS: Record<string, string> = {
  [SELF_ENROLMENT_CLOSED]: i18nKey('learning.problems.selfEnrolmentClosed'),
  [ALREADY_ENROLLED]: i18nKey('learning.problems.alreadyEnrolled'),
  [ENROLMENT_NOT_WITHDRAWABLE]: i18nKey('learning.problems.notWithdrawable'),
  [ENROLMENT_NOT_ACTIVE]: i18nKey('learning.problems.notActive'),
  [QUIZ_ATTEMPT_LIMIT_REACHED]: i18nKey('learning.problems.attemptLimit'),
  [QUIZ_ATTEMPT_ALREADY_SUBMITTED]: i18nKey('learning.problems.alreadySubmitted'),
  [QUIZ_ATTEMPT_DEADLINE_PASSED]: i18nKey('learning.problems.deadlinePassed'),
  [QUIZ_ALREADY_PASSED]: i18nKey('learning.problems.alreadyPassed'),
};

/** What went wrong with a learner's action, in their words. */
export function learningFailure(failure: unknown, transloco: TranslocoService): string {
  const type = failure instanceof ApiError ? failure.problem?.type : undefined;
  const known = type ? PROBLEMS[type] : undefined;
  return known ? transloco.translate(known) : describeFailure(failure, transloco);
}

/** A 404: the course, enrolment or lesson is not there for this person (or not at all). */
export function isNotFound(failure: unknown): boolean {
  return failure instanceof ApiError && failure.status === 404;
}
