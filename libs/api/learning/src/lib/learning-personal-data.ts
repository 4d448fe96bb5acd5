import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  DatabaseNotifications,
  PersonalDataRegistry,
  PersonalDataSectionProvider,
  isoInstantSql,
} from '@border-academy/api-platform';
import { ERASED_PERSON_NAME } from '@border-academy/shared-contracts';

import { CERTIFICATE_CHANNEL } from './certificates/certificate.service';

/**
 * Enrolments, progress events and quiz attempts are kept whole by an erasure: they name the person
 * only through their (now anonymised) user row, and the catalogue's figures, completions and the
 * derived statuses rest on them.
 */
const enrolments: PersonalDataSectionProvider = {
  key: 'learning.enrolments',
  title: { en: 'Enrolments', ru: 'Записи на курсы' },
  order: 400,
  rows: (manager, userId) =>
    manager.query(
      `SELECT e.id, c.code AS "courseCode", v.title AS "courseTitle", v.number AS "courseVersion",
              e.source::text AS source, e.assigned_by AS "assignedBy", ${isoInstantSql('e.due_at')} AS "dueAt",
              e.status::text AS status, e.progress_percent AS "progressPercent",
              ${isoInstantSql('e.enrolled_at')} AS "enrolledAt", ${isoInstantSql('e.started_at')} AS "startedAt",
              ${isoInstantSql('e.completed_at')} AS "completedAt", ${isoInstantSql('e.withdrawn_at')} AS "withdrawnAt",
              ${isoInstantSql('e.last_activity_at')} AS "lastActivityAt"
         FROM enrolment e
         JOIN course c ON c.id = e.course_id
         JOIN course_version v ON v.id = e.course_version_id
        WHERE e.user_id = $1
        ORDER BY e.enrolled_at, e.id`,
      [userId],
    ),
};

const progressEvents: PersonalDataSectionProvider = {
  key: 'learning.progress-events',
  title: { en: 'Progress events', ru: 'События прохождения' },
  order: 410,
  rows: (manager, userId) =>
    manager.query(
      `SELECT p.id, p.enrolment_id AS "enrolmentId", p.lesson_id AS "lessonId", l.title AS "lessonTitle",
              p.kind::text AS kind, ${isoInstantSql('p.occurred_at')} AS "occurredAt",
              ${isoInstantSql('p.received_at')} AS "receivedAt"
         FROM progress_event p
         JOIN enrolment e ON e.id = p.enrolment_id
         JOIN lesson l ON l.id = p.lesson_id
        WHERE e.user_id = $1
        ORDER BY p.received_at, p.id`,
      [userId],
    ),
};

const quizAttempts: PersonalDataSectionProvider = {
  key: 'learning.quiz-attempts',
  title: { en: 'Quiz attempts', ru: 'Попытки тестов' },
  order: 420,
  rows: (manager, userId) =>
    manager.query(
      `SELECT a.id, a.enrolment_id AS "enrolmentId", a.quiz_id AS "quizId", q.title AS "quizTitle",
              a.attempt_no AS "attemptNo", ${isoInstantSql('a.started_at')} AS "startedAt",
              ${isoInstantSql('a.deadline_at')} AS "deadlineAt", ${isoInstantSql('a.submitted_at')} AS "submittedAt",
              ${isoInstantSql('a.closed_at')} AS "closedAt", a.answers, a.points::float8 AS points,
              a.max_points::float8 AS "maxPoints", a.score_percent AS "scorePercent", a.passed
         FROM quiz_attempt a
         JOIN enrolment e ON e.id = a.enrolment_id
         JOIN quiz q ON q.id = a.quiz_id
        WHERE e.user_id = $1
        ORDER BY a.started_at, a.id`,
      [userId],
    ),
};

/**
 * Certificates stay, and their public verification still answers valid, expired or revoked; only the
 * holder's name printed on them is replaced, so a code found later names nobody.
 */
const certificates = (notifications: DatabaseNotifications): PersonalDataSectionProvider => ({
  key: 'learning.certificates',
  title: { en: 'Certificates', ru: 'Сертификаты' },
  order: 430,
  rows: (manager, userId) =>
    manager.query(
      `SELECT c.id, c.code, c.enrolment_id AS "enrolmentId", c.holder_name AS "holderName",
              c.course_title AS "courseTitle", ou.code AS "issuingOrgUnitCode",
              ${isoInstantSql('c.issued_at')} AS "issuedAt", ${isoInstantSql('c.valid_until')} AS "validUntil",
              ${isoInstantSql('c.revoked_at')} AS "revokedAt", c.revoked_reason AS "revokedReason"
         FROM certificate c JOIN org_unit ou ON ou.id = c.issuing_org_unit_id
        WHERE c.user_id = $1
        ORDER BY c.issued_at, c.id`,
      [userId],
    ),
  erase: async (manager, userId) => {
    const [rows, count]: [{ code: string }[], number] = await manager.query(
      `UPDATE certificate SET holder_name = $2 WHERE user_id = $1 RETURNING code`,
      [userId, ERASED_PERSON_NAME],
    );
    // verification answers kept by this instance go now; the others hear it from the database
    for (const row of rows) notifications.announce(CERTIFICATE_CHANNEL, row.code);
    return count;
  },
});

/** Registers what learning keeps about a person. */
@Injectable()
export class LearningPersonalData implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly notifications: DatabaseNotifications,
  ) {}

  onModuleInit(): void {
    this.registry.register(enrolments, progressEvents, quizAttempts, certificates(this.notifications));
  }
}
