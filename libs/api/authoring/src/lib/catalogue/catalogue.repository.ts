import { Injectable } from '@nestjs/common';
import { escapeLike } from '@border-academy/api-platform';
import { CatalogueCourse, CourseLevel, ThematicArea } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

import { ORG_UNIT_REF_SQL } from '../courses/course.repository';
import { selectPage } from '../sql-page';

export interface CatalogueFilter {
  /** The caller's own unit: a course is shown when its audience holds this unit or one above it. */
  orgUnitId: string;
  q?: string;
  area?: ThematicArea;
  level?: CourseLevel;
  language?: string;
  page: number;
  pageSize: number;
}

/**
 * The words of a search as a prefix query (`risk:* & anal:*`) for `to_tsquery`: only runs of letters
 * and digits are kept, so nothing the learner types can break the query's syntax. Null when no word is left.
 */
export function searchPrefixQuery(text: string): string | null {
  const words =
    text
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 10) ?? [];
  return words.length > 0 ? words.map((word) => `${word}:*`).join(' & ') : null;
}

/**
 * The learner catalogue: published, not archived courses whose audience contains the caller's unit
 * (the owning unit when a course names no audience). Only the published version's learner-facing
 * fields are read here; nothing of the question bank. The search is PostgreSQL's full-text search
 * over the published version's title and description, stemmed in English and Russian, through the
 * GIN index on `course_version.search_vector`; a course code matches by part too.
 */
@Injectable()
export class CatalogueRepository {
  async findPage(
    manager: EntityManager,
    filter: CatalogueFilter,
  ): Promise<{ items: CatalogueCourse[]; total: number }> {
    const parameters: unknown[] = [filter.orgUnitId];
    const where = [
      `c.archived_at IS NULL`,
      `(EXISTS (SELECT 1 FROM course_audience ca WHERE ca.course_id = c.id AND ca.org_unit_id IN (SELECT id FROM above))
        OR (NOT EXISTS (SELECT 1 FROM course_audience ca WHERE ca.course_id = c.id) AND c.owner_org_unit_id IN (SELECT id FROM above)))`,
    ];
    const add = (value: unknown) => `$${parameters.push(value)}`;
    let rank = '0';
    if (filter.q) {
      const code = add(`%${escapeLike(filter.q.toLowerCase())}%`);
      const words = searchPrefixQuery(filter.q);
      if (words) {
        const query = `(to_tsquery('english', ${add(words)}) || to_tsquery('russian', $${parameters.length}) || to_tsquery('simple', $${parameters.length}))`;
        where.push(`(p.search_vector @@ ${query} OR c.code LIKE ${code})`);
        rank = `ts_rank(p.search_vector, ${query})`;
      } else {
        where.push(`c.code LIKE ${code}`);
      }
    }
    if (filter.area) where.push(`c.area = ${add(filter.area)}`);
    if (filter.level) where.push(`c.level = ${add(filter.level)}`);
    if (filter.language) where.push(`(p.completeness->>${add(filter.language)})::int = 100`);
    const { rows, total } = await selectPage<CatalogueCourse>(
      manager,
      {
        from: `WITH me AS (SELECT path FROM org_unit WHERE id = $1),
                    above AS (SELECT u.id FROM org_unit u, me WHERE me.path = u.path OR me.path LIKE u.path || '.%')
               SELECT c.id, p.id AS "versionId", c.code, p.title, p.description, c.area, c.level,
                      c.estimated_hours::float AS "estimatedHours", c.default_language AS "defaultLanguage",
                      COALESCE((SELECT array_agg(l.code ORDER BY l.position) FROM content_language l
                                 WHERE l.enabled AND (p.completeness->>l.code)::int = 100), '{}') AS languages,
                      ${ORG_UNIT_REF_SQL} AS "ownerOrgUnit", c.self_enrolment AS "selfEnrolment",
                      lower(p.title->>c.default_language) AS sort_title, ${rank} AS sort_rank
                 FROM course c
                 JOIN course_version p ON p.id = c.current_version_id AND p.status = 'published'
                 JOIN org_unit o ON o.id = c.owner_org_unit_id
                WHERE ${where.join(' AND ')}`,
        order: `f.sort_rank DESC, f.sort_title, f.id`,
        parameters,
        sortOnly: ['sort_title', 'sort_rank'],
      },
      filter.page,
      filter.pageSize,
    );
    return { items: rows, total };
  }
}
