import { TranslocoService } from '@jsverse/transloco';
import { ApiError } from '@border-academy/web-data-access';

/** Why a sign-in failed, in the user's language: the sign-in page and the session-expired dialog say the same. */
export function describeSignInFailure(failure: unknown, transloco: TranslocoService): string {
  if (!(failure instanceof ApiError)) return transloco.translate('signIn.failed');
  if (failure.unreachable) return transloco.translate('errors.offline');
  if (failure.status === 401) return transloco.translate('signIn.wrongCredentials');
  if (failure.status === 423 || failure.status === 429) return describeLock(failure, transloco);
  return failure.userMessage;
}

/**
 * Locked or slowed down: only the server knows until when. Its message names the instant; said in
 * the user's language with their local time when it can be read, else the server's words as sent.
 */
function describeLock(failure: ApiError, transloco: TranslocoService): string {
  const detail = failure.problem?.detail;
  const instant = detail?.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/)?.[0];
  const until = instant ? new Date(instant) : null;
  if (!until || Number.isNaN(until.getTime())) {
    return detail ?? transloco.translate('signIn.locked');
  }
  const time = new Intl.DateTimeFormat(transloco.getActiveLang(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(until);
  return transloco.translate('signIn.lockedUntil', { time });
}
