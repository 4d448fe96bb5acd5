import { Injectable, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { CourseVersion } from '@border-academy/shared-contracts';
import { CourseClient, CourseVersionClient } from '@border-academy/web-data-access';

/**
 * The version being worked on and its course, shared by the pages of the version's workspace (outline,
 * question bank, quizzes, translations, editors), so that a change one makes shows in the others.
 */
@Injectable()
export class VersionWorkspace {
  private readonly versions = inject(CourseVersionClient);
  private readonly courses = inject(CourseClient);

  readonly versionId = signal<string | null>(null);
  readonly version = rxResource({
    params: () => this.versionId() ?? undefined,
    stream: ({ params }) => this.versions.get(params),
  });
  readonly current = computed(() => (this.version.hasValue() ? this.version.value() : null));
  readonly course = rxResource({
    params: () => this.current()?.courseId,
    stream: ({ params }) => this.courses.get(params),
  });
  readonly courseDetail = computed(() => (this.course.hasValue() ? this.course.value() : null));
  /** A draft the caller may change; everything else is shown read-only. */
  readonly editable = computed(() => !!this.current()?.editable);
  readonly defaultLanguage = computed(() => this.current()?.defaultLanguage ?? 'en');

  /** A changed version from the server replaces the one shown. */
  replace(version: CourseVersion): void {
    this.version.set(version);
  }

  reload(): void {
    this.version.reload();
    this.course.reload();
  }
}
