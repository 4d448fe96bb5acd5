import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Observable, firstValueFrom } from 'rxjs';
import {
  COURSE_LEVELS,
  CourseDetail,
  CourseLevel,
  CourseVersionHistoryEntry,
  LESSON_COMPLETION_RULES,
  LessonCompletionRule,
  OrgUnitRef,
  PersonRef,
  THEMATIC_AREAS,
  ThematicArea,
  UpdateCourseRequest,
} from '@border-academy/shared-contracts';
import { LocalizedPipe, OrgUnitPicker } from '@border-academy/web-admin/shared';
import { CourseClient } from '@border-academy/web-data-access';
import { LanguagePreference, i18nKey } from '@border-academy/web-i18n';
import { ContentTextView, saveBlob } from '@border-academy/web-ui';

import { AuthoringFailure, authoringFailure } from '../shared/authoring-problem';
import { ContentLanguages } from '../shared/content-languages';
import { FailureBox } from '../shared/failure-box';
import { AREA_LABELS, COURSE_STATUS_LABELS, LEVEL_LABELS, VERSION_STATUS_LABELS } from '../shared/labels';
import { AuthorPicker } from './author-picker';
import { CoursePicker } from './course-picker';

const COMPLETION_LABELS: Record<LessonCompletionRule, string> = {
  opened: i18nKey('authoring.settings.completion.opened'),
  'marked-done': i18nKey('authoring.settings.completion.marked-done'),
};

/**
 * A course: its settings (not versioned), the history of its versions with who submitted, returned and
 * published what and when, and what may be done with it: open the draft or the published version, start
 * a new draft from the published one, archive or restore, export the published version as a package.
 */
