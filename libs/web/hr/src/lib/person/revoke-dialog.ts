import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { StaffQualification } from '@border-academy/shared-contracts';
import { DialogFormEnd, FormSubmission, LocalizedPipe } from '@border-academy/web-admin/shared';
import { StaffClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';

import { GrantDialogData, NOTE_MAX_LENGTH } from './grant-dialog';

/** HR revokes a qualification a person holds, saying why; closes with the person's new standing on it. */
@Component({
  selector: 'ba-revoke-dialog',
  imports: [
    DialogFormEnd,
    LocalizedPipe,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'hr.revoke.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        <p class="summary">
          {{
            'hr.revoke.summary'
              | transloco
                : { name: data.personName, qualification: (data.qualification.name | localized: language()) }
          }}
        </p>
        <mat-form-field>
          <mat-label>{{ 'hr.revoke.reason' | transloco }}</mat-label>
          <textarea
            matInput
            formControlName="reason"
            rows="3"
            data-testid="revoke-reason"
            required
          ></textarea>
          @if (form.controls.reason.hasError('required') || form.controls.reason.hasError('pattern')) {
            <mat-error>{{ 'admin.dialog.required' | transloco }}</mat-error>
          } @else if (form.controls.reason.hasError('maxlength')) {
            <mat-error>{{ 'admin.dialog.tooLong' | transloco: { max: reasonMax } }}</mat-error>
          } @else if (form.controls.reason.hasError('server')) {
            <mat-error>{{ form.controls.reason.getError('server') }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ba-dialog-form-end [submission]="submission" [submitLabel]="'hr.revoke.submit' | transloco" />
    </form>
  `,
  styleUrl: '../shared/hr-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RevokeDialog {
  private readonly staff = inject(StaffClient);
  private readonly dialog = inject<MatDialogRef<RevokeDialog, StaffQualification>>(MatDialogRef);

  protected readonly data = inject<GrantDialogData>(MAT_DIALOG_DATA);
  protected readonly language = inject(LanguagePreference).active;
  protected readonly reasonMax = NOTE_MAX_LENGTH;
  protected readonly form = new FormGroup({
    reason: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(NOTE_MAX_LENGTH)],
    }),
  });
  protected readonly submission = new FormSubmission(inject(TranslocoService));

  protected async save(): Promise<void> {
    const { reason } = this.form.controls;
    const saved = await this.submission.submit(this.form, { reason }, () =>
      this.staff.revoke(this.data.userId, this.data.qualification.id, { reason: reason.value.trim() }),
    );
    if (saved) this.dialog.close(saved);
  }
}
