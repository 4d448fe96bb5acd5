import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  PersonalDataRegistry,
  PersonalDataSectionProvider,
  isoInstantSql,
} from '@border-academy/api-platform';

/**
 * Qualification grants and their history are official decisions (by a completion, an assessment or
 * HR) and stay whole through an erasure, like certificates: they name the person only through the
 * anonymised user row, and compliance figures rest on them.
 */
const grants: PersonalDataSectionProvider = {
  key: 'qualifications.grants',
  title: { en: 'Qualifications', ru: 'Квалификации' },
  order: 500,
  rows: (manager, userId) =>
    manager.query(
      `SELECT g.id, q.code AS "qualificationCode", q.name AS "qualificationName", g.source::text AS source,
              ${isoInstantSql('g.granted_at')} AS "grantedAt", ${isoInstantSql('g.expires_at')} AS "expiresAt",
              g.note, f.file_name AS "evidenceFileName", g.enrolment_id AS "enrolmentId",
              g.renews_grant_id AS "renewsGrantId", ${isoInstantSql('g.revoked_at')} AS "revokedAt",
              g.revoke_reason AS "revokeReason"
         FROM qualification_grant g
         JOIN qualification q ON q.id = g.qualification_id
         LEFT JOIN evidence f ON f.id = g.evidence_id
        WHERE g.user_id = $1
        ORDER BY g.granted_at, g.id`,
      [userId],
    ),
};

const history: PersonalDataSectionProvider = {
  key: 'qualifications.history',
  title: { en: 'Qualification history', ru: 'История квалификаций' },
  order: 510,
  rows: (manager, userId) =>
    manager.query(
      `SELECT ev.id, q.code AS "qualificationCode", ev.kind::text AS kind, ${isoInstantSql('ev.at')} AS at,
              ev.grant_id AS "grantId", ev.note
         FROM qualification_event ev JOIN qualification q ON q.id = ev.qualification_id
        WHERE ev.user_id = $1
        ORDER BY ev.at, ev.id`,
      [userId],
    ),
};

/** Reminders are messages to the person, nothing else rests on them: an erasure removes them. */
const notifications: PersonalDataSectionProvider = {
  key: 'qualifications.notifications',
  title: { en: 'Notifications', ru: 'Уведомления' },
  order: 520,
  rows: (manager, userId) =>
    manager.query(
      `SELECT n.id, n.kind, n.data, ${isoInstantSql('n.created_at')} AS "createdAt",
              ${isoInstantSql('n.read_at')} AS "readAt", ${isoInstantSql('n.mailed_at')} AS "mailedAt"
         FROM notification n WHERE n.user_id = $1 ORDER BY n.created_at, n.id`,
      [userId],
    ),
  erase: async (manager, userId) => {
    const [, count]: [unknown, number] = await manager.query(`DELETE FROM notification WHERE user_id = $1`, [
      userId,
    ]);
    return count;
  },
};

/** Registers what the qualifications module keeps about a person. */
@Injectable()
export class QualificationsPersonalData implements OnModuleInit {
  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(grants, history, notifications);
  }
}
