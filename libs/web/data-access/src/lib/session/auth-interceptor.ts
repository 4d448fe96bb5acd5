import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { isProblemDetails } from '@border-academy/shared-contracts';
import { AUTH_API, AuthSession } from './auth-session';

// These answer 401 for a wrong password, a missing cookie or a session already gone: renewing would not help.
const WITHOUT_RENEWAL: readonly string[] = [AUTH_API.signIn, AUTH_API.refresh, AUTH_API.signOut];

/** A wrong password (e.g. the current one when changing it) is refused with 401 too, but the session is fine. */
export const INVALID_CREDENTIALS_PROBLEM = 'urn:border-academy:problem:invalid-credentials';

function sessionRefused(failure: unknown): failure is HttpErrorResponse {
  if (!(failure instanceof HttpErrorResponse) || failure.status !== 401) return false;
  return !(isProblemDetails(failure.error) && failure.error.type === INVALID_CREDENTIALS_PROBLEM);
}

function withToken(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

/**
 * Sends the access token with every API request. When a protected route answers 401 (the token
 * ran out, e.g. after the phone slept), it renews the session once and replays the request; if that
 * fails the session has ended: the person signs in again over the page and the request is replayed,
 * or, if they leave, they are sent to the sign-in page.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/')) return next(request);
  const session = inject(AuthSession);

  return next(withToken(request, session.accessToken)).pipe(
    catchError((failure: unknown) => {
      if (!sessionRefused(failure) || WITHOUT_RENEWAL.includes(request.url)) return throwError(() => failure);

      // renewed at once, or else after the person signed in again over the page (typed input kept)
      return from(session.refresh().then((renewed) => renewed || session.recover())).pipe(
        switchMap((running) => {
          if (running) return next(withToken(request, session.accessToken));
          return throwError(() => failure);
        }),
      );
    }),
  );
};
