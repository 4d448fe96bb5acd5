import { Injectable } from '@nestjs/common';
import {
  AttemptQuestion,
  ContentText,
  LearnerQuizState,
  QUIZ_SUBMISSION_GRACE_SECONDS,
  QuizAnswer,
  QuizSelection,
} from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

import { GradedQuestion, Grade } from './grading';

export interface QuizRecord {
  id: string;
  versionId: string;
  title: ContentText;
  instructions: ContentText | null;
  passMarkPercent: number;
  attemptLimit: number | null;
  timeLimitMinutes: number | null;
  allowReview: boolean;
  selection: QuizSelection;
}

export interface AttemptRecord {
  id: string;
  enrolmentId: string;
  quizId: string;
  attemptNo: number;
  questionIds: string[];
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  closedAt: Date | null;
  answers: QuizAnswer[] | null;
  scorePercent: number | null;
  passed: boolean | null;
  /** Whether the deadline plus the grace has passed, by the database's clock. */
  late: boolean;
}

const ATTEMPT_COLUMNS = `a.id, a.enrolment_id AS "enrolmentId", a.quiz_id AS "quizId", a.attempt_no AS "attemptNo",
  a.question_ids AS "questionIds", a.started_at AS "startedAt", a.deadline_at AS "deadlineAt",
  a.submitted_at AS "submittedAt", a.closed_at AS "closedAt", a.answers, a.score_percent AS "scorePercent", a.passed,
  (a.deadline_at IS NOT NULL AND now() > a.deadline_at + make_interval(secs => ${QUIZ_SUBMISSION_GRACE_SECONDS})) AS late`;

/**
 * Quiz attempts. The callers hold the enrolment's row lock for every write, so an attempt's number,
 * the attempt limit and a submission are decided one request at a time; the unique indexes on
 * (enrolment, quiz, attempt number) and on the open attempt stand behind them.
 */
