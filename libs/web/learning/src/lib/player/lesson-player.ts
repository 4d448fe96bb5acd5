import { BreakpointObserver } from '@angular/cdk/layout';
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
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { map } from 'rxjs';
import { EnrolmentDetail, LearnerLesson, QuizSubmissionResult } from '@border-academy/shared-contracts';
import { EnrolmentClient, ProgressQueue } from '@border-academy/web-data-access';
import { LanguagePreference } from '@border-academy/web-i18n';
import { ContentTextView, contentTextIn } from '@border-academy/web-ui';

import { QuizPlayer } from '../quiz/quiz-player';
import { CertificateDownload } from '../shared/certificate-download';
import { enrolmentView } from '../shared/enrolment-view';
import { LESSON_STATE_LABELS, isLive } from '../shared/labels';
import { isNotFound } from '../shared/learning-problem';
import { SyncStatus } from '../shared/sync-status';

// Below this width the outline would squeeze the lesson, so it folds away behind a button.
const NARROW_SCREEN = '(max-width: 839.98px)';

/**
 * The lesson player: the lesson's text first (HTML the server rendered and sanitised), then its video
 * (loaded only when scrolled to), document or link, or the quiz it plays; previous and next; "mark as
 * done" where the course asks for it. Opening a lesson records an `opened` event through the offline
 * queue, and the outline and progress show what the server will count once the queue is sent. The next
 * lesson is read ahead, so that it opens even if the network drops in between.
 */
@Component({
  selector: 'ba-lesson-player',
  imports: [
    CertificateDownload,
    ContentTextView,
    MatButtonModule,
    MatProgressBarModule,
    QuizPlayer,
    RouterLink,
    SyncStatus,
    TranslocoPipe,
  ],
  templateUrl: './lesson-player.html',
  styleUrl: './lesson-player.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LessonPlayer {
  private readonly client = inject(EnrolmentClient);
  private readonly queue = inject(ProgressQueue);

  readonly enrolmentId = input.required<string>();
  readonly lessonId = input.required<string>();

  protected readonly language = inject(LanguagePreference).active;
  protected readonly stateLabels = LESSON_STATE_LABELS;
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly outlineOpen = signal(false);

  protected readonly enrolment = rxResource({
    params: () => this.enrolmentId(),
    stream: ({ params }) => this.client.enrolment(params),
  });
  protected readonly lesson = rxResource({
    params: () => ({ enrolmentId: this.enrolmentId(), lessonId: this.lessonId() }),
    stream: ({ params }) => this.client.lesson(params.enrolmentId, params.lessonId),
  });
  protected readonly notFound = computed(
    () => isNotFound(this.enrolment.error()) || isNotFound(this.lesson.error()),
  );

  protected readonly view = computed(() => {
    if (!this.enrolment.hasValue()) return null;
    const detail = this.enrolment.value();
    return enrolmentView(detail, this.queue.progress().get(detail.id), this.queue.pending());
  });
  /** Whether this person records progress here: their own enrolment, still open. */
  protected readonly recording = computed(() => {
    const detail = this.enrolment.hasValue() ? this.enrolment.value() : null;
    const view = this.view();
    return !!detail && !!view && detail.isOwn && isLive(view.status);
  });
  protected readonly body = computed(() => {
    if (!this.lesson.hasValue() || !this.enrolment.hasValue()) return null;
    return contentTextIn(
      this.lesson.value().bodyHtml,
      this.language(),
      this.enrolment.value().defaultLanguage,
    );
  });
  protected readonly quiz = computed(() => {
    if (!this.lesson.hasValue() || !this.enrolment.hasValue()) return null;
    const quizId = this.lesson.value().quizId;
    return this.enrolment.value().quizzes.find((quiz) => quiz.id === quizId) ?? null;
  });
  protected readonly currentState = computed(() => this.view()?.states.get(this.lessonId()) ?? 'not_started');

  private openedFor: string | null = null;

  constructor() {
    // One `opened` event per visit to a lesson, once both it and the enrolment are known.
    effect(() => {
      if (!this.lesson.hasValue() || !this.recording()) return;
      const lesson = this.lesson.value();
      const key = `${lesson.enrolmentId}/${lesson.id}`;
      if (this.openedFor === key) return;
      this.openedFor = key;
      untracked(() => {
        void this.queue.record(lesson.enrolmentId, lesson.id, 'opened');
        if (lesson.nextLessonId) this.client.prefetchLesson(lesson.enrolmentId, lesson.nextLessonId);
      });
    });
  }

  protected lessonLink(lessonId: string): unknown[] {
    return ['/learning/enrolments', this.enrolmentId(), 'lessons', lessonId];
  }

  protected markDone(lesson: LearnerLesson): void {
    void this.queue.record(lesson.enrolmentId, lesson.id, 'done');
  }

  protected quizSubmitted(result: QuizSubmissionResult): void {
    this.queue.acknowledge(result.enrolment, result.issuedCertificate);
    // attempts used, best score and a passed quiz come with the enrolment
    this.enrolment.reload();
  }

  protected lessonCount(detail: EnrolmentDetail): number {
    return detail.modules.reduce((count, module) => count + module.lessons.length, 0);
  }

  protected sizeInMegabytes(bytes: number): string {
    return (bytes / 1_048_576).toFixed(1);
  }
}
