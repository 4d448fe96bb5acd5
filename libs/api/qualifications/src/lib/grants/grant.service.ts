import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { EnrolmentCompletionListeners } from '@border-academy/api-learning';
import { AccessContext, ValidationProblemException } from '@border-academy/api-platform';
import { GrantSource, StaffQualification } from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import { Clock } from '../clock';
import {
  QualificationNotHeldError,
  QualificationRecordNotFoundError,
  QualificationStillValidError,
} from '../qualifications.errors';
import { StaffService } from './staff.service';

export interface GrantInput {
  userId: string;
  qualificationId: string;
  source: GrantSource;
  grantedAt: Date;
  by: string | null;
  note: string | null;
  evidenceId: string | null;
  enrolmentId: string | null;
  /** A completion grants only when it changes something; HR asking to grant a valid one is told why not. */
  whenStillValid: 'skip' | 'refuse';
}

interface Holding {
  grantId: string;
  expiresAt: Date | null;
  validityMonths: number | null;
  warningDays: number;
}

/**
 * Every grant, renewal and revocation. A grant is a new row and an event, never an edit: a renewal
 * inside the warning window extends the validity from the current expiry (nothing is lost by
 * renewing early) and points at the grant it renews; a revocation marks its grant and ends the holding.
 */
@Injectable()
export class GrantService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly staff: StaffService,
    private readonly completions: EnrolmentCompletionListeners,
  ) {}

  onModuleInit(): void {
    this.completions.register((manager, enrolmentIds) => this.awardForCompletions(manager, enrolmentIds));
  }

  /**
   * Grants what the completed enrolments satisfy, in the transaction that completed them: a
   * qualification of all its courses once the last is completed, one of N courses at the Nth.
   */
  async awardForCompletions(manager: EntityManager, enrolmentIds: string[]): Promise<void> {
    const satisfied: { userId: string; qualificationId: string; enrolmentId: string; completedAt: Date }[] =
      await manager.query(
        `SELECT e.user_id AS "userId", q.id AS "qualificationId", e.id AS "enrolmentId", e.completed_at AS "completedAt"
           FROM enrolment e
           JOIN qualification_course qc ON qc.course_id = e.course_id
           JOIN qualification q ON q.id = qc.qualification_id AND q.rule <> 'assessment'
          WHERE e.id = ANY($1::uuid[]) AND e.status = 'completed'
            AND (SELECT count(DISTINCT done.course_id) FROM qualification_course qc2
                   JOIN enrolment done ON done.course_id = qc2.course_id AND done.user_id = e.user_id
                                      AND done.status = 'completed'
                  WHERE qc2.qualification_id = q.id)
                >= CASE WHEN q.rule = 'n-of-courses' THEN q.required_count
                        ELSE (SELECT count(*) FROM qualification_course qc3 WHERE qc3.qualification_id = q.id) END
          ORDER BY e.user_id, q.id`,
        [enrolmentIds],
      );
    for (const row of satisfied) {
      await this.grant(manager, {
        userId: row.userId,
        qualificationId: row.qualificationId,
        source: 'courses',
        grantedAt: new Date(row.completedAt),
        by: null,
        note: null,
        evidenceId: null,
        enrolmentId: row.enrolmentId,
        whenStillValid: 'skip',
      });
    }
  }

  /** Records a grant or renewal in the caller's transaction; answers the new grant's id, or null if skipped. */
  async grant(manager: EntityManager, input: GrantInput): Promise<string | null> {
    const qualification: { validityMonths: number | null; warningDays: number }[] = await manager.query(
      `SELECT validity_months AS "validityMonths", warning_days AS "warningDays" FROM qualification WHERE id = $1`,
      [input.qualificationId],
    );
    if (!qualification[0]) throw new QualificationRecordNotFoundError('qualification', input.qualificationId);
    const { validityMonths, warningDays } = qualification[0];
    // one person's holding of one qualification changes one transaction at a time
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2, 0))`, [
      input.userId,
      input.qualificationId,
    ]);
    const current = await this.holding(manager, input.userId, input.qualificationId);
    const now = this.clock.now();
    if (current) {
      const windowOpensAt =
        current.expiresAt === null ? null : new Date(current.expiresAt.getTime() - warningDays * 86_400_000);
      if (windowOpensAt === null || now < windowOpensAt) {
        if (input.whenStillValid === 'skip') return null;
        throw new QualificationStillValidError(windowOpensAt?.toISOString().slice(0, 10) ?? 'never');
      }
    }
    // renewing before expiry extends from the expiry; after it, validity runs from the new grant
    const from =
      current?.expiresAt && current.expiresAt > input.grantedAt ? current.expiresAt : input.grantedAt;
    const rows: { id: string; expiresAt: Date | null }[] = await manager.query(
      `INSERT INTO qualification_grant (user_id, qualification_id, source, granted_at, expires_at, granted_by, note,
                                        evidence_id, enrolment_id, renews_grant_id)
       VALUES ($1, $2, $3, $4, CASE WHEN $5::int IS NULL THEN NULL ELSE $6::timestamptz + make_interval(months => $5::int) END,
               $7, $8, $9, $10, $11)
       RETURNING id, expires_at AS "expiresAt"`,
      [
        input.userId,
        input.qualificationId,
        input.source,
        input.grantedAt,
        validityMonths,
        from,
        input.by,
        input.note,
        input.evidenceId,
        input.enrolmentId,
        current?.grantId ?? null,
      ],
    );
    const grant = rows[0];
    if (!grant) throw new Error('the grant was not recorded');
    await manager.query(
      `INSERT INTO staff_qualification (user_id, qualification_id, grant_id, granted_at, expires_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, qualification_id)
       DO UPDATE SET grant_id = EXCLUDED.grant_id, granted_at = EXCLUDED.granted_at, expires_at = EXCLUDED.expires_at`,
      [input.userId, input.qualificationId, grant.id, input.grantedAt, grant.expiresAt],
    );
    await manager.query(
      `INSERT INTO qualification_event (user_id, qualification_id, grant_id, kind, at, by, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        input.userId,
        input.qualificationId,
        grant.id,
        current ? 'renewed' : 'granted',
        now,
        input.by,
        input.note,
      ],
    );
    return grant.id;
  }

  /** HR records an assessed event or their own decision, with a note and optionally an evidence file. */
  async grantManually(
    access: AccessContext,
    userId: string,
    qualificationId: string,
    request: {
      source: 'assessment' | 'manual';
      note: string;
      evidenceId?: string | null;
      grantedAt?: string;
    },
    ip: string | null,
  ): Promise<StaffQualification> {
    return this.dataSource.transaction(async (manager) => {
      await this.staff.requirePerson(manager, access, userId);
      const grantedAt = request.grantedAt ? new Date(request.grantedAt) : this.clock.now();
      if (grantedAt.getTime() > this.clock.now().getTime() + 60_000) {
        throw new ValidationProblemException([
          { field: 'grantedAt', message: 'grantedAt cannot be in the future', code: 'past' },
        ]);
      }
      if (request.evidenceId)
        await this.staff.requireEvidence(manager, access, request.evidenceId, 'evidenceId');
      const grantId = await this.grant(manager, {
        userId,
        qualificationId,
        source: request.source,
        grantedAt,
        by: access.principal.userId,
        note: request.note.trim(),
        evidenceId: request.evidenceId ?? null,
        enrolmentId: null,
        whenStillValid: 'refuse',
      });
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'qualification.grant',
        targetType: 'user',
        targetId: userId,
        ip,
        summary: { qualificationId, grantId, source: request.source, evidenceId: request.evidenceId ?? null },
      });
      return this.staff.standingOf(manager, userId, qualificationId);
    });
  }

  async revoke(
    access: AccessContext,
    userId: string,
    qualificationId: string,
    reason: string,
    ip: string | null,
  ): Promise<StaffQualification> {
    return this.dataSource.transaction(async (manager) => {
      await this.staff.requirePerson(manager, access, userId);
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2, 0))`, [
        userId,
        qualificationId,
      ]);
      const current = await this.holding(manager, userId, qualificationId);
      if (!current) throw new QualificationNotHeldError();
      const now = this.clock.now();
      await manager.query(
        `UPDATE qualification_grant SET revoked_at = $2, revoked_by = $3, revoke_reason = $4 WHERE id = $1`,
        [current.grantId, now, access.principal.userId, reason.trim()],
      );
      await manager.query(`DELETE FROM staff_qualification WHERE user_id = $1 AND qualification_id = $2`, [
        userId,
        qualificationId,
      ]);
      await manager.query(
        `INSERT INTO qualification_event (user_id, qualification_id, grant_id, kind, at, by, note)
         VALUES ($1, $2, $3, 'revoked', $4, $5, $6)`,
        [userId, qualificationId, current.grantId, now, access.principal.userId, reason.trim()],
      );
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'qualification.revoke',
        targetType: 'user',
        targetId: userId,
        ip,
        summary: { qualificationId, grantId: current.grantId, reason: reason.trim() },
      });
      return this.staff.standingOf(manager, userId, qualificationId);
    });
  }

  private async holding(
    manager: EntityManager,
    userId: string,
    qualificationId: string,
  ): Promise<Holding | null> {
    const rows: Holding[] = await manager.query(
      `SELECT sq.grant_id AS "grantId", sq.expires_at AS "expiresAt", q.validity_months AS "validityMonths",
              q.warning_days AS "warningDays"
         FROM staff_qualification sq JOIN qualification q ON q.id = sq.qualification_id
        WHERE sq.user_id = $1 AND sq.qualification_id = $2`,
      [userId, qualificationId],
    );
    return rows[0] ?? null;
  }
}
