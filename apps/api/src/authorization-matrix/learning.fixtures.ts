import { DataSource } from 'typeorm';

import { CourseTarget, LearningTarget } from './matrix.types';

async function insert(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<string> {
  const rows: { id: string }[] = await dataSource.query(`${sql} RETURNING id`, parameters);
  if (!rows[0]) throw new Error(`no row from ${sql}`);
  return rows[0].id;
}

/**
 * The target person's records on the side's course, which takes self-enrolments: an enrolment on its published version, an open
 * quiz attempt and a certificate, written straight into the tables. Every change a caller tries is
 * refused the same way (callers are never the target), so the cells do not depend on each other.
 */
export async function createMatrixLearning(
  dataSource: DataSource,
  side: string,
  userId: string,
  course: CourseTarget,
): Promise<LearningTarget> {
  await dataSource.query(`UPDATE course SET self_enrolment = true WHERE id = $1`, [course.id]);
  const enrolmentId = await insert(
    dataSource,
    `INSERT INTO enrolment (user_id, course_id, course_version_id, source, status, completed_at)
     VALUES ($1, $2, $3, 'assigned', 'completed', now())`,
    [userId, course.id, course.publishedVersionId],
  );
  const quizAttemptId = await insert(
    dataSource,
    `INSERT INTO quiz_attempt (enrolment_id, quiz_id, attempt_no, question_ids)
     VALUES ($1, $2, 1, ARRAY[$3]::uuid[])`,
    [enrolmentId, course.publishedQuizId, course.publishedQuestionId],
  );
  const certificateCode = (side === 'inside' ? 'MATRIXINSIDE' : 'MATRIXOUTSIDE').padEnd(26, 'A');
  const certificateId = await insert(
    dataSource,
    `INSERT INTO certificate (enrolment_id, user_id, course_id, code, holder_name, course_title, issuing_org_unit_id)
     SELECT $1, $2, $3, $4, 'Matrix Holder', '{"en":"Matrix"}', owner_org_unit_id FROM course WHERE id = $3`,
    [enrolmentId, userId, course.id, certificateCode],
  );
  return { enrolmentId, quizAttemptId, certificateId, certificateCode };
}
