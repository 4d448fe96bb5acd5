import { HttpContext, HttpContextToken } from '@angular/common/http';

/**
 * Whether a failed request is announced to the user by the problem interceptor. Requests whose
 * page shows its own error state turn it off, so the user is not told twice.
 */
export const NOTIFY_ON_ERROR = new HttpContextToken<boolean>(() => true);

export function withoutErrorNotification(context = new HttpContext()): HttpContext {
  return context.set(NOTIFY_ON_ERROR, false);
}
