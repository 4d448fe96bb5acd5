import { DataSource } from 'typeorm';

import { CourseTarget, QualificationTarget } from './matrix.types';

async function insert(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<string> {
  const rows: { id: string }[] = await dataSource.query(`${sql} RETURNING id`, parameters);
  if (!rows[0]) throw new Error(`no row from ${sql}`);
  return rows[0].id;
}

/** The side's qualification records, written straight into the tables (see QualificationTarget). */
export async function createMatrixQualifications(
  dataSource: DataSource,
  side: string,
  userId: string,
  orgUnitId: string,
  course: CourseTarget,
  uploadEvidence: () => Promise<string>,
): Promise<QualificationTarget> {
  const qualification = (suffix: string) =>
    insert(
      dataSource,
      `INSERT INTO qualification (code, name, area, level, rule, validity_months) VALUES ($1, $2, 'IBM', 3, 'assessment', NULL)`,
      [`matrix-${side}-${suffix}`, JSON.stringify({ en: `Matrix ${side} ${suffix}` })],
    );
  const heldId = await qualification('held');
  const lackedId = await qualification('lacked');
  const evidenceId = await uploadEvidence();
  const grantId = await insert(
    dataSource,
    `INSERT INTO qualification_grant (user_id, qualification_id, source, granted_at, note, evidence_id)
     VALUES ($1, $2, 'assessment', now(), 'Matrix', $3)`,
    [userId, heldId, evidenceId],
  );
  await dataSource.query(
    `INSERT INTO staff_qualification (user_id, qualification_id, grant_id, granted_at) VALUES ($1, $2, $3, now())`,
    [userId, heldId, grantId],
  );
  const positionId = await insert(
    dataSource,
    `INSERT INTO position (code, name) VALUES ($1, '{"en":"Matrix position"}')`,
    [`matrix-${side}`],
  );
  // a rule for a position nobody holds: it enrols none of the callers
  const assignmentId = await insert(
    dataSource,
    `INSERT INTO assignment (course_id, target, org_unit_id, position_id, due_at)
     VALUES ($1, 'position', $2, $3, now() + interval '30 days')`,
    [course.id, orgUnitId, positionId],
  );
  const notificationId = await insert(
    dataSource,
    `INSERT INTO notification (user_id, kind, dedupe_key) VALUES ($1, 'hr-digest', 'matrix')`,
    [userId],
  );
  return { heldId, lackedId, evidenceId, assignmentId, notificationId, positionId };
}
