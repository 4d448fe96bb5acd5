import { Injectable } from '@nestjs/common';
import { escapeLike, inScopeSql, insertReturningId } from '@border-academy/api-platform';
import {
  AuthorCandidate,
  Competency,
  ContentText,
  CourseDetail,
  CourseLevel,
  CourseSort,
  CourseStatus,
  CourseSummary,
  CourseVersionHistoryEntry,
  LanguageCompleteness,
  LessonCompletionRule,
  OrgUnitRef,
  PersonRef,
  ThematicArea,
} from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

import { isoInstant, selectPage } from '../sql-page';

/** A course as the services lock it for a change: its scope and the versions it points at. */
export interface CourseRecord {
  id: string;
  code: string;
  ownerOrgUnitId: string;
  ownerPath: string;
  defaultLanguage: string;
  currentVersionId: string | null;
  workingVersionId: string | null;
  archivedAt: Date | null;
  area: ThematicArea;
  level: CourseLevel;
  estimatedHours: number;
  selfEnrolment: boolean;
  lessonCompletion: LessonCompletionRule;
}

export interface CourseFilter {
  scope: string[];
  userId: string;
  q?: string;
  area?: ThematicArea;
  status?: CourseStatus;
  incompleteLanguage?: string;
  mine: boolean;
  sort: CourseSort;
  page: number;
  pageSize: number;
}

export interface CourseSettings {
  code: string;
  area: ThematicArea;
  level: CourseLevel;
  estimatedHours: number;
  defaultLanguage: string;
  selfEnrolment: boolean;
  lessonCompletion: LessonCompletionRule;
}

/** A course's status in lists, from its archive mark and the versions it points at. */
export const COURSE_STATUS_SQL = `
  CASE WHEN c.archived_at IS NOT NULL THEN 'archived'
       WHEN w.status = 'in_review' THEN 'in_review'
       WHEN c.current_version_id IS NOT NULL THEN 'published'
       ELSE 'draft' END`;

/** A person as `{ id, fullName }` JSON, or null. */
export function personRefSql(userIdColumn: string): string {
  return `(SELECT json_build_object('id', pu.id, 'fullName', pu.full_name) FROM app_user pu WHERE pu.id = ${userIdColumn})`;
}

export const ORG_UNIT_REF_SQL = `json_build_object('id', o.id, 'name', o.name)`;

interface SummaryRow {
  id: string;
  code: string;
  title: ContentText;
  area: ThematicArea;
  level: CourseLevel;
  default_language: string;
  owner: OrgUnitRef;
  status: CourseStatus;
  published_number: number | null;
  working_version_id: string | null;
  completeness: LanguageCompleteness;
  updated_at: string;
}

interface DetailRow extends Omit<SummaryRow, 'published_number' | 'completeness'> {
  owner_path: string;
  estimated_hours: string;
  audience: OrgUnitRef[];
  authors: PersonRef[];
  competencies: Competency[];
  prerequisites: { id: string; code: string; title: ContentText }[];
  self_enrolment: boolean;
  lesson_completion: LessonCompletionRule;
  archived_at: Date | null;
  current_version_id: string | null;
  versions: (Omit<CourseVersionHistoryEntry, 'createdAt' | 'submittedAt' | 'publishedAt'> & {
    createdAt: string;
    submittedAt: string | null;
    publishedAt: string | null;
  })[];
}

const SORTS: Record<CourseSort, string> = {
  title: `f.sort_title, f.id`,
  '-title': `f.sort_title DESC, f.id DESC`,
  updatedAt: `f.updated_at, f.id`,
  '-updatedAt': `f.updated_at DESC, f.id DESC`,
};

