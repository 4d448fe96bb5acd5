import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import {
  AttemptQuestion,
  LearnerQuizState,
  QuizAnswer,
  QuizAttempt,
  QuizSubmissionResult,
} from '@border-academy/shared-contracts';
import { QuizAttemptClient } from '@border-academy/web-data-access';
import { ContentTextView } from '@border-academy/web-ui';

import { learningFailure } from '../shared/learning-problem';

/** Seconds left before an attempt's deadline, by the server's clock as last told. */
export function secondsLeft(
  attempt: Pick<QuizAttempt, 'deadlineAt' | 'serverNow'>,
  answeredAt: number,
  now: number,
): number | null {
  if (!attempt.deadlineAt) return null;
  const serverNowAtAnswer = Date.parse(attempt.serverNow);
  const serverNow = serverNowAtAnswer + (now - answeredAt);
  return Math.max(0, Math.floor((Date.parse(attempt.deadlineAt) - serverNow) / 1000));
}

/**
 * A quiz played inside its lesson: the learner starts an attempt (or resumes the open one), answers the
 * questions the server drew (without their answers), and submits; the server grades it. With a time
 * limit a countdown follows the server's deadline and submits when it runs out. The result shows the
 * score, pass or fail, the review where the quiz allows it, and another attempt while any are left.
 */
@Component({
  selector: 'ba-quiz-player',
  imports: [ContentTextView, MatButtonModule, TranslocoPipe],
  templateUrl: './quiz-player.html',
  styleUrl: './quiz-player.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuizPlayer {
  private readonly client = inject(QuizAttemptClient);
  private readonly transloco = inject(TranslocoService);

  readonly enrolmentId = input.required<string>();
  readonly quiz = input.required<LearnerQuizState>();
  readonly defaultLanguage = input.required<string>();
  /** Whether the learner may start attempts (their own, live enrolment). */
  readonly playable = input(true);
  readonly submitted = output<QuizSubmissionResult>();

  protected readonly attempt = signal<QuizAttempt | null>(null);
  protected readonly result = signal<QuizSubmissionResult | null>(null);
  protected readonly answers = signal<Record<string, QuizAnswer>>({});
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  private readonly answeredAt = signal(Date.now());
  private readonly now = signal(Date.now());
  private timer: ReturnType<typeof setInterval> | null = null;

  protected readonly attemptsLeft = computed(() => {
    const result = this.result();
    if (result) return result.attemptsLeft;
    const quiz = this.quiz();
    return quiz.attemptLimit === null ? null : Math.max(0, quiz.attemptLimit - quiz.attemptsUsed);
  });
  protected readonly passed = computed(() => this.result()?.attempt.passed ?? this.quiz().passed);
  protected readonly canStart = computed(
    () => this.playable() && !this.passed() && this.attemptsLeft() !== 0,
  );
  protected readonly remaining = computed(() => {
    const attempt = this.attempt();
    return attempt ? secondsLeft(attempt, this.answeredAt(), this.now()) : null;
  });
  protected readonly remainingText = computed(() => {
    const seconds = this.remaining();
    if (seconds === null) return '';
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  });
  protected readonly reviews = computed(() => {
    const result = this.result();
    return new Map((result?.attempt.review ?? []).map((review) => [review.questionId, review]));
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopTimer());
  }

  protected async start(): Promise<void> {
    await this.act(async () => {
      const quiz = this.quiz();
      const attempt = await firstValueFrom(
        quiz.openAttemptId
          ? this.client.get(quiz.openAttemptId)
          : this.client.start(this.enrolmentId(), quiz.id),
      );
      this.result.set(null);
      this.answers.set({});
      this.begin(attempt);
    });
  }

  protected async submit(): Promise<void> {
    const attempt = this.attempt();
    if (!attempt || this.busy()) return;
    await this.act(async () => {
      const result = await firstValueFrom(this.client.submit(attempt.id, Object.values(this.answers())));
      this.stopTimer();
      this.attempt.set(null);
      this.result.set(result);
      this.submitted.emit(result);
    });
  }

  protected chooseOne(question: AttemptQuestion, optionId: string): void {
    this.answer(question, { optionIds: [optionId] });
  }

  protected toggle(question: AttemptQuestion, optionId: string, checked: boolean): void {
    const chosen = new Set(this.answers()[question.id]?.optionIds ?? []);
    if (checked) chosen.add(optionId);
    else chosen.delete(optionId);
    this.answer(question, { optionIds: [...chosen] });
  }

  protected setBoolean(question: AttemptQuestion, value: boolean): void {
    this.answer(question, { value });
  }

  protected setText(question: AttemptQuestion, text: string): void {
    this.answer(question, { text });
  }

  protected isChosen(question: AttemptQuestion, optionId: string): boolean {
    return this.answers()[question.id]?.optionIds?.includes(optionId) ?? false;
  }

  private answer(question: AttemptQuestion, value: Omit<QuizAnswer, 'questionId'>): void {
    this.answers.update((answers) => ({ ...answers, [question.id]: { questionId: question.id, ...value } }));
  }

  private begin(attempt: QuizAttempt): void {
    this.attempt.set(attempt);
    this.answeredAt.set(Date.now());
    this.now.set(Date.now());
    this.stopTimer();
    if (!attempt.deadlineAt) return;
    this.timer = setInterval(() => {
      this.now.set(Date.now());
      // the server still accepts a submission shortly after the deadline; sending at zero keeps the answers
      if (this.remaining() === 0) {
        this.stopTimer();
        void this.submit();
      }
    }, 1000);
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  private async act(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.failure.set(null);
    try {
      await action();
    } catch (failure) {
      this.failure.set(learningFailure(failure, this.transloco));
    } finally {
      this.busy.set(false);
    }
  }
}
