import { Injectable } from '@nestjs/common';
import { insertReturningId } from '@border-academy/api-platform';
import { Quiz, SaveQuizRequest } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

import { selectPage } from '../sql-page';
import { QUIZ_QUESTION_COUNT_SQL } from '../versions/course-version.repository';

// fixed questions live in quiz_question (so a question in use cannot be deleted); random draws in the row
const SELECT_QUIZ = `
  SELECT q.id, q.version_id AS "versionId", q.title, q.instructions, q.pass_mark_percent AS "passMarkPercent",
         q.attempt_limit AS "attemptLimit", q.time_limit_minutes AS "timeLimitMinutes", q.allow_review AS "allowReview",
         CASE WHEN q.selection->>'mode' = 'fixed'
              THEN jsonb_build_object('mode', 'fixed', 'questionIds',
                     COALESCE((SELECT jsonb_agg(qq.question_id ORDER BY qq.position) FROM quiz_question qq
                                WHERE qq.quiz_id = q.id), '[]'))
              ELSE q.selection END AS selection,
         ${QUIZ_QUESTION_COUNT_SQL} AS "questionCount", q.created_at`;

function values(quiz: SaveQuizRequest): unknown[] {
  return [
    JSON.stringify(quiz.title),
    quiz.instructions ? JSON.stringify(quiz.instructions) : null,
    quiz.passMarkPercent,
    quiz.attemptLimit,
    quiz.timeLimitMinutes,
    quiz.allowReview,
    JSON.stringify(quiz.selection.mode === 'fixed' ? { mode: 'fixed' } : quiz.selection),
  ];
}

/** All SQL about a version's quizzes. */
@Injectable()
export class QuizRepository {
  async findPage(
    manager: EntityManager,
    versionId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: Quiz[]; total: number }> {
    const { rows, total } = await selectPage<Quiz>(
      manager,
      {
        from: `${SELECT_QUIZ} FROM quiz q WHERE q.version_id = $1`,
        order: `f.created_at, f.id`,
        parameters: [versionId],
        sortOnly: ['created_at'],
      },
      page,
      pageSize,
    );
    return { items: rows, total };
  }

  async findById(manager: EntityManager, id: string): Promise<Quiz | null> {
    const rows: (Quiz & { created_at?: Date })[] = await manager.query(
      `${SELECT_QUIZ} FROM quiz q WHERE q.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    delete row.created_at;
    return row;
  }

  /** Of the given questions, those that are not in the version's bank. */
  async questionsOutside(
    manager: EntityManager,
    versionId: string,
    questionIds: string[],
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT given.id FROM unnest($2::uuid[]) AS given(id)
        WHERE NOT EXISTS (SELECT 1 FROM question q WHERE q.id = given.id AND q.version_id = $1)`,
      [versionId, questionIds],
    );
    return rows.map((row) => row.id);
  }

  async insert(manager: EntityManager, versionId: string, quiz: SaveQuizRequest): Promise<string> {
    const id = await insertReturningId(
      manager,
      `INSERT INTO quiz (version_id, title, instructions, pass_mark_percent, attempt_limit, time_limit_minutes,
                         allow_review, selection)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [versionId, ...values(quiz)],
    );
    await this.replaceFixedQuestions(manager, id, quiz);
    return id;
  }

  async replace(manager: EntityManager, id: string, quiz: SaveQuizRequest): Promise<void> {
    await manager.query(
      `UPDATE quiz SET title = $2, instructions = $3, pass_mark_percent = $4, attempt_limit = $5,
              time_limit_minutes = $6, allow_review = $7, selection = $8
        WHERE id = $1`,
      [id, ...values(quiz)],
    );
    await this.replaceFixedQuestions(manager, id, quiz);
  }

  /** A quiz that a lesson plays is held by the lesson's foreign key. */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM quiz WHERE id = $1`, [id]);
  }

  async lessonCount(manager: EntityManager, id: string): Promise<number> {
    const rows: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM lesson WHERE quiz_id = $1`,
      [id],
    );
    return rows[0]?.count ?? 0;
  }

  private async replaceFixedQuestions(
    manager: EntityManager,
    id: string,
    quiz: SaveQuizRequest,
  ): Promise<void> {
    const questionIds = quiz.selection.mode === 'fixed' ? quiz.selection.questionIds : [];
    await manager.query(`DELETE FROM quiz_question WHERE quiz_id = $1`, [id]);
    await manager.query(
      `INSERT INTO quiz_question (quiz_id, question_id, position)
       SELECT $1, given.id, given.position FROM unnest($2::uuid[]) WITH ORDINALITY AS given(id, position)`,
      [id, questionIds],
    );
  }
}
