import { Injectable } from '@nestjs/common';
import { ORG_UNIT_REF_SQL, personRefSql, selectPage } from '@border-academy/api-authoring';
import { newCertificateCode } from '@border-academy/api-db';
import {
  CatalogueCourse,
  CertificateRef,
  ContentText,
  EnrolmentProgress,
  EnrolmentStatus,
  EnrolmentSummary,
  LearnerModule,
  LessonCompletionRule,
  LessonKind,
  LessonState,
  MyLearningSection,
  ProgressEventInput,
} from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

/** A certificate of the row aliased `cert` as `CertificateRef` JSON, or null (SQL function `certificate_ref`). */
export const CERTIFICATE_REF_SQL = `certificate_ref(cert)`;

/** Statuses in which the learner is still working on the course. */
export const OPEN_STATUSES: readonly EnrolmentStatus[] = ['enrolled', 'in_progress', 'failed'];

/** Everything of an enrolment that lists show, for rows aliased e (enrolment), c, v, u and cert; `$1` is the caller. */
const SUMMARY_SQL = `
  SELECT e.id, e.course_id AS "courseId", e.course_version_id AS "courseVersionId", v.number AS "versionNumber",
         c.code AS "courseCode", v.title, c.default_language AS "defaultLanguage", c.area, c.level,
         c.estimated_hours::float AS "estimatedHours",
         json_build_object('id', u.id, 'fullName', u.full_name) AS learner,
         e.source, ${personRefSql('e.assigned_by')} AS "assignedBy", e.due_at AS "dueAt",
         (e.due_at IS NOT NULL AND e.due_at < now() AND e.status IN ('enrolled', 'in_progress', 'failed')) AS overdue,
         e.status, e.progress_percent AS "progressPercent", e.continue_lesson_id AS "continueLessonId",
         e.last_lesson_id AS "lastLessonId", e.enrolled_at AS "enrolledAt", e.started_at AS "startedAt",
         e.completed_at AS "completedAt", e.withdrawn_at AS "withdrawnAt", ${CERTIFICATE_REF_SQL} AS certificate,
         (e.user_id = $1 AND e.source = 'self' AND e.status IN ('enrolled', 'in_progress', 'failed')) AS "canWithdraw",
         e.last_activity_at AS sort_activity
    FROM enrolment e
    JOIN course c ON c.id = e.course_id
    JOIN course_version v ON v.id = e.course_version_id
    JOIN app_user u ON u.id = e.user_id
    LEFT JOIN certificate cert ON cert.enrolment_id = e.id`;

const SECTIONS: Record<MyLearningSection, { where: string; order: string }> = {
  // overdue ones have the earliest due dates, so the due date alone puts them first
  assigned: {
    where: `e.source <> 'self' AND e.status IN ('enrolled', 'in_progress', 'failed')`,
    order: `f."dueAt" NULLS LAST, f.id`,
  },
  in_progress: {
    where: `e.source = 'self' AND e.status IN ('enrolled', 'in_progress', 'failed')`,
    order: `f.sort_activity DESC, f.id`,
  },
  completed: { where: `e.status = 'completed'`, order: `f."completedAt" DESC, f.id` },
};

/** The caller's view of a course in the catalogue, with what enrolment and the access checks need. */
export interface VisibleCourse extends CatalogueCourse {
  lessonCompletion: LessonCompletionRule;
  prerequisites: { id: string; code: string; title: ContentText }[];
}

/** An enrolment as the access checks and the writers need it. */
export interface EnrolmentRecord {
  id: string;
  userId: string;
  learnerPath: string;
  courseId: string;
  courseVersionId: string;
  status: EnrolmentStatus;
  lessonCompletion: LessonCompletionRule;
}

export interface LessonRecord {
  id: string;
  moduleId: string;
  kind: LessonKind;
  title: ContentText;
  required: boolean;
  estimatedMinutes: number | null;
  quizId: string | null;
  body: ContentText | null;
  externalUrl: string | null;
  attachment: { id: string; fileName: string; mediaType: string; sizeBytes: number } | null;
  state: LessonState;
  previousLessonId: string | null;
  nextLessonId: string | null;
}

/** SQL timestamps come back as JSON strings or Dates; the wire wants ISO 8601 in UTC. */
function iso(value: string | Date | null | undefined): string | null {
  return value === null || value === undefined ? null : new Date(value).toISOString();
}

export function toCertificateRef(row: CertificateRef | null): CertificateRef | null {
  return row
    ? { ...row, issuedAt: iso(row.issuedAt) ?? row.issuedAt, validUntil: iso(row.validUntil) }
    : null;
}

