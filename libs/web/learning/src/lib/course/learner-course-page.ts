import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { EnrolmentSummary, LearnerCourse } from '@border-academy/shared-contracts';
import { LocalizedPipe } from '@border-academy/web-admin/shared';
import { EnrolmentClient } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';
import { ContentTextView, languageName } from '@border-academy/web-ui';

import {
  AREA_LABELS,
  ENROLMENT_STATUS_LABELS,
  LESSON_KIND_LABELS,
  LEVEL_LABELS,
  formatDate,
  isLive,
} from '../shared/labels';
import { isNotFound, learningFailure } from '../shared/learning-problem';

/** The lesson to open for an enrolment: the one to continue, else the course's first. */
export function lessonToOpen(
  course: Pick<LearnerCourse, 'modules'>,
  enrolment: EnrolmentSummary,
): string | null {
  return enrolment.continueLessonId ?? enrolment.lastLessonId ?? course.modules[0]?.lessons[0]?.id ?? null;
}

/**
 * A course as a learner considers it: what it teaches, its outline, hours and languages, and what they
 * can do: enrol where self-enrolment is open, or continue at the exact lesson where they stopped, and
 * withdraw from their own self-enrolment (asked once more, since the progress stays behind).
 */
@Component({
  selector: 'ba-learner-course-page',
  imports: [ContentTextView, LocalizedPipe, MatButtonModule, MatProgressBarModule, RouterLink, TranslocoPipe],
  templateUrl: './learner-course-page.html',
  styleUrl: './learner-course-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LearnerCoursePage {
  private readonly client = inject(EnrolmentClient);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  readonly courseId = input.required<string>();

  protected readonly language = inject(LanguagePreference).active;
  protected readonly areaLabels = AREA_LABELS;
  protected readonly levelLabels = LEVEL_LABELS;
  protected readonly statusLabels = ENROLMENT_STATUS_LABELS;
  protected readonly kindLabels = LESSON_KIND_LABELS;
  protected readonly course = rxResource({
    params: () => this.courseId(),
    stream: ({ params }) => this.client.course(params),
  });
  protected readonly notFound = computed(() => isNotFound(this.course.error()));
  protected readonly busy = signal(false);
  protected readonly confirmingWithdrawal = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly done = signal<string | null>(null);

  protected languagesOf(course: LearnerCourse): string {
    return course.languages.map((code) => languageName(code, this.language())).join(', ');
  }

  protected date(value: string | null): string {
    return formatDate(value, this.language());
  }

  protected continueLink(course: LearnerCourse): unknown[] | null {
    const enrolment = course.enrolment;
    if (!enrolment || !isLive(enrolment.status)) return null;
    const lessonId = lessonToOpen(course, enrolment);
    return lessonId ? ['/learning/enrolments', enrolment.id, 'lessons', lessonId] : null;
  }

  protected async enrol(course: LearnerCourse): Promise<void> {
    await this.act(async () => {
      const enrolment = await firstValueFrom(this.client.enrol(course.id));
      const lessonId = lessonToOpen(course, enrolment);
      if (lessonId) await this.router.navigate(['/learning/enrolments', enrolment.id, 'lessons', lessonId]);
      else this.course.reload();
    });
  }

  protected async withdraw(enrolment: EnrolmentSummary): Promise<void> {
    await this.act(async () => {
      await firstValueFrom(this.client.withdraw(enrolment.id));
      this.confirmingWithdrawal.set(false);
      this.done.set(this.transloco.translate('learning.course.withdrawn'));
      this.course.reload();
    });
  }

  private async act(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    this.done.set(null);
    try {
      await action();
    } catch (failure) {
      this.failure.set(learningFailure(failure, this.transloco));
    } finally {
      this.busy.set(false);
    }
  }
}
