import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ErasureResult, MAX_ERASURE_REASON_LENGTH, UserDetails } from '@border-academy/shared-contracts';
import { UserClient } from '@border-academy/web-data-access';

import { DialogFormEnd } from '../shared/dialog-form-end';
import { FormSubmission } from '../shared/form-submission';

/** The login typed again, compared as the server does: without case. */
function sameLogin(login: string) {
  return (control: AbstractControl<string>) =>
    control.value.trim().toLowerCase() === login.toLowerCase() ? null : { sameLogin: true };
}

/**
 * Erasure of a person's personal data, which cannot be undone: says what goes and what stays, and asks
 * for the person's login typed again and the reason, which the audit trail keeps. Closes with the result.
 */
@Component({
  selector: 'ba-erase-dialog',
  imports: [
    DialogFormEnd,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'admin.user.privacy.dialog.title' | transloco: { name: user.fullName } }}</h2>
    <form [formGroup]="form" (ngSubmit)="erase()" novalidate>
      <mat-dialog-content class="fields">
        <p class="unit-summary">{{ 'admin.user.privacy.dialog.what' | transloco }}</p>
        <p class="unit-summary">
          <strong>{{ 'admin.user.privacy.dialog.final' | transloco }}</strong>
        </p>
        <mat-form-field appearance="outline">
          <mat-label>{{
            'admin.user.privacy.dialog.confirmLogin' | transloco: { login: user.login }
          }}</mat-label>
          <input
            matInput
            formControlName="confirmLogin"
            data-testid="erase-confirm-login"
            autocomplete="off"
            spellcheck="false"
            required
          />
          @if (form.controls.confirmLogin.hasError('server')) {
            <mat-error>{{ form.controls.confirmLogin.getError('server') }}</mat-error>
          } @else if (form.controls.confirmLogin.invalid) {
            <mat-error>{{ 'admin.user.privacy.dialog.loginMismatch' | transloco }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'admin.user.privacy.dialog.reason' | transloco }}</mat-label>
          <textarea
            matInput
            formControlName="reason"
            data-testid="erase-reason"
            rows="3"
            required
            [attr.maxlength]="maxReason"
          ></textarea>
          <mat-hint>{{ 'admin.user.privacy.dialog.reasonHint' | transloco }}</mat-hint>
          @if (form.controls.reason.hasError('server')) {
            <mat-error>{{ form.controls.reason.getError('server') }}</mat-error>
          } @else if (form.controls.reason.hasError('maxlength')) {
            <mat-error>{{ 'admin.dialog.tooLong' | transloco: { max: maxReason } }}</mat-error>
          } @else if (form.controls.reason.invalid) {
            <mat-error>{{ 'admin.user.privacy.dialog.reasonRequired' | transloco }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ba-dialog-form-end
        [submission]="submission"
        [submitLabel]="'admin.user.privacy.dialog.submit' | transloco"
      />
    </form>
  `,
  styleUrl: '../shared/dialog-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EraseDialog {
  private readonly users = inject(UserClient);
  private readonly dialog = inject<MatDialogRef<EraseDialog, ErasureResult>>(MatDialogRef);

  protected readonly user = inject<UserDetails>(MAT_DIALOG_DATA);
  protected readonly maxReason = MAX_ERASURE_REASON_LENGTH;
  protected readonly form = new FormGroup({
    confirmLogin: new FormControl('', { nonNullable: true, validators: [sameLogin(this.user.login)] }),
    reason: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.pattern(/\S/),
        Validators.maxLength(MAX_ERASURE_REASON_LENGTH),
      ],
    }),
  });
  protected readonly submission = new FormSubmission(inject(TranslocoService));

  protected async erase(): Promise<void> {
    const { confirmLogin, reason } = this.form.controls;
    const result = await this.submission.submit(this.form, { confirmLogin, reason }, () =>
      this.users.erase(this.user.id, {
        confirmLogin: confirmLogin.value.trim(),
        reason: reason.value.trim(),
      }),
    );
    if (result) this.dialog.close(result);
  }
}
