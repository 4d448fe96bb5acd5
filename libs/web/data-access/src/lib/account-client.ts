import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { ChangePasswordRequest, ResetPasswordRequest } from '@border-academy/shared-contracts';
import { withoutErrorNotification } from './error-notification';
import { AUTH_API } from './session/auth-session';

/** The signed-in user's own account. */
@Injectable({ providedIn: 'root' })
export class AccountClient {
  private readonly http = inject(HttpClient);

  /** The profile page shows failures next to the fields, so no global notification. */
  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(AUTH_API.password, request, { context: withoutErrorNotification() });
  }

  /** Sets a password with the token of a reset link, signed out; the page shows failures itself. */
  resetPassword(request: ResetPasswordRequest): Observable<void> {
    return this.http.post<void>(AUTH_API.resetPassword, request, { context: withoutErrorNotification() });
  }
}
