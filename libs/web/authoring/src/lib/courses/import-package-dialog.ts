import { HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Subscription } from 'rxjs';
import { CourseDetail } from '@border-academy/shared-contracts';
import { OrgUnitPicker } from '@border-academy/web-admin/shared';
import { AuthSession, CourseVersionClient } from '@border-academy/web-data-access';

import { AuthoringFailure, authoringFailure } from '../shared/authoring-problem';
import { FailureBox } from '../shared/failure-box';

/**
 * Imports another agency's course package (a ZIP) as a new draft owned by a unit of the trainer's scope:
 * the upload's progress, then the new course, or every reason the package was refused.
 */
@Component({
  selector: 'ba-import-package-dialog',
  imports: [
    FailureBox,
    MatButtonModule,
    MatDialogModule,
    MatProgressBarModule,
    OrgUnitPicker,
    ReactiveFormsModule,
    TranslocoPipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'authoring.import.title' | transloco }}</h2>
    <mat-dialog-content>
      <p>{{ 'authoring.import.intro' | transloco }}</p>
      <ba-org-unit-picker
        [formControl]="owner"
        [administeredOnly]="false"
        [label]="'authoring.settings.owner' | transloco"
      />
      <input
        #file
        class="file"
        type="file"
        accept=".zip,application/zip"
        data-testid="package-file"
        [attr.aria-label]="'authoring.import.file' | transloco"
        (change)="chosen.set(file.files?.[0] ?? null)"
      />
      @if (percent() !== null) {
        <mat-progress-bar
          mode="determinate"
          [value]="percent()"
          [attr.aria-label]="'authoring.import.progress' | transloco"
        />
      }
      <ba-failure-box [failure]="failure()" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'admin.dialog.cancel' | transloco }}</button>
      <button
        mat-flat-button
        type="button"
        data-testid="start-import"
        [disabled]="!chosen() || owner.invalid || percent() !== null"
        (click)="start()"
      >
        {{ 'authoring.import.start' | transloco }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .file {
      display: block;
      margin: 0.5rem 0 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPackageDialog {
  private readonly versions = inject(CourseVersionClient);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = inject<MatDialogRef<ImportPackageDialog, CourseDetail>>(MatDialogRef);
  private upload: Subscription | null = null;

  protected readonly owner = new FormControl<string | null>(
    inject(AuthSession).user()?.orgUnitId ?? null,
    Validators.required,
  );
  protected readonly chosen = signal<File | null>(null);
  protected readonly percent = signal<number | null>(null);
  protected readonly failure = signal<AuthoringFailure | null>(null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.upload?.unsubscribe());
  }

  protected start(): void {
    const file = this.chosen();
    if (!file || !this.owner.value) return;
    this.failure.set(null);
    this.percent.set(0);
    this.upload = this.versions.importPackage(this.owner.value, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress && event.total) {
          this.percent.set(Math.round((100 * event.loaded) / event.total));
        } else if (event.type === HttpEventType.Response && event.body) {
          this.dialog.close(event.body);
        }
      },
      error: (failure: unknown) => {
        this.percent.set(null);
        this.failure.set(authoringFailure(failure, this.transloco));
      },
    });
  }
}