function toSummary(row: EnrolmentSummary): EnrolmentSummary {
  return {
    ...row,
    dueAt: iso(row.dueAt),
    enrolledAt: iso(row.enrolledAt) ?? row.enrolledAt,
    startedAt: iso(row.startedAt),
    completedAt: iso(row.completedAt),
    withdrawnAt: iso(row.withdrawnAt),
    certificate: toCertificateRef(row.certificate),
  };
}

interface RecordedProgressRow {
  completionNeedsTransaction?: boolean;
  missingEnrolmentId?: string;
  wrongLessonIndexes?: number[];
  inserted?: string[];
  statusBefore?: Record<string, EnrolmentStatus>;
  issued?: string[];
  completed?: string[];
  progress?: EnrolmentProgress[];
}

/** What `learning_record_progress` answers: a refusal, or what the batch did. */
export type RecordedProgress =
  | { completionNeedsTransaction: true; missingEnrolmentId?: undefined; wrongLessonIndexes?: undefined }
  | { completionNeedsTransaction?: undefined; missingEnrolmentId: string; wrongLessonIndexes?: undefined }
  | { completionNeedsTransaction?: undefined; missingEnrolmentId?: undefined; wrongLessonIndexes: number[] }
  | {
      completionNeedsTransaction?: undefined;
      missingEnrolmentId?: undefined;
      wrongLessonIndexes?: undefined;
      inserted: string[];
      statusBefore: Record<string, EnrolmentStatus>;
      issued: string[];
      completed: string[];
      progress: EnrolmentProgress[];
    };

function toProgress(rows: EnrolmentProgress[]): EnrolmentProgress[] {
  return rows.map((row) => ({
    ...row,
    completedAt: iso(row.completedAt),
    certificate: toCertificateRef(row.certificate),
  }));
}

/**
 * Enrolments, their progress events and the certificates their completion issues. Every write that
 * can change an enrolment's derived state runs under the enrolment's row lock and ends with
 * `learning_recompute`, so concurrent writers of one enrolment are serialised and each sees the others.
 */
@Injectable()
export class EnrolmentRepository {
  /** A published, not archived course whose audience holds the unit `orgUnitId` or one above it. */
  async findVisibleCourse(
    manager: EntityManager,
    courseId: string,
    orgUnitId: string,
  ): Promise<VisibleCourse | null> {
    const rows: VisibleCourse[] = await manager.query(
      `WITH me AS (SELECT path FROM org_unit WHERE id = $2),
            above AS (SELECT u.id FROM org_unit u, me WHERE me.path = u.path OR me.path LIKE u.path || '.%')
       SELECT c.id, p.id AS "versionId", c.code, p.title, p.description, c.area, c.level,
              c.estimated_hours::float AS "estimatedHours", c.default_language AS "defaultLanguage",
              COALESCE((SELECT array_agg(l.code ORDER BY l.position) FROM content_language l
                         WHERE l.enabled AND (p.completeness->>l.code)::int = 100), '{}') AS languages,
              ${ORG_UNIT_REF_SQL} AS "ownerOrgUnit", c.self_enrolment AS "selfEnrolment",
              c.lesson_completion AS "lessonCompletion",
              COALESCE((SELECT json_agg(json_build_object('id', pc.id, 'code', pc.code, 'title', pv.title) ORDER BY pc.code)
                          FROM course_prerequisite cp JOIN course pc ON pc.id = cp.prerequisite_course_id
                          LEFT JOIN course_version pv ON pv.id = pc.current_version_id
                         WHERE cp.course_id = c.id), '[]') AS prerequisites
         FROM course c
         JOIN course_version p ON p.id = c.current_version_id
         JOIN org_unit o ON o.id = c.owner_org_unit_id
        WHERE c.id = $1 AND c.archived_at IS NULL
          AND (EXISTS (SELECT 1 FROM course_audience ca WHERE ca.course_id = c.id AND ca.org_unit_id IN (SELECT id FROM above))
               OR (NOT EXISTS (SELECT 1 FROM course_audience ca WHERE ca.course_id = c.id)
                   AND c.owner_org_unit_id IN (SELECT id FROM above)))`,
      [courseId, orgUnitId],
    );
    return rows[0] ?? null;
  }

