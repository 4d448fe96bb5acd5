import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  COURSE_LEVELS,
  CourseDetail,
  CourseLevel,
  THEMATIC_AREAS,
  ThematicArea,
} from '@border-academy/shared-contracts';
import { DialogFormEnd, FormSubmission, OrgUnitPicker } from '@border-academy/web-admin/shared';
import { AuthSession, CourseClient } from '@border-academy/web-data-access';

import { ContentLanguages } from '../shared/content-languages';
import { ContentTextFields } from '../shared/content-text-fields';
import { contentTextGroup, contentTextOf } from '../shared/content-text-form';
import { AREA_LABELS, LEVEL_LABELS } from '../shared/labels';

/** A new course: its code, title in the content languages, area, level, hours and owning unit. */
@Component({
  selector: 'ba-new-course-dialog',
  imports: [
    ContentTextFields,
    DialogFormEnd,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    OrgUnitPicker,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'authoring.newCourse.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'authoring.settings.code' | transloco }}</mat-label>
          <input matInput formControlName="code" autocomplete="off" data-testid="course-code" required />
          <mat-hint>{{ 'authoring.settings.codeHint' | transloco }}</mat-hint>
          @if (form.controls.code.hasError('server')) {
            <mat-error>{{ form.controls.code.getError('server') }}</mat-error>
          } @else {
            <mat-error>{{ 'authoring.settings.codeInvalid' | transloco }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'authoring.settings.defaultLanguage' | transloco }}</mat-label>
          <mat-select formControlName="defaultLanguage" data-testid="course-default-language">
            @for (language of languages.all(); track language.code) {
              <mat-option [value]="language.code">{{ language.nativeName }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <ba-content-text-fields
          testId="course-title"
          [group]="form.controls.title"
          [label]="'authoring.settings.courseTitle' | transloco"
        />
        <div class="pair">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'authoring.settings.area' | transloco }}</mat-label>
            <mat-select formControlName="area" data-testid="course-area" required>
              @for (area of areas; track area) {
                <mat-option [value]="area">{{ areaLabels[area] | transloco }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ 'admin.dialog.required' | transloco }}</mat-error>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'authoring.settings.level' | transloco }}</mat-label>
            <mat-select formControlName="level" data-testid="course-level">
              @for (level of levels; track level) {
                <mat-option [value]="level">{{ levelLabels[level] | transloco }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'authoring.settings.hours' | transloco }}</mat-label>
            <input matInput type="number" min="0.5" step="0.5" formControlName="estimatedHours" />
            <mat-error>{{ 'authoring.settings.hoursInvalid' | transloco }}</mat-error>
          </mat-form-field>
        </div>
        <ba-org-unit-picker
          formControlName="ownerOrgUnitId"
          [administeredOnly]="false"
          [label]="'authoring.settings.owner' | transloco"
          [hint]="'authoring.settings.ownerHint' | transloco"
        />
      </mat-dialog-content>
      <ba-dialog-form-end
        [submission]="submission"
        [submitLabel]="'authoring.newCourse.create' | transloco"
      />
    </form>
  `,
  styles: `
    .fields {
      display: grid;
      gap: 0.25rem;
    }
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
      gap: 0 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewCourseDialog {
  private readonly courses = inject(CourseClient);
  private readonly dialog = inject<MatDialogRef<NewCourseDialog, CourseDetail>>(MatDialogRef);

  protected readonly languages = inject(ContentLanguages);
  protected readonly areas = THEMATIC_AREAS;
  protected readonly levels = COURSE_LEVELS;
  protected readonly areaLabels = AREA_LABELS;
  protected readonly levelLabels = LEVEL_LABELS;
  protected readonly form = new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^[a-z0-9][a-z0-9-]{1,63}$/)],
    }),
    defaultLanguage: new FormControl('en', { nonNullable: true }),
    title: contentTextGroup(this.languages.codes(), null, { required: 'en', maxLength: 200 }),
    area: new FormControl<ThematicArea | null>(null, Validators.required),
    level: new FormControl<CourseLevel>('basic', { nonNullable: true }),
    estimatedHours: new FormControl(2, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(0.5), Validators.max(1000)],
    }),
    ownerOrgUnitId: new FormControl<string | null>(
      inject(AuthSession).user()?.orgUnitId ?? null,
      Validators.required,
    ),
  });
  protected readonly submission = new FormSubmission(inject(TranslocoService));

  constructor() {
    // the default language's title is the one a course cannot be without
    this.form.controls.defaultLanguage.valueChanges.subscribe((language) => {
      for (const [code, control] of Object.entries(this.form.controls.title.controls)) {
        if (code === language) control.addValidators(Validators.required);
        else control.removeValidators(Validators.required);
        control.updateValueAndValidity();
      }
    });
  }

  protected async save(): Promise<void> {
    const value = this.form.getRawValue();
    const title = this.form.controls.title.controls;
    const created = await this.submission.submit(
      this.form,
      {
        code: this.form.controls.code,
        ownerOrgUnitId: this.form.controls.ownerOrgUnitId,
        estimatedHours: this.form.controls.estimatedHours,
        ...Object.fromEntries(Object.entries(title).map(([code, control]) => [`title.${code}`, control])),
      },
      () =>
        this.courses.create({
          code: value.code.trim(),
          title: contentTextOf(this.form.controls.title),
          area: value.area as ThematicArea,
          level: value.level,
          estimatedHours: value.estimatedHours,
          defaultLanguage: value.defaultLanguage,
          ownerOrgUnitId: value.ownerOrgUnitId as string,
        }),
    );
    if (created) this.dialog.close(created);
  }
}
