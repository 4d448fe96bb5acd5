import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  AWARD_RULES,
  AwardRule,
  LocalizedText,
  Qualification,
  SaveQualificationRequest,
  THEMATIC_AREAS,
  ThematicArea,
} from '@border-academy/shared-contracts';
import {
  DialogFormEnd,
  FormSubmission,
  ReferenceFields,
  localized,
  nameFrom,
  referenceControls,
} from '@border-academy/web-admin/shared';
import { QualificationClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';

import { CoursePicker } from '../shared/course-picker';
import { AREA_LABELS, RULE_LABELS } from '../shared/labels';

export const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;
export const DEFAULT_WARNING_DAYS = 60;

interface ChosenCourse {
  id: string;
  title: string;
}

/** The form's values as the API takes them: no courses for an assessment, a count only for N of them. */
export function qualificationRequest(values: {
  code: string;
  name: LocalizedText;
  descriptionEn: string;
  descriptionRu: string;
  area: ThematicArea;
  level: number;
  rule: AwardRule;
  requiredCount: number | null;
  courseIds: string[];
  validityMonths: number | null;
  warningDays: number | null;
}): SaveQualificationRequest {
  const en = values.descriptionEn.trim();
  const ru = values.descriptionRu.trim();
  return {
    code: values.code.trim(),
    name: values.name,
    description: en ? { en, ...(ru ? { ru } : {}) } : null,
    area: values.area,
    level: values.level,
    rule: values.rule,
    requiredCount: values.rule === 'n-of-courses' ? values.requiredCount : null,
    courseIds: values.rule === 'assessment' ? [] : values.courseIds,
    validityMonths: values.validityMonths || null,
    warningDays: values.warningDays ?? DEFAULT_WARNING_DAYS,
  };
}

/**
 * The form of a new qualification (no data) or of one of the catalogue: code, names and description in
 * English and Russian, area, level, how it is earned (all of its courses, N of them, or an assessment),
 * how long it is valid and how early holders are warned. Closes with the saved qualification.
 */
@Component({
  selector: 'ba-qualification-dialog',
  imports: [
    CoursePicker,
    DialogFormEnd,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    ReactiveFormsModule,
    ReferenceFields,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>
      {{ (qualification ? 'hr.qualification.editTitle' : 'hr.qualification.createTitle') | transloco }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        <ba-reference-fields
          [code]="form.controls.code"
          [codeHint]="'hr.qualification.codeHint' | transloco"
          [nameEn]="form.controls.nameEn"
          [nameRu]="form.controls.nameRu"
        />
        <mat-form-field>
          <mat-label>{{ 'hr.qualification.descriptionEn' | transloco }}</mat-label>
          <textarea matInput formControlName="descriptionEn" rows="2" lang="en"></textarea>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'hr.qualification.descriptionRu' | transloco }}</mat-label>
          <textarea matInput formControlName="descriptionRu" rows="2" lang="ru"></textarea>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'hr.compliance.filters.area' | transloco }}</mat-label>
          <mat-select formControlName="area" required>
            @for (area of areas; track area) {
              <mat-option [value]="area">{{ areaLabels[area] | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'hr.qualification.level' | transloco }}</mat-label>
          <mat-select formControlName="level" required>
            @for (level of levels; track level) {
              <mat-option [value]="level">{{ level }}</mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'hr.qualification.levelHint' | transloco }}</mat-hint>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'hr.qualification.rule' | transloco }}</mat-label>
          <mat-select formControlName="rule" required>
            @for (rule of rules; track rule) {
              <mat-option [value]="rule">{{ ruleLabels[rule] | transloco }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (form.controls.rule.value !== 'assessment') {
          <ba-course-picker [formControl]="coursePicker" [label]="'hr.qualification.addCourse' | transloco" />
          <ul class="people" [attr.aria-label]="'hr.qualification.courses' | transloco">
            @for (course of courses(); track course.id) {
              <li>
                {{ course.title }}
                <button
                  mat-button
                  type="button"
                  [attr.aria-label]="'hr.qualification.removeCourse' | transloco: { title: course.title }"
                  (click)="removeCourse(course.id)"
                >
                  {{ 'hr.assign.remove' | transloco }}
                </button>
              </li>
            } @empty {
              <li class="secondary">{{ 'hr.qualification.noCourses' | transloco }}</li>
            }
          </ul>
          <div role="alert" class="error">
            @if (coursesMissing()) {
              <p>{{ 'hr.qualification.coursesRequired' | transloco }}</p>
            }
          </div>
        }
        @if (form.controls.rule.value === 'n-of-courses') {
          <mat-form-field>
            <mat-label>{{ 'hr.qualification.requiredCount' | transloco }}</mat-label>
            <input matInput type="number" min="1" formControlName="requiredCount" required />
            @if (form.controls.requiredCount.invalid) {
              <mat-error>{{ 'hr.qualification.requiredCountRange' | transloco }}</mat-error>
            }
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>{{ 'hr.qualification.validityMonths' | transloco }}</mat-label>
          <input matInput type="number" min="1" max="240" formControlName="validityMonths" />
          <mat-hint>{{ 'hr.qualification.validityHint' | transloco }}</mat-hint>
          @if (form.controls.validityMonths.invalid) {
            <mat-error>{{ 'hr.qualification.validityRange' | transloco }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'hr.qualification.warningDays' | transloco }}</mat-label>
          <input matInput type="number" min="0" max="365" formControlName="warningDays" />
          <mat-hint>{{ 'hr.qualification.warningHint' | transloco }}</mat-hint>
          @if (form.controls.warningDays.invalid) {
            <mat-error>{{ 'hr.qualification.warningRange' | transloco }}</mat-error>
          }
        </mat-form-field>
      </mat-dialog-content>
      <ba-dialog-form-end [submission]="submission" [submitLabel]="'admin.dialog.save' | transloco" />
    </form>
  `,
  styleUrl: '../shared/hr-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QualificationDialog {
  private readonly client = inject(QualificationClient);
  private readonly dialog = inject<MatDialogRef<QualificationDialog, Qualification>>(MatDialogRef);
  private readonly language = inject(LanguagePreference).active;
  /** Names the course just picked. */
  private readonly picker = viewChild(CoursePicker);

  protected readonly qualification = inject<Qualification | null>(MAT_DIALOG_DATA);
  protected readonly areas = THEMATIC_AREAS;
  protected readonly levels = LEVELS;
  protected readonly rules = AWARD_RULES;
  protected readonly areaLabels = AREA_LABELS;
  protected readonly ruleLabels = RULE_LABELS;
  protected readonly form = new FormGroup({
    ...referenceControls(this.qualification?.code ?? null, this.qualification?.name ?? null),
    descriptionEn: new FormControl(this.qualification?.description?.en ?? '', { nonNullable: true }),
    descriptionRu: new FormControl(this.qualification?.description?.ru ?? '', { nonNullable: true }),
    area: new FormControl<ThematicArea>(this.qualification?.area ?? 'IBM', { nonNullable: true }),
    level: new FormControl(this.qualification?.level ?? 4, { nonNullable: true }),
    rule: new FormControl<AwardRule>(this.qualification?.rule ?? 'all-courses', { nonNullable: true }),
    requiredCount: new FormControl<number | null>(this.qualification?.requiredCount ?? null, {
      validators: [Validators.min(1)],
    }),
    validityMonths: new FormControl<number | null>(this.qualification?.validityMonths ?? 24, {
      validators: [Validators.min(1), Validators.max(240)],
    }),
    warningDays: new FormControl<number | null>(this.qualification?.warningDays ?? DEFAULT_WARNING_DAYS, {
      validators: [Validators.min(0), Validators.max(365)],
    }),
  });
  protected readonly coursePicker = new FormControl<string | null>(null);
  protected readonly courses = signal<ChosenCourse[]>(
    (this.qualification?.courses ?? []).map((course) => ({
      id: course.id,
      title: localized(course.title, this.language()),
    })),
  );
  protected readonly coursesMissing = signal(false);
  protected readonly submission = new FormSubmission(inject(TranslocoService));

  constructor() {
    this.coursePicker.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => {
      if (!id) return;
      const picked = this.picker()?.optionFor(id);
      if (!this.courses().some((course) => course.id === id)) {
        this.courses.update((courses) => [...courses, { id, title: picked?.label ?? id }]);
      }
      this.coursesMissing.set(false);
      this.coursePicker.setValue(null);
    });
    this.form.controls.rule.valueChanges.pipe(takeUntilDestroyed()).subscribe((rule) => {
      const count = this.form.controls.requiredCount;
      count.setValidators(rule === 'n-of-courses' ? [Validators.required, Validators.min(1)] : []);
      count.updateValueAndValidity();
      this.coursesMissing.set(false);
    });
  }

  protected removeCourse(id: string): void {
    this.courses.update((courses) => courses.filter((course) => course.id !== id));
  }

  protected async save(): Promise<void> {
    const values = this.form.getRawValue();
    if (values.rule !== 'assessment' && this.courses().length === 0) {
      this.coursesMissing.set(true);
      this.form.markAllAsTouched();
      return;
    }
    const { code, nameEn, nameRu, area, level, rule, requiredCount, validityMonths, warningDays } =
      this.form.controls;
    const request = () =>
      qualificationRequest({
        ...values,
        name: nameFrom(this.form.controls),
        courseIds: this.courses().map((course) => course.id),
      });
    const saved = await this.submission.submit(
      this.form,
      {
        code,
        name: nameEn,
        'name.en': nameEn,
        'name.ru': nameRu,
        area,
        level,
        rule,
        requiredCount,
        validityMonths,
        warningDays,
      },
      () =>
        this.qualification
          ? this.client.update(this.qualification.id, request())
          : this.client.create(request()),
    );
    if (saved) this.dialog.close(saved);
  }
}
