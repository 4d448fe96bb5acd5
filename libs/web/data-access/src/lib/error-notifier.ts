import { Injectable, Injector, inject } from '@angular/core';
import type { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';

/**
 * Tells the user that something failed, in a message screen readers announce at once. Material's snack
 * bar (and the overlay under it) is not part of the first paint: the shell calls `preload()` once the
 * page is drawn, so that a message can still be shown after the connection is lost.
 */
@Injectable({ providedIn: 'root' })
export class ErrorNotifier {
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);
  private snackBar: Promise<MatSnackBar> | null = null;

  preload(): void {
    this.load().catch(() => undefined);
  }

  show(message: string): void {
    const dismiss = this.transloco.translate('errors.dismiss');
    this.load().then(
      // No timeout: on a slow connection or with a screen reader a vanishing message is easily missed.
      (snackBar) => snackBar.open(message, dismiss, { politeness: 'assertive' }),
      // offline before the snack bar's code ever arrived: there is nothing to show the message with
      () => undefined,
    );
  }

  private load(): Promise<MatSnackBar> {
    this.snackBar ??= import('@angular/material/snack-bar').then(
      ({ MatSnackBar }) => this.injector.get(MatSnackBar),
      (failure: unknown) => {
        // the next message tries again
        this.snackBar = null;
        throw failure;
      },
    );
    return this.snackBar;
  }
}
