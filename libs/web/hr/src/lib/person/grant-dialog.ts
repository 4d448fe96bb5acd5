import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Subscription } from 'rxjs';
import { EvidenceRef, QualificationRef, StaffQualification } from '@border-academy/shared-contracts';
import {
  DialogFormEnd,
  FormSubmission,
  LocalizedPipe,
  describeFailure,
} from '@border-academy/web-admin/shared';
import { StaffClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';

export interface GrantDialogData {
  userId: string;
  personName: string;
  qualification: QualificationRef;
}

/** The longest note or reason the API keeps. */
export const NOTE_MAX_LENGTH = 2000;

/** Today as the date input shows it (`2026-03-01`), in the user's own time zone. */
export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/**
 * HR records a grant of a qualification: from an assessed event or on their own word, with a note, the
 * day it was earned and optionally a file as evidence (uploaded first, with its progress shown). Closes
 * with the person's new standing on the qualification.
 */
@Component({
  selector: 'ba-grant-dialog',
  imports: [
    DialogFormEnd,
    LocalizedPipe,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'hr.grant.title' | transloco }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="fields">
        <p class="summary">
          {{
            'hr.grant.summary'
              | transloco
                : { name: data.personName, qualification: (data.qualification.name | localized: language()) }
          }}
        </p>
        <mat-radio-group
          class="source"
          formControlName="source"
          [attr.aria-label]="'hr.grant.source' | transloco"
        >
          <mat-radio-button value="assessment">{{ 'hr.sources.assessment' | transloco }}</mat-radio-button>
          <mat-radio-button value="manual">{{ 'hr.sources.manual' | transloco }}</mat-radio-button>
        </mat-radio-group>
        <mat-form-field>
          <mat-label>{{ 'hr.grant.grantedAt' | transloco }}</mat-label>
          <input
            matInput
            type="date"
            formControlName="grantedAt"
            [max]="maxDate"
            data-testid="grant-date"
            required
          />
          <mat-hint>{{ 'hr.grant.grantedAtHint' | transloco }}</mat-hint>
          @if (form.controls.grantedAt.hasError('required')) {
            <mat-error>{{ 'admin.dialog.required' | transloco }}</mat-error>
          } @else if (form.controls.grantedAt.hasError('server')) {
            <mat-error>{{ form.controls.grantedAt.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'hr.grant.note' | transloco }}</mat-label>
          <textarea matInput formControlName="note" rows="3" data-testid="grant-note" required></textarea>
          <mat-hint>{{ 'hr.grant.noteHint' | transloco }}</mat-hint>
          @if (form.controls.note.hasError('required') || form.controls.note.hasError('pattern')) {
            <mat-error>{{ 'admin.dialog.required' | transloco }}</mat-error>
          } @else if (form.controls.note.hasError('maxlength')) {
            <mat-error>{{ 'admin.dialog.tooLong' | transloco: { max: noteMax } }}</mat-error>
          } @else if (form.controls.note.hasError('server')) {
            <mat-error>{{ form.controls.note.getError('server') }}</mat-error>
          }
        </mat-form-field>
        <div class="evidence">
          <label class="file-label">
            <span>{{ 'hr.grant.evidence' | transloco }}</span>
            <input #file type="file" data-testid="grant-evidence" (change)="upload(file)" />
          </label>
          @if (uploadPercent() !== null) {
            <mat-progress-bar
              mode="determinate"
              [value]="uploadPercent()"
              [attr.aria-label]="'hr.grant.uploading' | transloco"
            />
          }
          <div role="status">
            @if (evidence(); as evidence) {
              <p>{{ 'hr.grant.evidenceAttached' | transloco: { name: evidence.fileName } }}</p>
            }
          </div>
          <div role="alert" class="error">
            @if (uploadFailure(); as message) {
              <p>{{ message }}</p>
            }
          </div>
        </div>
      </mat-dialog-content>
      <ba-dialog-form-end [submission]="submission" [submitLabel]="'hr.grant.submit' | transloco" />
    </form>
  `,
  styleUrl: '../shared/hr-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GrantDialog {
  private readonly staff = inject(StaffClient);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = inject<MatDialogRef<GrantDialog, StaffQualification>>(MatDialogRef);
  private uploading: Subscription | null = null;

  protected readonly data = inject<GrantDialogData>(MAT_DIALOG_DATA);
  protected readonly language = inject(LanguagePreference).active;
  protected readonly noteMax = NOTE_MAX_LENGTH;
  protected readonly maxDate = today();
  protected readonly form = new FormGroup({
    source: new FormControl<'assessment' | 'manual'>('assessment', { nonNullable: true }),
    grantedAt: new FormControl(today(), { nonNullable: true, validators: [Validators.required] }),
    note: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(NOTE_MAX_LENGTH)],
    }),
  });
  protected readonly submission = new FormSubmission(this.transloco);
  protected readonly evidence = signal<EvidenceRef | null>(null);
  protected readonly uploadPercent = signal<number | null>(null);
  protected readonly uploadFailure = signal<string | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.uploading?.unsubscribe());
  }

  protected upload(input: HTMLInputElement): void {
    const file = input.files?.[0];
    this.uploading?.unsubscribe();
    this.evidence.set(null);
    this.uploadFailure.set(null);
    if (!file) return;
    this.uploadPercent.set(0);
    this.uploading = this.staff.uploadEvidence(file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress && event.total) {
          this.uploadPercent.set(Math.round((100 * event.loaded) / event.total));
        } else if (event.type === HttpEventType.Response && event.body) {
          this.uploadPercent.set(null);
          this.evidence.set(event.body);
        }
      },
      error: (failure: unknown) => {
        this.uploadPercent.set(null);
        input.value = '';
        this.uploadFailure.set(describeFailure(failure, this.transloco));
      },
    });
  }

  protected async save(): Promise<void> {
    // a file still on its way would be left out of the grant
    if (this.uploadPercent() !== null) return;
    const { source, grantedAt, note } = this.form.controls;
    const saved = await this.submission.submit(this.form, { source, grantedAt, note }, () =>
      this.staff.grant(this.data.userId, this.data.qualification.id, {
        source: source.value,
        note: note.value.trim(),
        evidenceId: this.evidence()?.id ?? null,
        grantedAt: new Date(`${grantedAt.value}T00:00:00`).toISOString(),
      }),
    );
    if (saved) this.dialog.close(saved);
  }
}