@Injectable()
export class QuizAttemptRepository {
  async findQuiz(manager: EntityManager, id: string): Promise<QuizRecord | null> {
    const rows: QuizRecord[] = await manager.query(
      `SELECT id, version_id AS "versionId", title, instructions, pass_mark_percent AS "passMarkPercent",
              attempt_limit AS "attemptLimit", time_limit_minutes AS "timeLimitMinutes", allow_review AS "allowReview",
              selection
         FROM quiz WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findAttempt(manager: EntityManager, id: string): Promise<AttemptRecord | null> {
    const rows: AttemptRecord[] = await manager.query(
      `SELECT ${ATTEMPT_COLUMNS} FROM quiz_attempt a WHERE a.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Closes, unscored and failed, the open attempts whose time ran out (deadline plus the grace). */
  async closeLate(manager: EntityManager, enrolmentId: string, quizId: string): Promise<void> {
    await manager.query(
      `UPDATE quiz_attempt SET closed_at = deadline_at, points = 0, score_percent = 0, passed = false
        WHERE enrolment_id = $1 AND quiz_id = $2 AND closed_at IS NULL
          AND deadline_at IS NOT NULL AND now() > deadline_at + make_interval(secs => ${QUIZ_SUBMISSION_GRACE_SECONDS})`,
      [enrolmentId, quizId],
    );
  }

  async findOpen(manager: EntityManager, enrolmentId: string, quizId: string): Promise<AttemptRecord | null> {
    const rows: AttemptRecord[] = await manager.query(
      `SELECT ${ATTEMPT_COLUMNS} FROM quiz_attempt a WHERE a.enrolment_id = $1 AND a.quiz_id = $2 AND a.closed_at IS NULL`,
      [enrolmentId, quizId],
    );
    return rows[0] ?? null;
  }

  async counts(
    manager: EntityManager,
    enrolmentId: string,
    quizId: string,
  ): Promise<{ attempts: number; passed: boolean }> {
    const rows: { attempts: number; passed: boolean }[] = await manager.query(
      `SELECT count(*)::int AS attempts, COALESCE(bool_or(passed), false) AS passed
         FROM quiz_attempt WHERE enrolment_id = $1 AND quiz_id = $2`,
      [enrolmentId, quizId],
    );
    return rows[0] ?? { attempts: 0, passed: false };
  }

  /** The questions of a new attempt: the fixed ones in order, or each tag's draw at random without repeats. */
  async drawQuestions(manager: EntityManager, quiz: QuizRecord): Promise<string[]> {
    if (quiz.selection.mode === 'fixed') {
      const rows: { id: string }[] = await manager.query(
        `SELECT question_id AS id FROM quiz_question WHERE quiz_id = $1 ORDER BY position`,
        [quiz.id],
      );
      return rows.map((row) => row.id);
    }
    const drawn: string[] = [];
    for (const draw of quiz.selection.draws) {
      const rows: { id: string }[] = await manager.query(
        `SELECT id FROM question WHERE version_id = $1 AND $2 = ANY(tags) AND NOT (id = ANY($3::uuid[]))
          ORDER BY random() LIMIT $4`,
        [quiz.versionId, draw.tag, drawn, draw.count],
      );
      drawn.push(...rows.map((row) => row.id));
    }
    return drawn;
  }

  async insertAttempt(
    manager: EntityManager,
    enrolmentId: string,
    quiz: QuizRecord,
    attemptNo: number,
    questionIds: string[],
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO quiz_attempt (enrolment_id, quiz_id, attempt_no, question_ids, deadline_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $5::int IS NULL THEN NULL ELSE now() + make_interval(mins => $5::int) END)
       RETURNING id`,
      [enrolmentId, quiz.id, attemptNo, questionIds, quiz.timeLimitMinutes],
    );
    const id = rows[0]?.id;
    if (!id) throw new Error('quiz attempt not inserted');
    return id;
  }

  /** The attempt's questions as the learner sees them: stems and option texts only, in the drawn order. */
  async attemptQuestions(manager: EntityManager, questionIds: string[]): Promise<AttemptQuestion[]> {
    return manager.query(
      `SELECT q.id, q.kind, q.stem, q.points,
              (SELECT COALESCE(json_agg(json_build_object('id', o->>'id', 'text', o->'text') ORDER BY n), '[]')
                 FROM jsonb_array_elements(q.options) WITH ORDINALITY AS x(o, n)) AS options
         FROM question q
        WHERE q.id = ANY($1::uuid[])
        ORDER BY array_position($1::uuid[], q.id)`,
      [questionIds],
    );
  }

  /** The attempt's questions with their answers, for grading and review only. */
  async gradedQuestions(manager: EntityManager, questionIds: string[]): Promise<GradedQuestion[]> {
    return manager.query(
      `SELECT q.id, q.kind, q.options, q.correct_boolean AS "correctBoolean", q.short_answer AS "shortAnswer",
              q.feedback_correct AS "feedbackCorrect", q.feedback_incorrect AS "feedbackIncorrect", q.points
         FROM question q
        WHERE q.id = ANY($1::uuid[])
        ORDER BY array_position($1::uuid[], q.id)`,
      [questionIds],
    );
  }

  /**
   * Records the submission if the attempt is still open: the conditional UPDATE is the last word, so
   * of two submissions only one is recorded. False when it was closed already.
   */
  async submit(manager: EntityManager, id: string, answers: QuizAnswer[], grade: Grade): Promise<boolean> {
    // an UPDATE answers [rows, affected count]
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE quiz_attempt
          SET submitted_at = now(), closed_at = now(), answers = $2, points = $3, max_points = $4,
              score_percent = $5, passed = $6
        WHERE id = $1 AND closed_at IS NULL
       RETURNING id`,
      [id, JSON.stringify(answers), grade.points, grade.maxPoints, grade.scorePercent, grade.passed],
    );
    return rows.length > 0;
  }

  /** Every quiz of the version with the enrolment's standing on it, in one statement. */
  async quizStates(
    manager: EntityManager,
    enrolmentId: string,
    versionId: string,
  ): Promise<LearnerQuizState[]> {
    return manager.query(
      `SELECT q.id, q.title, q.pass_mark_percent AS "passMarkPercent", q.attempt_limit AS "attemptLimit",
              count(a.id) FILTER (WHERE a.closed_at IS NOT NULL)::int AS "attemptsUsed",
              q.time_limit_minutes AS "timeLimitMinutes", q.allow_review AS "allowReview",
              CASE WHEN q.selection->>'mode' = 'fixed'
                   THEN (SELECT count(*)::int FROM quiz_question qq WHERE qq.quiz_id = q.id)
                   ELSE (SELECT COALESCE(sum((d->>'count')::int), 0)::int FROM jsonb_array_elements(q.selection->'draws') d)
              END AS "questionCount",
              COALESCE(bool_or(a.passed), false) AS passed,
              max(a.score_percent) FILTER (WHERE a.submitted_at IS NOT NULL) AS "bestScorePercent",
              (array_agg(a.id) FILTER (
                 WHERE a.closed_at IS NULL AND (a.deadline_at IS NULL
                   OR now() <= a.deadline_at + make_interval(secs => ${QUIZ_SUBMISSION_GRACE_SECONDS}))))[1] AS "openAttemptId"
         FROM quiz q
         LEFT JOIN quiz_attempt a ON a.quiz_id = q.id AND a.enrolment_id = $1
        WHERE q.version_id = $2
        GROUP BY q.id
        ORDER BY q.created_at, q.id`,
      [enrolmentId, versionId],
    );
  }
}
