import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Position } from '@border-academy/shared-contracts';
import { PositionClient } from '@border-academy/web-data-access';

import { DialogFormEnd } from '../shared/dialog-form-end';
import { FormSubmission } from '../shared/form-submission';
import { ReferenceFields, nameFrom, referenceControls } from '../shared/reference-fields';

/** The form of a new position (no data) or of a position's code and names; closes with the saved position. */
@Component({
  selector: 'ba-position-dialog',
  imports: [DialogFormEnd, MatDialogModule, ReactiveFormsModule, ReferenceFields, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>
      {{ (position ? 'admin.positions.dialog.editTitle' : 'admin.positions.dialog.createTitle') | transloco }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        <ba-reference-fields
          [code]="form.controls.code"
          [codeHint]="'admin.positions.dialog.codeHint' | transloco"
          [nameEn]="form.controls.nameEn"
          [nameRu]="form.controls.nameRu"
        />
      </mat-dialog-content>
      <ba-dialog-form-end [submission]="submission" [submitLabel]="'admin.dialog.save' | transloco" />
    </form>
  `,
  styleUrl: '../shared/dialog-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PositionDialog {
  private readonly positions = inject(PositionClient);
  private readonly dialog = inject<MatDialogRef<PositionDialog, Position>>(MatDialogRef);

  protected readonly position = inject<Position | null>(MAT_DIALOG_DATA);
  protected readonly form = new FormGroup(
    referenceControls(this.position?.code ?? null, this.position?.name ?? null),
  );
  protected readonly submission = new FormSubmission(inject(TranslocoService));

  protected async save(): Promise<void> {
    const { code, nameEn, nameRu } = this.form.controls;
    const request = () => ({ code: code.value, name: nameFrom(this.form.controls) });
    const saved = await this.submission.submit(
      this.form,
      { code, name: nameEn, 'name.en': nameEn, 'name.ru': nameRu },
      () =>
        this.position ? this.positions.update(this.position.id, request()) : this.positions.create(request()),
    );
    if (saved) this.dialog.close(saved);
  }
}
