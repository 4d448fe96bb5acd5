import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, of } from 'rxjs';
import { SsoStatus } from '@border-academy/shared-contracts';
import { withoutErrorNotification } from './error-notification';
import { AUTH_API } from './session/auth-session';

/** Single sign-on through the agency's own identity provider, when the platform is configured for it. */
@Injectable({ providedIn: 'root' })
export class SsoClient {
  private readonly http = inject(HttpClient);

  /** Whether to offer single sign-on; when that cannot be told, the password form is offered alone. */
  status(): Observable<SsoStatus> {
    return this.http
      .get<SsoStatus>(AUTH_API.ssoStatus, { context: withoutErrorNotification() })
      .pipe(catchError(() => of<SsoStatus>({ enabled: false })));
  }

  /** The address that starts a sign-in at the provider and comes back to `returnUrl` (a path of the app). */
  startUrl(returnUrl: string): string {
    return `${AUTH_API.ssoStart}?returnTo=${encodeURIComponent(returnUrl)}`;
  }
}
