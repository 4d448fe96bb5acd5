import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { covers, selectPage } from '@border-academy/api-authoring';
import { AccessContext, ValidationProblemException, inScopeSql } from '@border-academy/api-platform';
import {
  Assignment,
  CreateAssignmentRequest,
  DEFAULT_PAGE_SIZE,
  Page,
} from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import { AssignmentEndedError, QualificationRecordNotFoundError } from '../qualifications.errors';
import { scopePaths } from '../standing';

const ASSIGNMENT_SQL = `
  SELECT a.id, a.target, a.due_at AS "dueAt", a.late_joiner_days AS "lateJoinerDays", a.created_at AS "createdAt",
         json_build_object('id', c.id, 'code', c.code, 'title', COALESCE(v.title, '{}'::jsonb)) AS course,
         CASE WHEN a.target = 'person' THEN NULL ELSE json_build_object('id', o.id, 'name', o.name) END AS "orgUnit",
         (SELECT json_build_object('id', p.id, 'name', p.name) FROM position p WHERE p.id = a.position_id) AS position,
         (SELECT count(*)::int FROM enrolment e WHERE e.assignment_id = a.id) AS "personCount",
         (SELECT json_build_object('id', b.id, 'fullName', b.full_name) FROM app_user b WHERE b.id = a.created_by) AS "createdBy"
    FROM assignment a
    JOIN org_unit o ON o.id = a.org_unit_id
    JOIN course c ON c.id = a.course_id
    LEFT JOIN course_version v ON v.id = c.current_version_id`;

