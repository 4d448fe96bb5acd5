import { Injectable } from '@nestjs/common';
import { escapeLike, insertReturningId } from '@border-academy/api-platform';
import { Question, QuestionKind, SaveQuestionRequest } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

import { selectPage } from '../sql-page';

export interface QuestionFilter {
  versionId: string;
  q?: string;
  tag?: string;
  kind?: QuestionKind;
  page: number;
  pageSize: number;
}

// the quiz count is a correlated subquery on ix_quiz_question_question_id, so a page stays one statement
const SELECT_QUESTION = `
  SELECT q.id, q.version_id AS "versionId", q.kind, q.stem, q.options, q.correct_boolean AS "correctBoolean",
         q.short_answer AS "shortAnswer", q.feedback_correct AS "feedbackCorrect",
         q.feedback_incorrect AS "feedbackIncorrect", q.points, q.tags,
         (SELECT count(*)::int FROM quiz_question qq WHERE qq.question_id = q.id) AS "usedByQuizCount",
         q.created_at`;

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

function values(question: SaveQuestionRequest): unknown[] {
  return [
    question.kind,
    JSON.stringify(question.stem),
    JSON.stringify(question.options),
    question.correctBoolean,
    json(question.shortAnswer),
    json(question.feedbackCorrect),
    json(question.feedbackIncorrect),
    question.points,
    question.tags,
  ];
}

/** All SQL about a version's question bank. */
@Injectable()
export class QuestionRepository {
  async findPage(
    manager: EntityManager,
    filter: QuestionFilter,
  ): Promise<{ items: Question[]; total: number }> {
    const parameters: unknown[] = [filter.versionId];
    const where = ['q.version_id = $1'];
    if (filter.q) {
      where.push(
        `content_text_search(q.stem) LIKE $${parameters.push(`%${escapeLike(filter.q.toLowerCase())}%`)}`,
      );
    }
    if (filter.tag) where.push(`q.tags @> ARRAY[$${parameters.push(filter.tag)}::text]`);
    if (filter.kind) where.push(`q.kind = $${parameters.push(filter.kind)}`);
    const { rows, total } = await selectPage<Question>(
      manager,
      {
        from: `${SELECT_QUESTION} FROM question q WHERE ${where.join(' AND ')}`,
        order: `f.created_at, f.id`,
        parameters,
        sortOnly: ['created_at'],
      },
      filter.page,
      filter.pageSize,
    );
    return { items: rows, total };
  }

  async findById(manager: EntityManager, id: string): Promise<Question | null> {
    const rows: (Question & { created_at?: Date })[] = await manager.query(
      `${SELECT_QUESTION} FROM question q WHERE q.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    delete row.created_at;
    return row;
  }

  async insert(manager: EntityManager, versionId: string, question: SaveQuestionRequest): Promise<string> {
    return insertReturningId(
      manager,
      `INSERT INTO question (version_id, kind, stem, options, correct_boolean, short_answer, feedback_correct,
                             feedback_incorrect, points, tags)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [versionId, ...values(question)],
    );
  }

  async replace(manager: EntityManager, id: string, question: SaveQuestionRequest): Promise<void> {
    await manager.query(
      `UPDATE question SET kind = $2, stem = $3, options = $4, correct_boolean = $5, short_answer = $6,
              feedback_correct = $7, feedback_incorrect = $8, points = $9, tags = $10
        WHERE id = $1`,
      [id, ...values(question)],
    );
  }

  /** Fixed questions are held by their quizzes' foreign keys, so a question in use is never removed. */
  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM question WHERE id = $1`, [id]);
  }
}
