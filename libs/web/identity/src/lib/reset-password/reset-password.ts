import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { MIN_PASSWORD_LENGTH } from '@border-academy/shared-contracts';
import { AccountClient, ApiError, SIGN_IN_PATH } from '@border-academy/web-data-access';

import { confirmationMatches } from '../password-confirmation';

/**
 * Where a one-time link from an administrator leads: the person chooses a password without signing
 * in, then signs in with it. A link that was used, replaced or has expired says so and goes no further.
 */
@Component({
  selector: 'ba-reset-password',
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
  ],
  templateUrl: './reset-password.html',
  styleUrl: './reset-password.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPassword {
  private readonly account = inject(AccountClient);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  /** The link's token, from the route's path. */
  readonly token = input.required<string>();

  protected readonly signInPath = SIGN_IN_PATH;
  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      newPassword: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
      confirmation: ['', Validators.required],
    },
    { validators: confirmationMatches },
  );
  protected readonly passwordVisible = signal(false);
  protected readonly saving = signal(false);
  protected readonly gone = signal(false);
  protected readonly error = signal<string | null>(null);

  protected togglePasswordVisibility(): void {
    this.passwordVisible.update((visible) => !visible);
  }

  protected async submit(): Promise<void> {
    if (this.saving()) return;
    this.error.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    try {
      await firstValueFrom(
        this.account.resetPassword({ token: this.token(), newPassword: this.form.getRawValue().newPassword }),
      );
      await this.router.navigate([SIGN_IN_PATH], { queryParams: { passwordReset: true } });
    } catch (failure) {
      this.showFailure(failure);
    } finally {
      this.saving.set(false);
    }
  }

  private showFailure(failure: unknown): void {
    if (!(failure instanceof ApiError)) {
      this.error.set(this.transloco.translate('resetPassword.failed'));
    } else if (failure.status === 410) {
      this.gone.set(true);
    } else if (failure.status === 429) {
      this.error.set(this.transloco.translate('resetPassword.tooMany'));
    } else if (failure.errorsFor('newPassword').length > 0) {
      const control = this.form.controls.newPassword;
      control.setErrors({ server: failure.errorsFor('newPassword').join(' ') });
      control.markAsTouched();
    } else {
      this.error.set(failure.unreachable ? this.transloco.translate('errors.offline') : failure.userMessage);
    }
  }
}
