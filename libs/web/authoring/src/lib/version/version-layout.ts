import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable, firstValueFrom } from 'rxjs';
import { CourseVersion } from '@border-academy/shared-contracts';
import { CourseClient, CourseVersionClient } from '@border-academy/web-data-access';
import { i18nKey } from '@border-academy/web-i18n';
import { ContentTextView } from '@border-academy/web-ui';

import { AuthoringFailure, authoringFailure } from '../shared/authoring-problem';
import { CompletenessBars } from '../shared/completeness-bars';
import { FailureBox } from '../shared/failure-box';
import { VERSION_STATUS_LABELS } from '../shared/labels';
import { VersionWorkspace } from './version-workspace';

const SECTIONS = [
  { path: '.', label: i18nKey('authoring.version.nav.outline'), exact: true },
  { path: 'questions', label: i18nKey('authoring.version.nav.bank'), exact: false },
  { path: 'quizzes', label: i18nKey('authoring.version.nav.quizzes'), exact: false },
  { path: 'translations', label: i18nKey('authoring.version.nav.translations'), exact: false },
];

/**
 * A course version's workspace: its title, status and the workflow's actions (submit a draft; publish
 * or return a version in review; a published one is read-only and "Edit" starts a new draft), then a
 * tab per part of its content.
 */
@Component({
  selector: 'ba-version-layout',
  imports: [
    CompletenessBars,
    ContentTextView,
    FailureBox,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatTabsModule,
    ReactiveFormsModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
  ],
  providers: [VersionWorkspace],
  templateUrl: './version-layout.html',
  styleUrl: './version-layout.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VersionLayout {
  private readonly versions = inject(CourseVersionClient);
  private readonly courses = inject(CourseClient);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  readonly versionId = input.required<string>();

  protected readonly workspace = inject(VersionWorkspace);
  protected readonly sections = SECTIONS;
  protected readonly statusLabels = VERSION_STATUS_LABELS;
  protected readonly version = this.workspace.current;
  protected readonly course = this.workspace.courseDetail;
  protected readonly canReview = computed(
    () => this.version()?.status === 'in_review' && !!this.course()?.permissions.canReview,
  );
  protected readonly canStartDraft = computed(() => {
    const course = this.course();
    return (
      this.version()?.status === 'published' && !!course?.permissions.canEdit && !course.workingVersionId
    );
  });
  protected readonly busy = signal(false);
  protected readonly failure = signal<AuthoringFailure | null>(null);
  protected readonly done = signal<string | null>(null);
  protected readonly returning = signal(false);
  protected readonly returnForm = new FormGroup({
    comment: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(2000)],
    }),
  });

  constructor() {
    effect(() => this.workspace.versionId.set(this.versionId()));
  }

  protected async submit(): Promise<void> {
    const version = this.version();
    if (version && (await this.run(this.versions.submit(version.id)))) {
      this.done.set(this.transloco.translate('authoring.version.submitted'));
    }
  }

  protected async publish(): Promise<void> {
    const version = this.version();
    if (version && (await this.run(this.versions.publish(version.id)))) {
      this.done.set(this.transloco.translate('authoring.version.published'));
    }
  }

  protected async sendBack(): Promise<void> {
    const version = this.version();
    if (!version) return;
    if (this.returnForm.invalid) {
      this.returnForm.markAllAsTouched();
      return;
    }
    if (await this.run(this.versions.return(version.id, this.returnForm.getRawValue().comment.trim()))) {
      this.returning.set(false);
      this.returnForm.reset();
      this.done.set(this.transloco.translate('authoring.version.returned'));
    }
  }

  protected async startDraft(): Promise<void> {
    const course = this.course();
    if (!course) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      const updated = await firstValueFrom(this.courses.startDraft(course.id));
      if (updated.workingVersionId)
        await this.router.navigate(['/authoring/versions', updated.workingVersionId]);
    } catch (failure) {
      this.failure.set(authoringFailure(failure, this.transloco));
    } finally {
      this.busy.set(false);
    }
  }

  private async run(call: Observable<CourseVersion>): Promise<boolean> {
    this.busy.set(true);
    this.failure.set(null);
    this.done.set(null);
    try {
      this.workspace.replace(await firstValueFrom(call));
      this.workspace.course.reload();
      return true;
    } catch (failure) {
      this.failure.set(authoringFailure(failure, this.transloco));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
