import { signal } from '@angular/core';
import { AbstractControl, FormGroup } from '@angular/forms';
import { TranslocoService } from '@jsverse/transloco';
import { Observable, firstValueFrom } from 'rxjs';

import { describeFailure, showFieldErrors } from './problem-text';

/**
 * Sending a dialog's form: an invalid form only shows its errors; the server's objections go beside
 * the fields they name, anything else above the buttons. One per dialog.
 */
export class FormSubmission {
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);

  constructor(private readonly transloco: TranslocoService) {}

  /** The server's answer, or null when the form was invalid or the call failed (and says why). */
  async submit<T>(
    form: FormGroup,
    /** The controls for the fields the server may name (`name.en` → the English name's control). */
    controls: Record<string, AbstractControl>,
    send: () => Observable<T>,
  ): Promise<T | null> {
    if (this.saving()) return null;
    this.error.set(null);
    if (form.invalid) {
      form.markAllAsTouched();
      return null;
    }
    this.saving.set(true);
    try {
      return await firstValueFrom(send());
    } catch (failure) {
      if (!showFieldErrors(failure, controls, this.transloco)) {
        this.error.set(describeFailure(failure, this.transloco));
      }
      return null;
    } finally {
      this.saving.set(false);
    }
  }
}
