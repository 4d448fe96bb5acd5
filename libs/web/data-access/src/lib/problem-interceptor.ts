import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { catchError, throwError } from 'rxjs';
import { isProblemDetails, ProblemDetails } from '@border-academy/shared-contracts';
import { ApiError } from './api-error';
import { NOTIFY_ON_ERROR } from './error-notification';
import { ErrorNotifier } from './error-notifier';

/**
 * Turns every failed API call into an {@link ApiError} carrying the server's problem+json, and
 * tells the user what went wrong unless the request opted out with `withoutErrorNotification()`.
 */
export const problemInterceptor: HttpInterceptorFn = (request, next) => {
  const transloco = inject(TranslocoService);
  const notifier = inject(ErrorNotifier);

  return next(request).pipe(
    catchError((failure: unknown) => {
      if (!(failure instanceof HttpErrorResponse)) return throwError(() => failure);

      const problem = readProblem(failure.error);
      const message = userMessage(failure.status, problem, transloco);
      // A 401 is answered by the auth interceptor sending the user to sign in, where the page says why.
      if (request.context.get(NOTIFY_ON_ERROR) && failure.status !== 401) notifier.show(message);
      return throwError(() => new ApiError(failure.status, problem, message));
    }),
  );
};

function readProblem(body: unknown): ProblemDetails | null {
  if (isProblemDetails(body)) return body;
  // Text and blob requests leave the problem+json body unparsed.
  if (typeof body === 'string') {
    try {
      const parsed: unknown = JSON.parse(body);
      return isProblemDetails(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return null;
}

function userMessage(status: number, problem: ProblemDetails | null, transloco: TranslocoService): string {
  if (status === 0) return transloco.translate('errors.offline');
  if (problem) return problem.detail ?? problem.title;
  if (status >= 500) return transloco.translate('errors.server');
  return transloco.translate('errors.unexpected', { status });
}
