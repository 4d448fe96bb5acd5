import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { lastValueFrom, tap } from 'rxjs';
import { ENROLMENT_STATUSES, TrainingRecordsQuery } from '@border-academy/shared-contracts';
import { OrgUnitPicker, describeFailure } from '@border-academy/web-admin/shared';
import { ComplianceClient, trainingRecordsFileName } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';
import { saveBlob } from '@border-academy/web-ui';

import { CoursePicker } from '../shared/course-picker';
import { HrScope } from '../shared/hr-scope';
import { enrolmentStatusLabel } from '../shared/labels';

/**
 * HR's record of learning as a file: one CSV row per enrolment of the people of the scope, narrowed by
 * unit subtree, course, status and completion days. The API streams it (a million rows at the largest
 * scopes), so the page shows how much has arrived until the file is saved.
 */
@Component({
  selector: 'ba-training-records-page',
  imports: [
    CoursePicker,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    OrgUnitPicker,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  template: `
    <h2>{{ 'hr.records.heading' | transloco }}</h2>
    <p class="intro">{{ 'hr.records.intro' | transloco }}</p>
    <form
      class="filters"
      [formGroup]="form"
      [attr.aria-label]="'hr.records.filters' | transloco"
      (ngSubmit)="download()"
    >
      <ba-org-unit-picker
        formControlName="unitId"
        data-testid="records-unit"
        [label]="'hr.compliance.filters.unit' | transloco"
        [hint]="'hr.compliance.filters.unitHint' | transloco"
        [administeredOnly]="false"
        [exclude]="outsideScope()"
      />
      <ba-course-picker formControlName="courseId" [label]="'hr.records.course' | transloco" />
      <mat-form-field appearance="outline">
        <mat-label>{{ 'hr.records.status' | transloco }}</mat-label>
        <mat-select formControlName="status" data-testid="records-status">
          <mat-option value="">{{ 'hr.records.anyStatus' | transloco }}</mat-option>
          @for (status of statuses; track status) {
            <mat-option [value]="status">{{ statusLabel(status) | transloco }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'hr.records.completedFrom' | transloco }}</mat-label>
        <input matInput type="date" formControlName="completedFrom" data-testid="records-from" />
      </mat-form-field>
      <mat-form-field appearance="outline">
        <mat-label>{{ 'hr.records.completedTo' | transloco }}</mat-label>
        <input matInput type="date" formControlName="completedTo" data-testid="records-to" />
      </mat-form-field>
      <div class="actions">
        <button mat-flat-button type="submit" data-testid="records-export" [disabled]="received() !== null">
          {{ 'hr.records.download' | transloco }}
        </button>
      </div>
    </form>
    @if (received() !== null) {
      @let bytes = received() ?? 0;
      <mat-progress-bar
        mode="indeterminate"
        data-testid="records-progress"
        [attr.aria-label]="'hr.records.receiving' | transloco: { size: size(bytes) }"
      />
      <p class="secondary" data-testid="records-received">
        {{ 'hr.records.receiving' | transloco: { size: size(bytes) } }}
      </p>
    }
    <div role="status" class="visually-hidden">
      @if (saved(); as bytes) {
        {{ 'hr.records.saved' | transloco: { size: size(bytes) } }}
      }
    </div>
    <div role="alert" class="error">
      @if (failure(); as message) {
        <p>{{ message }}</p>
      }
    </div>
  `,
  styleUrl: '../lists/list-page.scss',
  styles: `
    .intro {
      max-width: 48rem;
    }
    .actions {
      flex: 0 0 auto;
      margin-top: 0.6rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrainingRecordsPage {
  private readonly client = inject(ComplianceClient);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguagePreference).active;

  protected readonly outsideScope = inject(HrScope).outside;
  protected readonly statuses = ENROLMENT_STATUSES;
  protected readonly statusLabel = enrolmentStatusLabel;
  /** Bytes received while an export runs (0 before the first arrive); null when none runs. */
  protected readonly received = signal<number | null>(null);
  protected readonly saved = signal<number | null>(null);
  protected readonly failure = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    unitId: [null as string | null],
    courseId: [null as string | null],
    status: [''],
    completedFrom: [''],
    completedTo: [''],
  });

  protected size(bytes: number): string {
    const megabytes = bytes / 1_000_000;
    return new Intl.NumberFormat(this.language(), {
      style: 'unit',
      unit: megabytes >= 1 ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    }).format(megabytes >= 1 ? megabytes : bytes / 1000);
  }

  protected async download(): Promise<void> {
    if (this.received() !== null) return;
    const values = this.form.getRawValue();
    this.saved.set(null);
    this.failure.set(null);
    if (values.completedFrom && values.completedTo && values.completedFrom > values.completedTo) {
      this.failure.set(this.transloco.translate('hr.records.badRange'));
      return;
    }
    const query: TrainingRecordsQuery = {
      unitId: values.unitId ?? undefined,
      courseId: values.courseId ?? undefined,
      status: (values.status || undefined) as TrainingRecordsQuery['status'],
      completedFrom: values.completedFrom || undefined,
      completedTo: values.completedTo || undefined,
      language: this.language(),
    };
    this.received.set(0);
    try {
      const last = await lastValueFrom(
        this.client.trainingRecords(query).pipe(tap((progress) => this.received.set(progress.received))),
      );
      if (last.file) {
        saveBlob(last.file, trainingRecordsFileName());
        this.saved.set(last.file.size);
      }
    } catch (failure) {
      this.failure.set(describeFailure(failure, this.transloco));
    } finally {
      this.received.set(null);
    }
  }
}
