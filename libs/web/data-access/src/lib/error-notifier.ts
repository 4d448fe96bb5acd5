import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslocoService } from '@jsverse/transloco';

/** Tells the user that something failed, in a message screen readers announce at once. */
@Injectable({ providedIn: 'root' })
export class ErrorNotifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  show(message: string): void {
    // No timeout: on a slow connection or with a screen reader a vanishing message is easily missed.
    this.snackBar.open(message, this.transloco.translate('errors.dismiss'), { politeness: 'assertive' });
  }
}