@Component({
  selector: 'ba-course-page',
  imports: [
    ContentTextView,
    CoursePicker,
    FailureBox,
    LocalizedPipe,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    OrgUnitPicker,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    AuthorPicker,
  ],
  templateUrl: './course-page.html',
  styleUrl: './course-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CoursePage {
  private readonly courses = inject(CourseClient);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  readonly courseId = input.required<string>();

  protected readonly language = inject(LanguagePreference).active;
  protected readonly languages = inject(ContentLanguages);
  protected readonly areas = THEMATIC_AREAS;
  protected readonly levels = COURSE_LEVELS;
  protected readonly completionRules = LESSON_COMPLETION_RULES;
  protected readonly areaLabels = AREA_LABELS;
  protected readonly levelLabels = LEVEL_LABELS;
  protected readonly statusLabels = COURSE_STATUS_LABELS;
  // the history table's rows are untyped in the template: read with any key
  protected readonly versionStatusLabels: Record<string, string> = VERSION_STATUS_LABELS;
  protected readonly completionLabels = COMPLETION_LABELS;
  protected readonly historyColumns = ['number', 'status', 'created', 'submitted', 'published', 'comment'];

  protected readonly course = rxResource({
    params: () => this.courseId(),
    stream: ({ params }) => this.courses.get(params),
  });
  protected readonly detail = computed(() => (this.course.hasValue() ? this.course.value() : null));
  protected readonly busy = signal(false);
  protected readonly failure = signal<AuthoringFailure | null>(null);
  protected readonly saved = signal(false);

  // lists the form edits beside its fields; the server takes their ids
  protected readonly audience = signal<OrgUnitRef[]>([]);
  protected readonly authors = signal<PersonRef[]>([]);
  protected readonly competencyIds = new FormControl<string[]>([], { nonNullable: true });
  protected readonly prerequisites = signal<{ id: string; label: string }[]>([]);
  protected readonly competencies = rxResource({
    params: () => this.detail()?.area,
    stream: ({ params }) => this.courses.competencies({ area: params, pageSize: 100 }),
  });

  protected readonly addAudience = new FormControl<string | null>(null);
  protected readonly addAuthor = new FormControl<string | null>(null);
  protected readonly addPrerequisite = new FormControl<string | null>(null);

  protected readonly settings = new FormGroup({
    code: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/^[a-z0-9][a-z0-9-]{1,63}$/)],
    }),
    area: new FormControl<ThematicArea>('IBM', { nonNullable: true }),
    level: new FormControl<CourseLevel>('basic', { nonNullable: true }),
    estimatedHours: new FormControl(1, {
      nonNullable: true,
      validators: [Validators.required, Validators.min(0.5), Validators.max(1000)],
    }),
    defaultLanguage: new FormControl('en', { nonNullable: true }),
    selfEnrolment: new FormControl(false, { nonNullable: true }),
    lessonCompletion: new FormControl<LessonCompletionRule>('opened', { nonNullable: true }),
  });

  constructor() {
    effect(() => {
      const course = this.detail();
      if (course) untracked(() => this.fill(course));
    });
    this.addAuthor.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => this.pickAuthor(id));
    this.addPrerequisite.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => this.pickPrerequisite(id));
  }

  protected versionDate(at: string | null, by: PersonRef | null): string {
    if (!at) return '—';
    const when = new Intl.DateTimeFormat(this.transloco.getActiveLang(), {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(at));
    return by ? `${when} · ${by.fullName}` : when;
  }

  protected versionLink(entry: CourseVersionHistoryEntry): string[] {
    return ['/authoring/versions', entry.id];
  }

  protected pickAudience(unit: { id: string; name: OrgUnitRef['name'] } | null): void {
    if (!unit || this.audience().some((u) => u.id === unit.id)) return;
    this.audience.update((units) => [...units, { id: unit.id, name: unit.name }]);
    this.settings.markAsDirty();
  }

  protected removeAudience(id: string): void {
    this.audience.update((units) => units.filter((unit) => unit.id !== id));
    this.settings.markAsDirty();
  }

  protected removeAuthor(id: string): void {
    this.authors.update((people) => people.filter((person) => person.id !== id));
    this.settings.markAsDirty();
  }

  protected removePrerequisite(id: string): void {
    this.prerequisites.update((courses) => courses.filter((course) => course.id !== id));
    this.settings.markAsDirty();
  }

  protected async saveSettings(): Promise<void> {
    const course = this.detail();
    if (!course) return;
    if (this.settings.invalid) {
      this.settings.markAllAsTouched();
      return;
    }
    const value = this.settings.getRawValue();
    const request: UpdateCourseRequest = {
      ...value,
      code: value.code.trim(),
      audienceOrgUnitIds: this.audience().map((unit) => unit.id),
      authorIds: this.authors().map((person) => person.id),
      competencyIds: this.competencyIds.value,
      prerequisiteCourseIds: this.prerequisites().map((prerequisite) => prerequisite.id),
    };
    if (await this.run(this.courses.update(course.id, request))) this.saved.set(true);
  }

  protected async startDraft(): Promise<void> {
    const course = this.detail();
    const updated = course && (await this.run(this.courses.startDraft(course.id)));
    if (updated?.workingVersionId)
      await this.router.navigate(['/authoring/versions', updated.workingVersionId]);
  }

  protected async setArchived(archived: boolean): Promise<void> {
    const course = this.detail();
    if (course) await this.run(this.courses.setArchived(course.id, archived));
  }

  protected async exportPackage(): Promise<void> {
    const course = this.detail();
    if (!course?.currentVersionId) return;
    const blob = await this.run(this.courses.exportPackage(course.currentVersionId), false);
    if (blob) saveBlob(blob, `${course.code}.zip`);
  }

  /** One action at a time; its failure is said beside the actions, its answer replaces the course. */
  private async run<T>(call: Observable<T>, replaces = true): Promise<T | null> {
    this.busy.set(true);
    this.failure.set(null);
    this.saved.set(false);
    try {
      const answer = await firstValueFrom(call);
      if (replaces) this.course.set(answer as CourseDetail);
      return answer;
    } catch (failure) {
      this.failure.set(authoringFailure(failure, this.transloco));
      return null;
    } finally {
      this.busy.set(false);
    }
  }

  private fill(course: CourseDetail): void {
    this.settings.reset({
      code: course.code,
      area: course.area,
      level: course.level,
      estimatedHours: course.estimatedHours,
      defaultLanguage: course.defaultLanguage,
      selfEnrolment: course.selfEnrolment,
      lessonCompletion: course.lessonCompletion,
    });
    this.audience.set(course.audience);
    this.authors.set(course.authors);
    this.competencyIds.setValue(course.competencies.map((competency) => competency.id));
    this.prerequisites.set(
      course.prerequisites.map((prerequisite) => ({ id: prerequisite.id, label: prerequisite.code })),
    );
    if (course.permissions.canEdit) this.settings.enable();
    else this.settings.disable();
  }

  private pickAuthor(id: string | null): void {
    if (!id || this.authors().some((person) => person.id === id)) return;
    this.courses.authorCandidates(this.courseId(), { id }).subscribe((page) => {
      const person = page.items[0];
      if (!person) return;
      this.authors.update((people) => [...people, { id, fullName: person.fullName }]);
      this.addAuthor.setValue(null);
      this.settings.markAsDirty();
    });
  }

  private pickPrerequisite(id: string | null): void {
    if (!id || this.prerequisites().some((course) => course.id === id)) return;
    this.courses.get(id).subscribe((course) => {
      this.prerequisites.update((courses) => [...courses, { id, label: course.code }]);
      this.addPrerequisite.setValue(null);
      this.settings.markAsDirty();
    });
  }
}
