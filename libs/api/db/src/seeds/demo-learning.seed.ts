import { EntityManager } from 'typeorm';

import { newCertificateCode } from '../lib/certificate-code';
import { SeedStep } from './seed-registry';

type Stage = 'assigned' | 'overdue' | 'in-progress' | 'completed';

/**
 * Each country's demo learner at every stage, on the three demo courses in turn, so that "my
 * learning" and the HR screens have something to show: one assigned by the country's HR (overdue in
 * some countries), one self-enrolled and in progress, one completed with its certificate.
 */
const PLANS: { country: string; stages: Record<string, Stage> }[] = [
  {
    country: 'kz',
    stages: {
      'ibm-basics': 'overdue',
      'vulnerable-migrants': 'in-progress',
      'customs-risk-single-window': 'completed',
    },
  },
  {
    country: 'kg',
    stages: {
      'vulnerable-migrants': 'assigned',
      'customs-risk-single-window': 'in-progress',
      'ibm-basics': 'completed',
    },
  },
  {
    country: 'tj',
    stages: {
      'customs-risk-single-window': 'overdue',
      'ibm-basics': 'in-progress',
      'vulnerable-migrants': 'completed',
    },
  },
  {
    country: 'tm',
    stages: { 'ibm-basics': 'assigned', 'vulnerable-migrants': 'completed' },
  },
  {
    country: 'uz',
    stages: { 'vulnerable-migrants': 'overdue', 'customs-risk-single-window': 'completed' },
  },
];

/** The course's lessons in outline order, with the quiz a quiz lesson plays. */
async function lessonsOf(manager: EntityManager, versionId: string) {
  const rows: { id: string; quizId: string | null }[] = await manager.query(
    `SELECT l.id, l.quiz_id AS "quizId" FROM lesson l JOIN course_module m ON m.id = l.module_id
      WHERE m.version_id = $1 ORDER BY m.position, l.position`,
    [versionId],
  );
  return rows;
}

async function enrolAt(manager: EntityManager, country: string, courseCode: string, stage: Stage) {
  const [course]: { id: string; versionId: string }[] = await manager.query(
    `SELECT id, current_version_id AS "versionId" FROM course WHERE code = $1 AND current_version_id IS NOT NULL`,
    [courseCode],
  );
  const [learner]: { id: string }[] = await manager.query(`SELECT id FROM app_user WHERE login = $1`, [
    `${country}.learner`,
  ]);
  if (!course || !learner) return;
  const assigned = stage === 'assigned' || stage === 'overdue';
  const [created]: { id: string }[] = await manager.query(
    `INSERT INTO enrolment (user_id, course_id, course_version_id, source, assigned_by, due_at, enrolled_at)
     SELECT $1, $2, $3, $4, (SELECT id FROM app_user WHERE login = $5), $6::timestamptz, now() - interval '30 days'
     ON CONFLICT (user_id, course_id) WHERE status NOT IN ('withdrawn', 'expired') DO NOTHING
     RETURNING id`,
    [
      learner.id,
      course.id,
      course.versionId,
      assigned ? 'assigned' : 'self',
      `${country}.hr`,
      stage === 'overdue'
        ? new Date(Date.now() - 7 * 86_400_000)
        : stage === 'assigned'
          ? new Date(Date.now() + 21 * 86_400_000)
          : null,
    ],
  );
  // the person already has a live enrolment there: left as it is
  if (!created) return;
  const lessons = await lessonsOf(manager, course.versionId);
  const done = stage === 'completed' ? lessons : stage === 'in-progress' ? lessons.slice(0, 2) : [];
  for (const [index, lesson] of done.entries()) {
    const at = `now() - make_interval(days => ${20 - index})`;
    if (lesson.quizId) {
      await manager.query(
        `INSERT INTO quiz_attempt (enrolment_id, quiz_id, attempt_no, question_ids, started_at, submitted_at,
                                   closed_at, answers, points, max_points, score_percent, passed)
         SELECT $1, $2, 1, COALESCE(array_agg(question_id ORDER BY position), '{}'), ${at}, ${at}, ${at}, '[]', 1, 1, 100, true
           FROM quiz_question WHERE quiz_id = $2`,
        [created.id, lesson.quizId],
      );
    } else {
      await manager.query(
        `INSERT INTO progress_event (id, enrolment_id, lesson_id, kind, occurred_at)
         VALUES (gen_random_uuid(), $1, $2, 'done', ${at})`,
        [created.id, lesson.id],
      );
    }
  }
  await manager.query(`SELECT learning_recompute($1)`, [created.id]);
  if (stage !== 'completed') return;
  await manager.query(
    `INSERT INTO certificate (enrolment_id, user_id, course_id, code, holder_name, course_title, issuing_org_unit_id,
                              issued_at, valid_until)
     SELECT e.id, e.user_id, e.course_id, $2, u.full_name, v.title,
            COALESCE((SELECT a.id FROM org_unit a WHERE a.kind = 'agency' AND (o.path = a.path OR o.path LIKE a.path || '.%')
                       ORDER BY length(a.path) DESC LIMIT 1), o.id),
            e.completed_at, e.completed_at + interval '24 months'
       FROM enrolment e JOIN app_user u ON u.id = e.user_id JOIN course c ON c.id = e.course_id
       JOIN course_version v ON v.id = e.course_version_id JOIN org_unit o ON o.id = c.owner_org_unit_id
      WHERE e.id = $1 AND e.status = 'completed'
     ON CONFLICT (enrolment_id) DO NOTHING`,
    [created.id, newCertificateCode()],
  );
}

export const demoLearningSeed: SeedStep = {
  name: 'demo-learning',
  run: async (manager) => {
    for (const plan of PLANS) {
      for (const [courseCode, stage] of Object.entries(plan.stages)) {
        await enrolAt(manager, plan.country, courseCode, stage);
      }
    }
  },
};
