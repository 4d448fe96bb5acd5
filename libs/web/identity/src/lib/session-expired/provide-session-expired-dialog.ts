import { EnvironmentProviders, Injector, inject, makeEnvironmentProviders } from '@angular/core';
import { REAUTHENTICATION_PROMPT, ReauthenticationPrompt } from '@border-academy/web-data-access';
import { firstValueFrom } from 'rxjs';

/** Backdrop that hides the page under the dialog: on a shared computer the next person sees nothing private. */
export const SESSION_EXPIRED_BACKDROP = 'ba-session-expired-backdrop';

/**
 * When a session ends while someone works, they sign in again in a dialog over the page instead of
 * being sent away from it. The dialog and Material's dialog service load only when first needed.
 */
export function provideSessionExpiredDialog(): EnvironmentProviders {
  return makeEnvironmentProviders([
    {
      provide: REAUTHENTICATION_PROMPT,
      useFactory: (): ReauthenticationPrompt => {
        const injector = inject(Injector);
        return async (login) => {
          const [{ MatDialog }, { SessionExpiredDialog }] = await Promise.all([
            import('@angular/material/dialog'),
            import('./session-expired-dialog'),
          ]);
          const dialog = injector
            .get(MatDialog)
            .open<typeof SessionExpiredDialog.prototype, unknown, boolean>(SessionExpiredDialog, {
              data: { login },
              disableClose: true,
              autoFocus: 'first-tabbable',
              restoreFocus: true,
              backdropClass: SESSION_EXPIRED_BACKDROP,
              maxWidth: '28rem',
              width: 'calc(100vw - 2rem)',
            });
          return (await firstValueFrom(dialog.afterClosed())) === true;
        };
      },
    },
  ]);
}
