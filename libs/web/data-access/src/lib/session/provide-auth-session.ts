import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { AuthSession } from './auth-session';

/**
 * Starts bringing back the session at start-up without waiting for it: public pages render at once
 * on a slow connection, and only guarded pages wait for the answer.
 */
export function provideAuthSession(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      void inject(AuthSession).restore();
    }),
  ]);
}
