import { inject } from '@angular/core';
import { CanActivateFn, Router, UrlTree } from '@angular/router';
import { Role } from '@border-academy/shared-contracts';
import { AuthSession, SIGN_IN_PATH } from './auth-session';

/** True once a session is there; otherwise the way to sign in and back to `url`. */
async function signedInOrSignIn(session: AuthSession, router: Router, url: string): Promise<true | UrlTree> {
  await session.restore();
  if (session.signedIn()) return true;
  return router.createUrlTree([SIGN_IN_PATH], {
    queryParams: { returnUrl: url, ...(session.status() === 'expired' ? { expired: 'true' } : {}) },
  });
}

/** Private pages: without a session, the user signs in first and comes back to the page they asked for. */
export const requireSignedIn: CanActivateFn = (_route, state) =>
  signedInOrSignIn(inject(AuthSession), inject(Router), state.url);

/**
 * Pages of one role. The API checks every request itself; this only keeps people away from pages
 * that would show them nothing but refusals. Signed-out users are sent to sign in first.
 */
export function requireRole(role: Role): CanActivateFn {
  return requireAnyRole(role);
}

/** Pages shared by several roles (authoring: trainers, reviewers and admins): any one of them will do. */
export function requireAnyRole(...roles: Role[]): CanActivateFn {
  return async (_route, state) => {
    // Injected before the first await: the injection context ends there.
    const session = inject(AuthSession);
    const router = inject(Router);
    const signedIn = await signedInOrSignIn(session, router, state.url);
    if (signedIn !== true) return signedIn;
    return roles.some((role) => session.hasRole(role)) ? true : router.createUrlTree(['/']);
  };
}