/** All SQL about courses and their settings. */
@Injectable()
export class CourseRepository {
  async findPage(
    manager: EntityManager,
    filter: CourseFilter,
  ): Promise<{ items: CourseSummary[]; total: number }> {
    const parameters: unknown[] = [filter.scope];
    const where = [inScopeSql('o.path', '$1')];
    const add = (value: unknown) => `$${parameters.push(value)}`;
    if (filter.q) {
      const pattern = add(`%${escapeLike(filter.q.toLowerCase())}%`);
      where.push(
        `(c.code ILIKE ${pattern} OR content_text_search(COALESCE(w.title, p.title)) LIKE ${pattern})`,
      );
    }
    if (filter.area) where.push(`c.area = ${add(filter.area)}`);
    if (filter.status) where.push(`${COURSE_STATUS_SQL} = ${add(filter.status)}`);
    if (filter.incompleteLanguage) {
      where.push(
        `COALESCE((COALESCE(w.completeness, p.completeness)->>${add(filter.incompleteLanguage)})::int, 0) < 100`,
      );
    }
    if (filter.mine) {
      where.push(
        `EXISTS (SELECT 1 FROM course_author a WHERE a.course_id = c.id AND a.user_id = ${add(filter.userId)})`,
      );
    }
    const { rows, total } = await selectPage<SummaryRow>(
      manager,
      {
        from: `SELECT c.id, c.code, COALESCE(w.title, p.title) AS title, c.area, c.level, c.default_language,
                      ${ORG_UNIT_REF_SQL} AS owner, ${COURSE_STATUS_SQL} AS status, p.number AS published_number,
                      c.working_version_id, COALESCE(w.completeness, p.completeness) AS completeness, c.updated_at,
                      lower(COALESCE(w.title, p.title)->>c.default_language) AS sort_title
                 FROM course c
                 JOIN org_unit o ON o.id = c.owner_org_unit_id
                 LEFT JOIN course_version w ON w.id = c.working_version_id
                 LEFT JOIN course_version p ON p.id = c.current_version_id
                WHERE ${where.join(' AND ')}`,
        order: SORTS[filter.sort],
        parameters,
        sortOnly: ['sort_title'],
      },
      filter.page,
      filter.pageSize,
    );
    return { items: rows.map(toSummary), total };
  }

  /** Everything the course page shows, in one statement; null when there is no such course. */
  async findDetail(
    manager: EntityManager,
    id: string,
  ): Promise<(Omit<CourseDetail, 'permissions'> & { ownerPath: string }) | null> {
    const rows: DetailRow[] = await manager.query(
      `SELECT c.id, c.code, COALESCE(w.title, p.title) AS title, c.area, c.level, c.estimated_hours,
              c.default_language, ${ORG_UNIT_REF_SQL} AS owner, o.path AS owner_path,
              ${COURSE_STATUS_SQL} AS status, c.self_enrolment, c.lesson_completion, c.archived_at,
              c.working_version_id, c.current_version_id, c.updated_at,
              COALESCE((SELECT json_agg(json_build_object('id', au.id, 'name', au.name) ORDER BY au.path)
                          FROM course_audience ca JOIN org_unit au ON au.id = ca.org_unit_id
                         WHERE ca.course_id = c.id), '[]') AS audience,
              COALESCE((SELECT json_agg(json_build_object('id', u.id, 'fullName', u.full_name) ORDER BY u.full_name, u.id)
                          FROM course_author a JOIN app_user u ON u.id = a.user_id
                         WHERE a.course_id = c.id), '[]') AS authors,
              COALESCE((SELECT json_agg(json_build_object('id', k.id, 'code', k.code, 'title', k.title,
                                                          'area', k.area, 'level', k.level) ORDER BY k.code)
                          FROM course_competency cc JOIN competency k ON k.id = cc.competency_id
                         WHERE cc.course_id = c.id), '[]') AS competencies,
              COALESCE((SELECT json_agg(json_build_object('id', pc.id, 'code', pc.code,
                                                          'title', COALESCE(pw.title, pp.title)) ORDER BY pc.code)
                          FROM course_prerequisite cp JOIN course pc ON pc.id = cp.prerequisite_course_id
                          LEFT JOIN course_version pw ON pw.id = pc.working_version_id
                          LEFT JOIN course_version pp ON pp.id = pc.current_version_id
                         WHERE cp.course_id = c.id), '[]') AS prerequisites,
              COALESCE((SELECT json_agg(json_build_object(
                                 'id', v.id, 'number', v.number, 'status', v.status, 'createdAt', v.created_at,
                                 'createdBy', ${personRefSql('v.created_by')},
                                 'submittedAt', v.submitted_at, 'submittedBy', ${personRefSql('v.submitted_by')},
                                 'reviewComment', v.review_comment,
                                 'publishedAt', v.published_at, 'publishedBy', ${personRefSql('v.published_by')},
                                 'basedOnNumber', (SELECT b.number FROM course_version b WHERE b.id = v.based_on_version_id))
                               ORDER BY v.number DESC)
                          FROM course_version v WHERE v.course_id = c.id), '[]') AS versions
         FROM course c
         JOIN org_unit o ON o.id = c.owner_org_unit_id
         LEFT JOIN course_version w ON w.id = c.working_version_id
         LEFT JOIN course_version p ON p.id = c.current_version_id
        WHERE c.id = $1`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      area: row.area,
      level: row.level,
      estimatedHours: Number(row.estimated_hours),
      defaultLanguage: row.default_language,
      ownerOrgUnit: row.owner,
      ownerPath: row.owner_path,
      audience: row.audience,
      authors: row.authors,
      competencies: row.competencies,
      prerequisites: row.prerequisites,
      selfEnrolment: row.self_enrolment,
      lessonCompletion: row.lesson_completion,
      status: row.status,
      archivedAt: isoInstant(row.archived_at),
      workingVersionId: row.working_version_id,
      currentVersionId: row.current_version_id,
      versions: row.versions.map((version) => ({
        ...version,
        createdAt: isoInstant(version.createdAt),
        submittedAt: isoInstant(version.submittedAt),
        publishedAt: isoInstant(version.publishedAt),
      })),
      updatedAt: isoInstant(row.updated_at),
    };
  }

