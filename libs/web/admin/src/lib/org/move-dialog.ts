import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { OrgUnit } from '@border-academy/shared-contracts';
import { OrgUnitClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';

import { LocalizedPipe } from '../shared/localized.pipe';
import { OrgUnitPicker } from '../shared/org-unit-picker';
import { DialogFormEnd } from '../shared/dialog-form-end';
import { FormSubmission } from '../shared/form-submission';

/** Whether `candidate` could become the new parent of `unit`: not the unit, below it, or its parent now. */
export function canMoveUnder(unit: OrgUnit, candidate: OrgUnit): boolean {
  return (
    candidate.id !== unit.id && candidate.id !== unit.parentId && !candidate.path.startsWith(`${unit.path}.`)
  );
}

/** Picks the new parent of a unit; closes with the unit as it is after the move. */
@Component({
  selector: 'ba-move-dialog',
  imports: [DialogFormEnd, LocalizedPipe, MatDialogModule, OrgUnitPicker, ReactiveFormsModule, TranslocoPipe],
  template: `
    <h2 mat-dialog-title>
      {{ 'admin.org.move.title' | transloco: { name: (unit.name | localized: language()) } }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="move()" novalidate>
      <mat-dialog-content class="fields">
        <p class="unit-summary">{{ 'admin.org.move.intro' | transloco }}</p>
        <ba-org-unit-picker
          formControlName="parentId"
          [label]="'admin.org.move.parent' | transloco"
          [exclude]="excluded"
        />
      </mat-dialog-content>
      <ba-dialog-form-end [submission]="submission" [submitLabel]="'admin.org.move.submit' | transloco" />
    </form>
  `,
  styleUrl: '../shared/dialog-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MoveDialog {
  private readonly orgUnits = inject(OrgUnitClient);
  private readonly dialog = inject<MatDialogRef<MoveDialog, OrgUnit>>(MatDialogRef);

  protected readonly unit = inject<OrgUnit>(MAT_DIALOG_DATA);
  protected readonly language = inject(LanguagePreference).active;
  protected readonly form = new FormGroup({
    parentId: new FormControl<string | null>(null, Validators.required),
  });
  protected readonly submission = new FormSubmission(inject(TranslocoService));
  protected readonly excluded = (candidate: OrgUnit): boolean => !canMoveUnder(this.unit, candidate);

  protected async move(): Promise<void> {
    const { parentId } = this.form.controls;
    // a refused new parent comes back as a field error on parentId, shown beside the picker
    const moved = await this.submission.submit(this.form, { parentId }, () =>
      this.orgUnits.move(this.unit.id, { parentId: parentId.value ?? '' }),
    );
    if (moved) this.dialog.close(moved);
  }
}
