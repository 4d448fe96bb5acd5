import { Injectable } from '@nestjs/common';
import { AuditService } from '@border-academy/api-audit';
import { selectPage } from '@border-academy/api-authoring';
import {
  AccessContext,
  ValidationProblemException,
  codeOrNameMatchesSql,
  escapeLike,
  violates,
} from '@border-academy/api-platform';
import {
  DEFAULT_PAGE_SIZE,
  Page,
  PositionRequirements,
  Qualification,
  QualificationListQuery,
  QualificationRef,
  SaveQualificationRequest,
} from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import { cleanLocalizedText } from '../localized-text.validator';
import { QualificationCodeTakenError, QualificationRecordNotFoundError } from '../qualifications.errors';

export const QUALIFICATION_REF_SQL = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'name', ${alias}.name, 'area', ${alias}.area)`;

const QUALIFICATION_SQL = `
  SELECT q.id, q.code, q.name, q.description, q.area, q.level, q.rule, q.required_count AS "requiredCount",
         q.validity_months AS "validityMonths", q.warning_days AS "warningDays",
         COALESCE((SELECT json_agg(json_build_object('id', c.id, 'code', c.code,
                                                     'title', COALESCE(v.title, '{}'::jsonb)) ORDER BY c.code)
                     FROM qualification_course qc JOIN course c ON c.id = qc.course_id
                     LEFT JOIN course_version v ON v.id = COALESCE(c.current_version_id, c.working_version_id)
                    WHERE qc.qualification_id = q.id), '[]'::json) AS courses,
         (SELECT count(*)::int FROM position_qualification pq WHERE pq.qualification_id = q.id) AS "positionCount",
         (SELECT count(*)::int FROM staff_qualification sq WHERE sq.qualification_id = q.id) AS "holderCount"
    FROM qualification q`;

/** The platform's catalogue of qualifications, and which positions require which. */
@Injectable()
export class QualificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: QualificationListQuery): Promise<Page<Qualification>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const language = query.language ?? 'en';
    const parameters: unknown[] = [language];
    const where: string[] = [];
    if (query.q) {
      parameters.push(`%${escapeLike(query.q)}%`);
      where.push(codeOrNameMatchesSql('q', `$${parameters.length}`));
    }
    if (query.area) {
      parameters.push(query.area);
      where.push(`q.area = $${parameters.length}`);
    }
    const { rows, total } = await selectPage<Qualification>(
      this.dataSource.manager,
      {
        from: `SELECT x.*, lower(COALESCE(x.name->>$1, x.name->>'en')) AS sort_name FROM (${QUALIFICATION_SQL}
                ${where.length ? `WHERE ${where.join(' AND ')}` : ''}) x`,
        order: 'f.sort_name, f.id',
        parameters,
        sortOnly: ['sort_name'],
      },
      page,
      pageSize,
    );
    return { items: rows, total, page, pageSize };
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Qualification> {
    const rows: Qualification[] = await manager.query(`${QUALIFICATION_SQL} WHERE q.id = $1`, [id]);
    if (!rows[0]) throw new QualificationRecordNotFoundError('qualification', id);
    return rows[0];
  }

  async create(access: AccessContext, request: SaveQualificationRequest): Promise<Qualification> {
    this.checkRule(request.rule, request.requiredCount ?? null, request.courseIds);
    return this.dataSource.transaction(async (manager) => {
      await this.checkCourses(manager, request.courseIds);
      let id: string;
      try {
        const rows: { id: string }[] = await manager.query(
          `INSERT INTO qualification (code, name, description, area, level, rule, required_count, validity_months, warning_days)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            request.code,
            JSON.stringify(cleanLocalizedText(request.name)),
            request.description ? JSON.stringify(cleanLocalizedText(request.description)) : null,
            request.area,
            request.level,
            request.rule,
            request.rule === 'n-of-courses' ? request.requiredCount : null,
            request.validityMonths ?? null,
            request.warningDays ?? 60,
          ],
        );
        id = rows[0]?.id as string;
      } catch (error) {
        if (violates(error, 'uq_qualification_code')) throw new QualificationCodeTakenError(request.code);
        throw error;
      }
      await this.replaceCourses(manager, id, request.courseIds);
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'qualification.create',
        targetType: 'qualification',
        targetId: id,
        summary: { after: request },
      });
      return this.get(id, manager);
    });
  }

  async update(
    access: AccessContext,
    id: string,
    request: Partial<SaveQualificationRequest>,
  ): Promise<Qualification> {
    return this.dataSource.transaction(async (manager) => {
      const locked: { id: string }[] = await manager.query(
        `SELECT id FROM qualification WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!locked[0]) throw new QualificationRecordNotFoundError('qualification', id);
      const before = await this.get(id, manager);
      const rule = request.rule ?? before.rule;
      const courseIds = request.courseIds ?? before.courses.map((course) => course.id);
      const requiredCount =
        request.requiredCount === undefined ? before.requiredCount : request.requiredCount;
      this.checkRule(rule, requiredCount, courseIds);
      await this.checkCourses(manager, courseIds);
      try {
        await manager.query(
          `UPDATE qualification SET code = $2, name = $3, description = $4, area = $5, level = $6, rule = $7,
                  required_count = $8, validity_months = $9, warning_days = $10, updated_at = now()
            WHERE id = $1`,
          [
            id,
            request.code ?? before.code,
            JSON.stringify(request.name ? cleanLocalizedText(request.name) : before.name),
            request.description === undefined
              ? before.description && JSON.stringify(before.description)
              : request.description && JSON.stringify(cleanLocalizedText(request.description)),
            request.area ?? before.area,
            request.level ?? before.level,
            rule,
            rule === 'n-of-courses' ? requiredCount : null,
            request.validityMonths === undefined ? before.validityMonths : request.validityMonths,
            request.warningDays ?? before.warningDays,
          ],
        );
      } catch (error) {
        if (violates(error, 'uq_qualification_code'))
          throw new QualificationCodeTakenError(request.code ?? before.code);
        throw error;
      }
      if (request.courseIds) await this.replaceCourses(manager, id, request.courseIds);
      const after = await this.get(id, manager);
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'qualification.update',
        targetType: 'qualification',
        targetId: id,
        summary: { before, after },
      });
      return after;
    });
  }

  async requirements(positionId: string, manager: EntityManager = this.dataSource.manager) {
    const rows: { found: boolean; qualifications: QualificationRef[] }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM position WHERE id = $1) AS found,
              COALESCE((SELECT json_agg(${QUALIFICATION_REF_SQL('q')} ORDER BY q.area, q.code)
                          FROM position_qualification pq JOIN qualification q ON q.id = pq.qualification_id
                         WHERE pq.position_id = $1), '[]'::json) AS qualifications`,
      [positionId],
    );
    if (!rows[0]?.found) throw new QualificationRecordNotFoundError('position', positionId);
    return { positionId, qualifications: rows[0].qualifications } satisfies PositionRequirements;
  }

  async setRequirements(
    access: AccessContext,
    positionId: string,
    qualificationIds: string[],
  ): Promise<PositionRequirements> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.requirements(positionId, manager);
      const known: { id: string }[] = await manager.query(
        `SELECT id FROM qualification WHERE id = ANY($1::uuid[])`,
        [qualificationIds],
      );
      const knownIds = new Set(known.map((row) => row.id));
      const unknown = qualificationIds.flatMap((id, index) =>
        knownIds.has(id)
          ? []
          : [
              {
                field: `qualificationIds.${index}`,
                message: `No qualification has the id ${id}`,
                code: 'exists',
              },
            ],
      );
      if (unknown.length > 0) throw new ValidationProblemException(unknown);
      await manager.query(`DELETE FROM position_qualification WHERE position_id = $1`, [positionId]);
      await manager.query(
        `INSERT INTO position_qualification (position_id, qualification_id) SELECT $1, unnest($2::uuid[])`,
        [positionId, qualificationIds],
      );
      const after = await this.requirements(positionId, manager);
      await this.audit.record(manager, {
        actorUserId: access.principal.userId,
        action: 'position.requirements.update',
        targetType: 'position',
        targetId: positionId,
        summary: {
          before: before.qualifications.map((q) => q.code),
          after: after.qualifications.map((q) => q.code),
        },
      });
      return after;
    });
  }

  private checkRule(rule: string, requiredCount: number | null, courseIds: string[]): void {
    const problems: { field: string; message: string; code: string }[] = [];
    if (rule === 'assessment' && courseIds.length > 0)
      problems.push({
        field: 'courseIds',
        message: 'A qualification granted by assessment has no courses',
        code: 'rule',
      });
    if (rule !== 'assessment' && courseIds.length === 0)
      problems.push({ field: 'courseIds', message: 'Name the courses that grant it', code: 'rule' });
    if (rule === 'n-of-courses' && (requiredCount === null || requiredCount > courseIds.length))
      problems.push({
        field: 'requiredCount',
        message: 'Say how many of the courses grant it, at most as many as there are courses',
        code: 'rule',
      });
    if (problems.length > 0) throw new ValidationProblemException(problems);
  }

  private async checkCourses(manager: EntityManager, courseIds: string[]): Promise<void> {
    const known: { id: string }[] = await manager.query(`SELECT id FROM course WHERE id = ANY($1::uuid[])`, [
      courseIds,
    ]);
    const knownIds = new Set(known.map((row) => row.id));
    const unknown = courseIds.flatMap((id, index) =>
      knownIds.has(id)
        ? []
        : [{ field: `courseIds.${index}`, message: `No course has the id ${id}`, code: 'exists' }],
    );
    if (unknown.length > 0) throw new ValidationProblemException(unknown);
  }

  private async replaceCourses(manager: EntityManager, id: string, courseIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM qualification_course WHERE qualification_id = $1`, [id]);
    await manager.query(
      `INSERT INTO qualification_course (qualification_id, course_id) SELECT $1, unnest($2::uuid[])`,
      [id, courseIds],
    );
  }
}