  /** The course and its scope, locked against concurrent changes of its settings and versions. */
  async lock(manager: EntityManager, id: string): Promise<CourseRecord | null> {
    const rows: (Omit<CourseRecord, 'estimatedHours'> & { estimatedHours: string })[] = await manager.query(
      `SELECT c.id, c.code, c.owner_org_unit_id AS "ownerOrgUnitId", o.path AS "ownerPath",
              c.default_language AS "defaultLanguage", c.current_version_id AS "currentVersionId",
              c.working_version_id AS "workingVersionId", c.archived_at AS "archivedAt", c.area, c.level,
              c.estimated_hours AS "estimatedHours", c.self_enrolment AS "selfEnrolment",
              c.lesson_completion AS "lessonCompletion"
         FROM course c JOIN org_unit o ON o.id = c.owner_org_unit_id
        WHERE c.id = $1 FOR UPDATE OF c`,
      [id],
    );
    const row = rows[0];
    return row ? { ...row, estimatedHours: Number(row.estimatedHours) } : null;
  }

  async insert(manager: EntityManager, course: CourseSettings & { ownerOrgUnitId: string }): Promise<string> {
    return insertReturningId(
      manager,
      `INSERT INTO course (code, area, level, estimated_hours, default_language, owner_org_unit_id,
                           self_enrolment, lesson_completion)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        course.code,
        course.area,
        course.level,
        course.estimatedHours,
        course.defaultLanguage,
        course.ownerOrgUnitId,
        course.selfEnrolment,
        course.lessonCompletion,
      ],
    );
  }

  async updateSettings(manager: EntityManager, id: string, settings: Partial<CourseSettings>): Promise<void> {
    await manager.query(
      `UPDATE course SET code = COALESCE($2, code), area = COALESCE($3, area), level = COALESCE($4, level),
              estimated_hours = COALESCE($5, estimated_hours), default_language = COALESCE($6, default_language),
              self_enrolment = COALESCE($7, self_enrolment), lesson_completion = COALESCE($8, lesson_completion),
              updated_at = now()
        WHERE id = $1`,
      [
        id,
        settings.code ?? null,
        settings.area ?? null,
        settings.level ?? null,
        settings.estimatedHours ?? null,
        settings.defaultLanguage ?? null,
        settings.selfEnrolment ?? null,
        settings.lessonCompletion ?? null,
      ],
    );
  }

  /** Marks the course changed, so that lists sorted by the last change show it first. */
  async touch(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE course SET updated_at = now() WHERE id = $1`, [id]);
  }

  async setArchived(manager: EntityManager, id: string, archived: boolean): Promise<void> {
    await manager.query(
      `UPDATE course SET archived_at = CASE WHEN $2 THEN now() END, updated_at = now() WHERE id = $1`,
      [id, archived],
    );
  }

  async setVersions(
    manager: EntityManager,
    id: string,
    versions: { currentVersionId?: string | null; workingVersionId: string | null },
  ): Promise<void> {
    await manager.query(
      `UPDATE course SET working_version_id = $2,
              current_version_id = CASE WHEN $3 THEN $4::uuid ELSE current_version_id END, updated_at = now()
        WHERE id = $1`,
      [
        id,
        versions.workingVersionId,
        versions.currentVersionId !== undefined,
        versions.currentVersionId ?? null,
      ],
    );
  }