/**
 * HR's assignments of courses. A person assignment enrols the people named; a unit or position
 * assignment is a rule: `assignment_reconcile` (a trigger on people) enrols whoever joins later and
 * releases whoever leaves, who keeps their records but not the obligation.
 */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(access: AccessContext, query: { unitId?: string; page?: number; pageSize?: number }) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const paths = await scopePaths(this.dataSource.manager, access, query.unitId);
    const { rows, total } = await selectPage<Assignment>(
      this.dataSource.manager,
      {
        from: `${ASSIGNMENT_SQL} WHERE a.ended_at IS NULL AND ${inScopeSql('o.path', '$1')}`,
        order: 'f."createdAt" DESC, f.id',
        parameters: [paths],
      },
      page,
      pageSize,
    );
    return { items: rows, total, page, pageSize } satisfies Page<Assignment>;
  }

  async create(
    access: AccessContext,
    request: CreateAssignmentRequest,
    ip: string | null,
  ): Promise<Assignment> {
    return this.dataSource.transaction(async (manager) => {
      const course: { id: string; published: boolean }[] = await manager.query(
        `SELECT id, current_version_id IS NOT NULL AND archived_at IS NULL AS published FROM course WHERE id = $1`,
        [request.courseId],
      );
      if (!course[0]?.published) {
        throw new ValidationProblemException([
          { field: 'courseId', message: 'Choose a published course', code: 'published' },
        ]);
      }
      let orgUnitId = request.orgUnitId;
      let userIds: string[] = [];
      if (request.target === 'person') {
        userIds = request.userIds ?? [];
        const people: { id: string; path: string; unitId: string }[] = await manager.query(
          `SELECT u.id, o.path, o.id AS "unitId" FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
            WHERE u.id = ANY($1::uuid[]) AND u.status = 'active'`,
          [userIds],
        );
        const reachable = new Map(people.filter((p) => covers(access.scope, p.path)).map((p) => [p.id, p]));
        const wrong = userIds.flatMap((id, index) =>
          reachable.has(id)
            ? []
            : [
                {
                  field: `userIds.${index}`,
                  message: 'Choose active people inside your scope',
                  code: 'scope',
                },
              ],
        );
        if (wrong.length > 0) throw new ValidationProblemException(wrong);
        orgUnitId ??= await this.commonUnit(
          manager,
          [...reachable.values()].map((p) => p.path),
        );
      } else {
        if (request.target === 'position') {
          const position: unknown[] = await manager.query(`SELECT 1 FROM position WHERE id = $1`, [
            request.positionId,
          ]);
          if (position.length === 0) {
            throw new ValidationProblemException([
              { field: 'positionId', message: 'No position has this id', code: 'exists' },
            ]);
          }
        }
      }
      await scopePaths(manager, access, orgUnitId, 'orgUnitId');
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO assignment (course_id, target, org_unit_id, position_id, due_at, late_joiner_days, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          request.courseId,
          request.target,
          orgUnitId,
          request.target === 'position' ? request.positionId : null,
          request.dueAt,
          request.lateJoinerDays ?? 30,
          access.principal.userId,
        ],
      );
      const id = rows[0]?.id as string;
      if (request.target === 'person') {
        // people already on the course keep their enrolment and take on the obligation
        await manager.query(
          `UPDATE enrolment e SET assignment_id = $1, due_at = LEAST(COALESCE(e.due_at, $4::timestamptz), $4::timestamptz),
                  assigned_by = COALESCE(e.assigned_by, $5)
            WHERE e.user_id = ANY($2::uuid[]) AND e.course_id = $3 AND e.status IN ('enrolled', 'in_progress', 'failed')`,
          [id, userIds, request.courseId, request.dueAt, access.principal.userId],
        );
        await manager.query(
          `INSERT INTO enrolment (user_id, course_id, course_version_id, source, assigned_by, due_at, assignment_id)
           SELECT u, c.id, c.current_version_id, 'assigned', $4, $5, $1
             FROM unnest($2::uuid[]) u, course c WHERE c.id = $3
           ON CONFLICT ("user_id", "course_id") WHERE "status" NOT IN ('withdrawn', 'expired') DO NOTHING`,
          [id, userIds, request.courseId, access.principal.userId, request.dueAt],
        );
      } else {
        await manager.query(
          `SELECT assignment_reconcile(ARRAY(
             SELECT u.id FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id, org_unit ao
              WHERE ao.id = $1 AND (o.path = ao.path OR o.path LIKE ao.path || '.%')), $2)`,
          [orgUnitId, id],
        );
      }
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'assignment.create',
        targetType: 'assignment',
        targetId: id,
        ip,
        summary: { ...request },
      });
      return this.get(manager, id);
    });
  }

  /** Ends the assignment: those who have not completed it keep their records, not the obligation. */
  async end(access: AccessContext, id: string, ip: string | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows: { path: string; endedAt: Date | null }[] = await manager.query(
        `SELECT o.path, a.ended_at AS "endedAt" FROM assignment a JOIN org_unit o ON o.id = a.org_unit_id
          WHERE a.id = $1 FOR UPDATE OF a`,
        [id],
      );
      const row = rows[0];
      if (!row || !covers(access.scope, row.path))
        throw new QualificationRecordNotFoundError('assignment', id);
      if (row.endedAt) throw new AssignmentEndedError();
      await manager.query(`UPDATE assignment SET ended_at = now() WHERE id = $1`, [id]);
      await manager.query(
        `UPDATE enrolment SET assignment_id = NULL, due_at = NULL
          WHERE assignment_id = $1 AND status IN ('enrolled', 'in_progress', 'failed')`,
        [id],
      );
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'assignment.end',
        targetType: 'assignment',
        targetId: id,
        ip,
      });
    });
  }

  private async get(manager: EntityManager, id: string): Promise<Assignment> {
    const rows: Assignment[] = await manager.query(`${ASSIGNMENT_SQL} WHERE a.id = $1`, [id]);
    if (!rows[0]) throw new QualificationRecordNotFoundError('assignment', id);
    return {
      ...rows[0],
      dueAt: new Date(rows[0].dueAt).toISOString(),
      createdAt: new Date(rows[0].createdAt).toISOString(),
    };
  }

  /** The deepest unit that holds all the given paths: where a person assignment is filed. */
  private async commonUnit(manager: EntityManager, paths: string[]): Promise<string> {
    const parts = paths.map((path) => path.split('.'));
    const common: string[] = [];
    for (let i = 0; parts.every((p) => p[i] !== undefined && p[i] === parts[0]?.[i]); i++)
      common.push(parts[0]?.[i] as string);
    const rows: { id: string }[] = await manager.query(`SELECT id FROM org_unit WHERE path = $1`, [
      common.join('.'),
    ]);
    return rows[0]?.id as string;
  }
}
