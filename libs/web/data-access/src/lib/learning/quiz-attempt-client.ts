import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { QuizAnswer, QuizAttempt, QuizSubmissionResult } from '@border-academy/shared-contracts';
import { withoutErrorNotification } from '../error-notification';
import { segment } from '../authoring/course-client';
import { LEARNING_API } from './enrolment-client';

/** Quiz attempts of the learner: start (or resume the open one), read, submit once. The quiz player shows failures. */
@Injectable({ providedIn: 'root' })
export class QuizAttemptClient {
  private readonly http = inject(HttpClient);
  private readonly context = withoutErrorNotification;

  /** Starts an attempt, or answers the open one; questions come without answers. */
  start(enrolmentId: string, quizId: string): Observable<QuizAttempt> {
    return this.http.post<QuizAttempt>(
      `${LEARNING_API}/enrolments/${segment(enrolmentId)}/quiz-attempts`,
      { quizId },
      { context: this.context() },
    );
  }

  get(attemptId: string): Observable<QuizAttempt> {
    return this.http.get<QuizAttempt>(`${LEARNING_API}/quiz-attempts/${segment(attemptId)}`, {
      context: this.context(),
    });
  }

  submit(attemptId: string, answers: QuizAnswer[]): Observable<QuizSubmissionResult> {
    return this.http.post<QuizSubmissionResult>(
      `${LEARNING_API}/quiz-attempts/${segment(attemptId)}/submission`,
      { answers },
      { context: this.context() },
    );
  }
}