  /**
   * Replaces one of the course's lists (audience units, authors, competencies, prerequisites) by the
   * given ids in one statement each way; ids that name no row fail their foreign key.
   */
  async replaceLinks(
    manager: EntityManager,
    id: string,
    link: 'audience' | 'authors' | 'competencies' | 'prerequisites',
    ids: string[],
  ): Promise<void> {
    const [table, column] = LINKS[link];
    await manager.query(`DELETE FROM ${table} WHERE course_id = $1 AND NOT (${column} = ANY($2::uuid[]))`, [
      id,
      ids,
    ]);
    await manager.query(
      `INSERT INTO ${table} (course_id, ${column}) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [id, ids],
    );
  }

  /** Of the given ids, those that name no row of the table behind the link (or no unit/user in scope). */
  async unknownIds(
    manager: EntityManager,
    link: 'audience' | 'authors' | 'competencies' | 'prerequisites',
    ids: string[],
  ): Promise<string[]> {
    const table = {
      audience: 'org_unit',
      authors: 'app_user',
      competencies: 'competency',
      prerequisites: 'course',
    }[link];
    const rows: { id: string }[] = await manager.query(
      `SELECT given.id FROM unnest($1::uuid[]) AS given(id)
        WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = given.id)`,
      [ids],
    );
    return rows.map((row) => row.id);
  }

  /** Of the given people, those holding no authoring role on the course's unit or above it. */
  async usersWithoutAuthoringRole(
    manager: EntityManager,
    userIds: string[],
    ownerPath: string,
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT given.id FROM unnest($1::uuid[]) AS given(id)
        WHERE NOT EXISTS (SELECT 1 FROM role_grant g JOIN org_unit u ON u.id = g.org_unit_id
                           WHERE g.user_id = given.id AND g.role::text IN ('trainer', 'reviewer', 'admin')
                             AND ($2 = u.path OR $2 LIKE u.path || '.%'))`,
      [userIds, ownerPath],
    );
    return rows.map((row) => row.id);
  }

  /** The path of the unit that owns the course, or null when there is no such course. */
  async ownerPath(manager: EntityManager, courseId: string): Promise<string | null> {
    const rows: { path: string }[] = await manager.query(
      `SELECT o.path FROM course c JOIN org_unit o ON o.id = c.owner_org_unit_id WHERE c.id = $1`,
      [courseId],
    );
    return rows[0]?.path ?? null;
  }

  /**
   * Active people holding an authoring role (trainer, reviewer, admin) on the unit at `ownerPath` or
   * above it, matched by part of login or name through the trigram index, by name order.
   */
  async findAuthorCandidates(
    manager: EntityManager,
    ownerPath: string,
    filter: { q?: string; id?: string },
    page: number,
    pageSize: number,
  ): Promise<{ rows: AuthorCandidate[]; total: number }> {
    const parameters: unknown[] = [ownerPath];
    const conditions = [
      `u.status = 'active'`,
      `EXISTS (SELECT 1 FROM role_grant g JOIN org_unit o ON o.id = g.org_unit_id
                WHERE g.user_id = u.id AND g.role::text IN ('trainer', 'reviewer', 'admin')
                  AND ($1 = o.path OR $1 LIKE o.path || '.%'))`,
    ];
    if (filter.q) {
      parameters.push(`%${escapeLike(filter.q)}%`);
      const pattern = `$${parameters.length}`;
      conditions.push(
        `(u.login ILIKE ${pattern} OR u.full_name ILIKE ${pattern} OR u.full_name_cyrillic ILIKE ${pattern})`,
      );
    }
    if (filter.id) {
      parameters.push(filter.id);
      conditions.push(`u.id = $${parameters.length}`);
    }
    return selectPage<AuthorCandidate & { sortName: string }>(
      manager,
      {
        from: `SELECT u.id, u.full_name AS "fullName", u.login, lower(u.full_name) AS "sortName"
                 FROM app_user u WHERE ${conditions.join(' AND ')}`,
        order: `f."sortName", f.id`,
        parameters,
        sortOnly: ['sortName'],
      },
      page,
      pageSize,
    );
  }

  async orgUnitPath(manager: EntityManager, orgUnitId: string): Promise<string | null> {
    const rows: { path: string }[] = await manager.query(
      `SELECT path FROM org_unit WHERE id = $1 AND status = 'active'`,
      [orgUnitId],
    );
    return rows[0]?.path ?? null;
  }
}

const LINKS = {
  audience: ['course_audience', 'org_unit_id'],
  authors: ['course_author', 'user_id'],
  competencies: ['course_competency', 'competency_id'],
  prerequisites: ['course_prerequisite', 'prerequisite_course_id'],
} as const;

function toSummary(row: SummaryRow): CourseSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    area: row.area,
    level: row.level,
    defaultLanguage: row.default_language,
    ownerOrgUnit: row.owner,
    status: row.status,
    publishedVersionNumber: row.published_number,
    workingVersionId: row.working_version_id,
    completeness: row.completeness ?? {},
    updatedAt: isoInstant(row.updated_at),
  };
}
