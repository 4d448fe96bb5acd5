import { Injectable } from '@nestjs/common';
import { AccessContext, ValidationProblemException } from '@border-academy/api-platform';
import {
  QuizAttempt,
  QuizSubmissionResult,
  StartQuizAttemptRequest,
  SubmitQuizAttemptRequest,
} from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import { EnrolmentService } from '../enrolments/enrolment.service';
import {
  EnrolmentNotActiveError,
  LearningRecordNotFoundError,
  QuizAlreadyPassedError,
  QuizAttemptAlreadySubmittedError,
  QuizAttemptDeadlinePassedError,
  QuizAttemptLimitReachedError,
} from '../learning.errors';
import { ProgressService } from '../progress/progress.service';
import { gradeAttempt } from './grading';
import { AttemptRecord, QuizAttemptRepository, QuizRecord } from './quiz-attempt.repository';

function iso(value: Date | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/**
 * Quiz attempts: drawn and timed on the server, graded on the server, the attempt limit and "one
 * submission per attempt" decided under the enrolment's row lock. A submission after the deadline
 * and its grace is refused (409) and closes the attempt unscored, so it counts as used; the rule is
 * the same for every quiz.
 */
@Injectable()
export class QuizAttemptService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly attempts: QuizAttemptRepository,
    private readonly enrolments: EnrolmentService,
    private readonly progress: ProgressService,
  ) {}

  /** Starts an attempt, or answers the open one (a retried start does not use up an attempt). */
  async start(
    access: AccessContext,
    enrolmentId: string,
    request: StartQuizAttemptRequest,
  ): Promise<QuizAttempt> {
    const id = await this.dataSource.transaction(async (manager) => {
      const record = await this.enrolments.readable(manager, access, enrolmentId, true);
      if (record.userId !== access.principal.userId)
        throw new LearningRecordNotFoundError('enrolment', enrolmentId);
      if (!['enrolled', 'in_progress'].includes(record.status))
        throw new EnrolmentNotActiveError(record.status);
      const quiz = await this.attempts.findQuiz(manager, request.quizId);
      if (!quiz || quiz.versionId !== record.courseVersionId) {
        throw new LearningRecordNotFoundError('quiz of this enrolment', request.quizId);
      }
      await this.attempts.closeLate(manager, enrolmentId, quiz.id);
      const open = await this.attempts.findOpen(manager, enrolmentId, quiz.id);
      if (open) return open.id;
      const { attempts, passed } = await this.attempts.counts(manager, enrolmentId, quiz.id);
      if (passed) throw new QuizAlreadyPassedError();
      if (quiz.attemptLimit !== null && attempts >= quiz.attemptLimit) {
        throw new QuizAttemptLimitReachedError(quiz.attemptLimit);
      }
      const questionIds = await this.attempts.drawQuestions(manager, quiz);
      const created = await this.attempts.insertAttempt(
        manager,
        enrolmentId,
        quiz,
        attempts + 1,
        questionIds,
      );
      await this.progress.settle(manager, [enrolmentId]);
      return created;
    });
    return this.get(access, id);
  }

  async submit(
    access: AccessContext,
    attemptId: string,
    request: SubmitQuizAttemptRequest,
  ): Promise<QuizSubmissionResult> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const found = await this.attempts.findAttempt(manager, attemptId);
      if (!found) throw new LearningRecordNotFoundError('quiz attempt', attemptId);
      const record = await this.enrolments.readable(manager, access, found.enrolmentId, true);
      if (record.userId !== access.principal.userId)
        throw new LearningRecordNotFoundError('quiz attempt', attemptId);
      // read again under the lock: a submission that waited for it sees the one before it
      const attempt = await this.attempts.findAttempt(manager, attemptId);
      if (!attempt || attempt.closedAt) throw new QuizAttemptAlreadySubmittedError();
      if (attempt.late) {
        await this.attempts.closeLate(manager, attempt.enrolmentId, attempt.quizId);
        const settled = await this.progress.settle(manager, [attempt.enrolmentId]);
        return { late: true as const, deadline: iso(attempt.deadlineAt) ?? '', settled };
      }
      this.checkAnswers(attempt, request);
      const quiz = (await this.attempts.findQuiz(manager, attempt.quizId)) as QuizRecord;
      const questions = await this.attempts.gradedQuestions(manager, attempt.questionIds);
      const grade = gradeAttempt(questions, request.answers, quiz.passMarkPercent);
      if (!(await this.attempts.submit(manager, attempt.id, request.answers, grade))) {
        throw new QuizAttemptAlreadySubmittedError();
      }
      const settled = await this.progress.settle(manager, [attempt.enrolmentId]);
      const { attempts } = await this.attempts.counts(manager, attempt.enrolmentId, quiz.id);
      return { late: false as const, settled, quiz, attempts };
    });
    // the closing of a late attempt is committed; the refusal follows it
    if (outcome.late) throw new QuizAttemptDeadlinePassedError(outcome.deadline);
    const [enrolment] = outcome.settled.progress;
    if (!enrolment) throw new LearningRecordNotFoundError('quiz attempt', attemptId);
    return {
      attempt: await this.get(access, attemptId),
      attemptsLeft:
        outcome.quiz.attemptLimit === null ? null : Math.max(0, outcome.quiz.attemptLimit - outcome.attempts),
      enrolment,
      issuedCertificate: outcome.settled.issued[0] ?? null,
    };
  }

  /** An attempt as its learner (or someone who may read their records) sees it: answers only once allowed. */
  async get(access: AccessContext, attemptId: string): Promise<QuizAttempt> {
    const manager = this.dataSource.manager;
    const attempt = await this.attempts.findAttempt(manager, attemptId);
    if (!attempt) throw new LearningRecordNotFoundError('quiz attempt', attemptId);
    await this.readableAttempt(manager, access, attempt);
    const quiz = (await this.attempts.findQuiz(manager, attempt.quizId)) as QuizRecord;
    const submitted = attempt.submittedAt !== null;
    let review: QuizAttempt['review'] = null;
    if (submitted && quiz.allowReview) {
      const questions = await this.attempts.gradedQuestions(manager, attempt.questionIds);
      review = gradeAttempt(questions, attempt.answers ?? [], quiz.passMarkPercent).review;
    }
    return {
      id: attempt.id,
      enrolmentId: attempt.enrolmentId,
      quizId: attempt.quizId,
      attemptNo: attempt.attemptNo,
      title: quiz.title,
      instructions: quiz.instructions,
      passMarkPercent: quiz.passMarkPercent,
      attemptLimit: quiz.attemptLimit,
      startedAt: new Date(attempt.startedAt).toISOString(),
      deadlineAt: iso(attempt.deadlineAt),
      serverNow: new Date().toISOString(),
      submittedAt: iso(attempt.submittedAt),
      questions: await this.attempts.attemptQuestions(manager, attempt.questionIds),
      answers: submitted ? attempt.answers : null,
      scorePercent: attempt.closedAt ? attempt.scorePercent : null,
      passed: attempt.closedAt ? attempt.passed : null,
      review,
    };
  }

  private async readableAttempt(manager: EntityManager, access: AccessContext, attempt: AttemptRecord) {
    try {
      await this.enrolments.readable(manager, access, attempt.enrolmentId);
    } catch {
      throw new LearningRecordNotFoundError('quiz attempt', attempt.id);
    }
  }

  /** Answers name questions of this attempt, each once. */
  private checkAnswers(attempt: AttemptRecord, request: SubmitQuizAttemptRequest): void {
    const allowed = new Set(attempt.questionIds);
    const seen = new Set<string>();
    const errors = request.answers.flatMap((answer, index) => {
      const problem = !allowed.has(answer.questionId)
        ? 'questionId must be a question of this attempt'
        : seen.has(answer.questionId)
          ? 'each question may be answered once'
          : null;
      seen.add(answer.questionId);
      return problem
        ? [{ field: `answers.${index}.questionId`, message: problem, code: 'questionOfAttempt' }]
        : [];
    });
    if (errors.length > 0) throw new ValidationProblemException(errors);
  }
}
