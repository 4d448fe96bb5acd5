import { DataSource } from 'typeorm';

import { CourseTarget } from './matrix.types';

async function insert(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<string> {
  const rows: { id: string }[] = await dataSource.query(`${sql} RETURNING id`, parameters);
  if (!rows[0]) throw new Error(`no row from ${sql}`);
  return rows[0].id;
}

/** A version with one module holding one text lesson, one question and one quiz drawing it. */
async function fillVersion(dataSource: DataSource, versionId: string) {
  const text = JSON.stringify({ en: 'Matrix', ru: 'Матрица' });
  const moduleId = await insert(
    dataSource,
    `INSERT INTO course_module (version_id, position, title) VALUES ($1, 1, $2)`,
    [versionId, text],
  );
  const lessonId = await insert(
    dataSource,
    `INSERT INTO lesson (module_id, position, kind, title, body) VALUES ($1, 1, 'text', $2, $2)`,
    [moduleId, text],
  );
  const questionId = await insert(
    dataSource,
    `INSERT INTO question (version_id, kind, stem, correct_boolean, tags) VALUES ($1, 'true-false', $2, true, '{matrix}')`,
    [versionId, text],
  );
  const quizId = await insert(
    dataSource,
    `INSERT INTO quiz (version_id, title, pass_mark_percent, selection) VALUES ($1, $2, 50, '{"mode":"fixed"}')`,
    [versionId, text],
  );
  await dataSource.query(`INSERT INTO quiz_question (quiz_id, question_id, position) VALUES ($1, $2, 1)`, [
    quizId,
    questionId,
  ]);
  return { moduleId, lessonId, questionId, quizId };
}

/** The course of a side of the matrix, written straight into the tables, owned by the given unit. */
export async function createMatrixCourse(
  dataSource: DataSource,
  side: string,
  orgUnitId: string,
): Promise<CourseTarget> {
  const id = await insert(
    dataSource,
    `INSERT INTO course (code, area, level, estimated_hours, default_language, owner_org_unit_id)
     VALUES ($1, 'IBM', 'basic', 1, 'en', $2)`,
    [`matrix-${side}`, orgUnitId],
  );
  const title = JSON.stringify({ en: `Matrix ${side}` });
  const publishedVersionId = await insert(
    dataSource,
    `INSERT INTO course_version (course_id, number, status, title, published_at) VALUES ($1, 1, 'published', $2, now())`,
    [id, title],
  );
  const draftVersionId = await insert(
    dataSource,
    `INSERT INTO course_version (course_id, number, status, title, based_on_version_id) VALUES ($1, 2, 'draft', $2, $3)`,
    [id, title, publishedVersionId],
  );
  await dataSource.query(`UPDATE course SET current_version_id = $2, working_version_id = $3 WHERE id = $1`, [
    id,
    publishedVersionId,
    draftVersionId,
  ]);
  const published = await fillVersion(dataSource, publishedVersionId);
  const draft = await fillVersion(dataSource, draftVersionId);
  return {
    id,
    publishedVersionId,
    publishedModuleId: published.moduleId,
    publishedLessonId: published.lessonId,
    publishedQuestionId: published.questionId,
    publishedQuizId: published.quizId,
    draftVersionId,
    draftLessonId: draft.lessonId,
    draftQuestionId: draft.questionId,
    draftQuizId: draft.quizId,
  };
}
