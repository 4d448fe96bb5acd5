import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { AuthSession } from '@border-academy/web-data-access';

import { describeSignInFailure } from '../sign-in/sign-in-failure';

export interface SessionExpiredDialogData {
  login: string;
}

/**
 * Shown over the page when the session has ended while the person was working on it: they sign in
 * again as the same person and carry on, with what they typed still on the page, or sign out.
 * Closes with true once the session runs again.
 */
@Component({
  selector: 'ba-session-expired-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'signIn.reauthenticate.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" [attr.aria-busy]="submitting()" novalidate>
      <mat-dialog-content>
        <p>{{ 'signIn.reauthenticate.intro' | transloco }}</p>
        <p data-testid="reauthenticate-login">
          {{ 'signIn.reauthenticate.signedInAs' | transloco: { login: data.login } }}
        </p>
        <!-- the login, for the browser's password manager; the person cannot change who they are here -->
        <input type="hidden" autocomplete="username" [value]="data.login" />
        <mat-form-field appearance="outline" class="field">
          <mat-label>{{ 'signIn.password' | transloco }}</mat-label>
          <input
            matInput
            type="password"
            formControlName="password"
            autocomplete="current-password"
            required
          />
          @if (form.controls.password.hasError('required')) {
            <mat-error>{{ 'signIn.passwordRequired' | transloco }}</mat-error>
          }
        </mat-form-field>
        <div role="alert" class="error">
          @if (error(); as message) {
            <p>{{ message }}</p>
          }
        </div>
        @if (submitting()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'signIn.signingIn' | transloco" />
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" data-testid="reauthenticate-leave" (click)="leave()">
          {{ 'signIn.reauthenticate.leave' | transloco }}
        </button>
        <button mat-flat-button type="submit" [attr.aria-disabled]="submitting()">
          {{ 'signIn.reauthenticate.submit' | transloco }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .field {
      width: 100%;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionExpiredDialog {
  protected readonly data = inject<SessionExpiredDialogData>(MAT_DIALOG_DATA);
  private readonly dialog = inject<MatDialogRef<SessionExpiredDialog, boolean>>(MatDialogRef);
  private readonly session = inject(AuthSession);
  private readonly transloco = inject(TranslocoService);

  protected readonly form = inject(NonNullableFormBuilder).group({ password: ['', Validators.required] });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    try {
      await this.session.signIn({ login: this.data.login, password: this.form.getRawValue().password });
      this.dialog.close(true);
    } catch (failure) {
      this.error.set(describeSignInFailure(failure, this.transloco));
      this.form.controls.password.reset();
    } finally {
      this.submitting.set(false);
    }
  }

  protected leave(): void {
    this.dialog.close(false);
  }
}
