import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { ORG_UNIT_KINDS, OrgUnit, OrgUnitKind } from '@border-academy/shared-contracts';
import { OrgUnitClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';

import { DialogFormEnd } from '../shared/dialog-form-end';
import { FormSubmission } from '../shared/form-submission';
import { LocalizedPipe } from '../shared/localized.pipe';
import { ReferenceFields, nameFrom, referenceControls } from '../shared/reference-fields';
import { ORG_UNIT_KIND_LABELS } from './org-unit-kinds';

/** Add a unit under `parent`, or rename `unit` (and change its kind). */
export type OrgUnitDialogData = { mode: 'create'; parent: OrgUnit } | { mode: 'rename'; unit: OrgUnit };

/** The form of a new unit, or of a unit's names and kind; closes with the unit as the server saved it. */
@Component({
  selector: 'ba-org-unit-dialog',
  imports: [
    DialogFormEnd,
    LocalizedPipe,
    MatDialogModule,
    MatFormFieldModule,
    MatSelectModule,
    ReactiveFormsModule,
    ReferenceFields,
    TranslocoPipe,
  ],
  templateUrl: './org-unit-dialog.html',
  styleUrl: '../shared/dialog-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrgUnitDialog {
  private readonly orgUnits = inject(OrgUnitClient);
  private readonly dialog = inject<MatDialogRef<OrgUnitDialog, OrgUnit>>(MatDialogRef);

  protected readonly data = inject<OrgUnitDialogData>(MAT_DIALOG_DATA);
  protected readonly language = inject(LanguagePreference).active;
  protected readonly kindLabels = ORG_UNIT_KIND_LABELS;
  private readonly unit = this.data.mode === 'rename' ? this.data.unit : null;
  /** Countries are the roots of the tree and only they. */
  protected readonly kinds: readonly OrgUnitKind[] =
    this.unit?.parentId === null ? ['country'] : ORG_UNIT_KINDS.filter((kind) => kind !== 'country');

  private readonly fields = referenceControls(this.unit?.code ?? null, this.unit?.name ?? null);
  protected readonly form = new FormGroup({
    ...this.fields,
    kind: new FormControl<OrgUnitKind>(this.unit?.kind ?? 'unit', { nonNullable: true }),
  });
  /** The code is chosen once, when the unit is added: it names the unit in paths and import files. */
  protected readonly codeControl = this.unit ? null : this.fields.code;
  protected readonly submission = new FormSubmission(inject(TranslocoService));

  constructor() {
    if (this.unit) this.fields.code.disable();
  }

  protected async save(): Promise<void> {
    const { code, kind, nameEn, nameRu } = this.form.controls;
    const controls = { code, kind, name: nameEn, 'name.en': nameEn, 'name.ru': nameRu };
    const saved = await this.submission.submit(this.form, controls, () => {
      const name = nameFrom(this.fields);
      return this.data.mode === 'create'
        ? this.orgUnits.create({ parentId: this.data.parent.id, code: code.value, kind: kind.value, name })
        : this.orgUnits.update(this.data.unit.id, { name, kind: kind.value });
    });
    if (saved) this.dialog.close(saved);
  }
}