  /** A version's outline in order; with an enrolment, each lesson's state derived from its records. */
  async outline(
    manager: EntityManager,
    versionId: string,
    enrolmentId: string | null,
  ): Promise<LearnerModule[]> {
    const rows: { modules: LearnerModule[] }[] = await manager.query(
      `WITH states AS (SELECT lesson_id, state FROM learning_lesson_states($2::uuid))
       SELECT COALESCE(json_agg(json_build_object(
                'id', m.id, 'title', m.title,
                'lessons', (SELECT COALESCE(json_agg(json_build_object(
                                 'id', l.id, 'moduleId', l.module_id, 'kind', l.kind, 'title', l.title,
                                 'required', l.required, 'estimatedMinutes', l.estimated_minutes, 'quizId', l.quiz_id,
                                 'state', COALESCE(s.state, 'not_started')) ORDER BY l.position), '[]')
                              FROM lesson l LEFT JOIN states s ON s.lesson_id = l.id WHERE l.module_id = m.id)
              ) ORDER BY m.position), '[]') AS modules
         FROM course_module m WHERE m.version_id = $1`,
      [versionId, enrolmentId],
    );
    return rows[0]?.modules ?? [];
  }

  /** The user's live (not withdrawn or expired) enrolment on a course, if any. */
  async findLiveId(manager: EntityManager, userId: string, courseId: string): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM enrolment WHERE user_id = $1 AND course_id = $2 AND status NOT IN ('withdrawn', 'expired')`,
      [userId, courseId],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * A self-enrolment on the course's current version; null when a live enrolment already holds the
   * place (the partial unique index decides, so two clicks at once make one enrolment).
   */
  async insertSelfEnrolment(
    manager: EntityManager,
    userId: string,
    courseId: string,
    versionId: string,
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO enrolment (user_id, course_id, course_version_id, source)
       VALUES ($1, $2, $3, 'self')
       ON CONFLICT (user_id, course_id) WHERE status NOT IN ('withdrawn', 'expired') DO NOTHING
       RETURNING id`,
      [userId, courseId, versionId],
    );
    return rows[0]?.id ?? null;
  }

  /** Marks the caller's own open self-enrolment withdrawn; false when it is not one. */
  async withdraw(manager: EntityManager, id: string, userId: string): Promise<boolean> {
    // an UPDATE answers [rows, affected count]
    const [rows]: [unknown[], number] = await manager.query(
      `UPDATE enrolment SET status = 'withdrawn', withdrawn_at = now(), last_activity_at = now()
        WHERE id = $1 AND user_id = $2 AND source = 'self' AND status IN ('enrolled', 'in_progress', 'failed')
       RETURNING id`,
      [id, userId],
    );
    return rows.length > 0;
  }

  async findRecord(manager: EntityManager, id: string, lock = false): Promise<EnrolmentRecord | null> {
    const rows = await this.findRecords(manager, [id], lock);
    return rows[0] ?? null;
  }

  /** Enrolments by id; with `lock`, their rows are locked in id order, so batches never deadlock. */
  async findRecords(manager: EntityManager, ids: string[], lock = false): Promise<EnrolmentRecord[]> {
    if (lock) {
      await manager.query(`SELECT id FROM enrolment WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
        ids,
      ]);
    }
    return manager.query(
      `SELECT e.id, e.user_id AS "userId", o.path AS "learnerPath", e.course_id AS "courseId",
              e.course_version_id AS "courseVersionId", e.status, c.lesson_completion AS "lessonCompletion"
         FROM enrolment e
         JOIN app_user u ON u.id = e.user_id
         JOIN org_unit o ON o.id = u.org_unit_id
         JOIN course c ON c.id = e.course_id
        WHERE e.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async findSummary(manager: EntityManager, callerId: string, id: string): Promise<EnrolmentSummary | null> {
    const rows: EnrolmentSummary[] = await manager.query(
      `SELECT s.* FROM (${SUMMARY_SQL} WHERE e.id = $2) s`,
      [callerId, id],
    );
    const row = rows[0];
    if (!row) return null;
    delete (row as Partial<{ sort_activity: unknown }>).sort_activity;
    return toSummary(row);
  }

  /** One section of "my learning": one statement, whatever the number of enrolments. */
  async findSection(
    manager: EntityManager,
    userId: string,
    section: MyLearningSection,
    page: number,
    pageSize: number,
  ): Promise<{ items: EnrolmentSummary[]; total: number }> {
    const { where, order } = SECTIONS[section];
    const { rows, total } = await selectPage<EnrolmentSummary>(
      manager,
      {
        from: `${SUMMARY_SQL} WHERE e.user_id = $1 AND ${where}`,
        order,
        parameters: [userId],
        sortOnly: ['sort_activity'],
      },
      page,
      pageSize,
    );
    return { items: rows.map(toSummary), total };
  }

  /** Derives the enrolment's state again from its records; the caller holds its row lock. */
  async recompute(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`SELECT learning_recompute($1)`, [id]);
  }

  /**
   * Issues the certificate of a completed enrolment that has none yet, in the caller's transaction:
   * the holder's name in the script they use, the pinned version's title, the course owner's agency,
   * and the validity the course sets. Answers the new certificate's id, or null.
   */
  async issueCertificate(manager: EntityManager, enrolmentId: string): Promise<string | null> {
    const rows: { id: string | null }[] = await manager.query(
      `SELECT learning_issue_certificate($1, $2) AS id`,
      [enrolmentId, newCertificateCode()],
    );
    return rows[0]?.id ?? null;
  }

  /** Each enrolment's derived state and lesson states, in one statement. */
  async progress(manager: EntityManager, ids: string[]): Promise<EnrolmentProgress[]> {
    const rows: { progress: EnrolmentProgress[] }[] = await manager.query(
      `SELECT learning_progress($1::uuid[]) AS progress`,
      [ids],
    );
    return toProgress(rows[0]?.progress ?? []);
  }

  /**
   * Records a batch of the caller's events in one statement (SQL function `learning_record_progress`):
   * locks, checks, inserts, recomputes, issues certificates and answers the state. Without
   * `mayComplete`, a batch that completes an enrolment leaves nothing behind and answers
   * `completionNeedsTransaction`.
   */
  async recordProgress(
    manager: EntityManager,
    callerId: string,
    events: ProgressEventInput[],
    mayComplete: boolean,
  ): Promise<RecordedProgress> {
    const enrolments = new Set(events.map((event) => event.enrolmentId)).size;
    const rows: { recorded: RecordedProgressRow }[] = await manager.query(
      `SELECT learning_record_progress($1, $2::uuid[], $3::uuid[], $4::uuid[], $5::progress_event_kind[],
                                       $6::timestamptz[], $7::text[], $8) AS recorded`,
      [
        callerId,
        events.map((event) => event.id),
        events.map((event) => event.enrolmentId),
        events.map((event) => event.lessonId),
        events.map((event) => event.kind),
        events.map((event) => event.occurredAt),
        Array.from({ length: enrolments }, () => newCertificateCode()),
        mayComplete,
      ],
    );
    const recorded = rows[0]?.recorded;
    if (!recorded) throw new Error('learning_record_progress answered nothing');
    if (recorded.completionNeedsTransaction || recorded.missingEnrolmentId || recorded.wrongLessonIndexes) {
      return recorded as RecordedProgress;
    }
    return { ...recorded, progress: toProgress(recorded.progress ?? []) } as RecordedProgress;
  }

  /** A lesson of the version with its neighbours in outline order and its state in the enrolment. */
  async findLesson(
    manager: EntityManager,
    enrolmentId: string,
    versionId: string,
    lessonId: string,
  ): Promise<LessonRecord | null> {
    const rows: LessonRecord[] = await manager.query(
      `WITH ordered AS (
         SELECT l.*, lag(l.id) OVER w AS previous_id, lead(l.id) OVER w AS next_id
           FROM lesson l JOIN course_module m ON m.id = l.module_id
          WHERE m.version_id = $2
         WINDOW w AS (ORDER BY m.position, l.position))
       SELECT l.id, l.module_id AS "moduleId", l.kind, l.title, l.required, l.estimated_minutes AS "estimatedMinutes",
              l.quiz_id AS "quizId", l.body, l.external_url AS "externalUrl",
              (SELECT json_build_object('id', a.id, 'fileName', a.file_name, 'mediaType', a.media_type,
                                        'sizeBytes', a.size_bytes) FROM attachment a WHERE a.id = l.attachment_id) AS attachment,
              COALESCE((SELECT s.state FROM learning_lesson_states($1) s WHERE s.lesson_id = l.id), 'not_started') AS state,
              l.previous_id AS "previousLessonId", l.next_id AS "nextLessonId"
         FROM ordered l WHERE l.id = $3`,
      [enrolmentId, versionId, lessonId],
    );
    return rows[0] ?? null;
  }

  /** Which of `ids` are attachments of the course, so lesson images outside it are dropped. */
  async courseAttachments(manager: EntityManager, courseId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM attachment WHERE course_id = $1 AND id = ANY($2::uuid[])`,
      [courseId, ids],
    );
    return new Set(rows.map((row) => row.id));
  }
}
