import { Injectable } from '@nestjs/common';
import { selectPage } from '@border-academy/api-authoring';
import { AccessContext, escapeLike, inScopeSql } from '@border-academy/api-platform';
import {
  ComplianceMatrix,
  ComplianceQuery,
  ComplianceRow,
  ComplianceSort,
  ComplianceSummary,
  ComplianceTrendPoint,
  DEFAULT_PAGE_SIZE,
  ExpiringQualification,
  OverdueAssignment,
  Page,
  QualificationRef,
} from '@border-academy/shared-contracts';
import { DataSource, EntityManager } from 'typeorm';

import { Clock } from '../clock';
import { STANDING_SQL, scopePaths } from '../standing';

export type ComplianceFilter = Omit<ComplianceQuery, 'page' | 'pageSize' | 'language'>;

/** A statement over the filtered people and their cells, with its parameters; the rest builds on it. */
interface CellsQuery {
  sql: string;
  parameters: unknown[];
  /** The condition on required qualifications (`q`), for reading one page's cells apart. */
  cellCondition: string;
}

/** The matrix's order, over the people CTE under `alias`; its export lists rows in the same order. */
export function complianceOrder(sort: ComplianceSort | undefined, alias: string): string {
  const name = `lower(${alias}.full_name)`;
  const orders: Record<ComplianceSort, string> = {
    name: `${name}, ${alias}.id`,
    '-name': `${name} DESC, ${alias}.id`,
    unit: `${alias}.unit_path, ${name}, ${alias}.id`,
    '-unit': `${alias}.unit_path DESC, ${name}, ${alias}.id`,
    gaps: `${alias}.gaps, ${name}, ${alias}.id`,
    '-gaps': `${alias}.gaps DESC, ${name}, ${alias}.id`,
  };
  return orders[sort ?? 'name'];
}

/**
 * The compliance matrix and everything computed from it: people of the scope × the qualifications
 * their positions require, each cell judged against the clock. Every answer is one SQL statement over
 * the whole scope; nothing loops over people in Node.
 */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The subtree paths to read: the caller's scope, narrowed to `unitId` when it lies inside it. */
  paths(manager: EntityManager, access: AccessContext, unitId: string | undefined): Promise<string[]> {
    return scopePaths(manager, access, unitId);
  }

  /**
   * `cells`: one row per person and required qualification (status judged at `$2`), and `people`:
   * one row per person with a required qualification, their gaps and whether they match the status filter.
   */
  cellsQuery(paths: string[], filter: ComplianceFilter, now: Date): CellsQuery {
    const parameters: unknown[] = [paths, now];
    const personWhere = [`u.status = 'active'`, inScopeSql('o.path', '$1')];
    const cellWhere: string[] = [];
    if (filter.positionId) {
      parameters.push(filter.positionId);
      personWhere.push(`u.position_id = $${parameters.length}`);
    }
    if (filter.q) {
      parameters.push(`%${escapeLike(filter.q)}%`);
      personWhere.push(`(u.full_name ILIKE $${parameters.length} OR u.login ILIKE $${parameters.length})`);
    }
    if (filter.area) {
      parameters.push(filter.area);
      cellWhere.push(`q.area = $${parameters.length}`);
    }
    let statusFilter = 'true';
    if (filter.status) {
      // people with at least one required qualification in that status
      statusFilter = `p.${filter.status} > 0`;
    }
    // Scoped people first, then their cells: holdings are read in one hash join (the fence keeps the
    // planner from probing the index once per cell, which it picks when it underestimates the scope).
    const sql = `
      scoped AS MATERIALIZED (
        SELECT u.id, u.full_name, u.login, u.org_unit_id, u.position_id, o.path AS unit_path
          FROM app_user u
          JOIN org_unit o ON o.id = u.org_unit_id
         WHERE u.position_id IS NOT NULL AND ${personWhere.join(' AND ')}
      ),
      cells AS (
        SELECT s.id AS user_id, q.id AS qualification_id, q.area, sq.expires_at, ${STANDING_SQL} AS status
          FROM scoped s
          JOIN position_qualification pq ON pq.position_id = s.position_id
          JOIN qualification q ON q.id = pq.qualification_id
          LEFT JOIN (SELECT user_id, qualification_id, expires_at FROM staff_qualification OFFSET 0) sq
                 ON sq.user_id = s.id AND sq.qualification_id = q.id
         ${cellWhere.length ? `WHERE ${cellWhere.join(' AND ')}` : ''}
      ),
      -- per person: what they hold of what their position requires, by status, in one pass over holdings;
      -- what they lack is the position's count less what they hold (no row per missing cell)
      required AS (
        SELECT pq.position_id, count(*)::int AS required
          FROM position_qualification pq JOIN qualification q ON q.id = pq.qualification_id
         ${cellWhere.length ? `WHERE ${cellWhere.join(' AND ')}` : ''}
         GROUP BY pq.position_id
      ),
      held AS (
        SELECT sq.user_id,
               count(*) FILTER (WHERE sq.expires_at IS NULL OR sq.expires_at > $2::timestamptz + make_interval(days => q.warning_days))::int AS valid,
               count(*) FILTER (WHERE sq.expires_at > $2::timestamptz AND sq.expires_at <= $2::timestamptz + make_interval(days => q.warning_days))::int AS expiring,
               count(*) FILTER (WHERE sq.expires_at <= $2::timestamptz)::int AS expired
          FROM scoped s
          JOIN (SELECT user_id, qualification_id, expires_at FROM staff_qualification OFFSET 0) sq ON sq.user_id = s.id
          JOIN position_qualification pq ON pq.position_id = s.position_id AND pq.qualification_id = sq.qualification_id
          JOIN qualification q ON q.id = sq.qualification_id
         ${cellWhere.length ? `WHERE ${cellWhere.join(' AND ')}` : ''}
         GROUP BY sq.user_id
      ),
      people AS MATERIALIZED (
        SELECT x.*, x.missing + x.expired AS gaps FROM (
          SELECT s.*, COALESCE(h.valid, 0) AS valid, COALESCE(h.expiring, 0) AS expiring,
                 COALESCE(h.expired, 0) AS expired,
                 r.required - COALESCE(h.valid + h.expiring + h.expired, 0) AS missing
            FROM scoped s
            JOIN required r ON r.position_id = s.position_id
            LEFT JOIN held h ON h.user_id = s.id) x
         WHERE ${statusFilter.replace(/p\./g, 'x.')}
      )`;
    return { sql, parameters, cellCondition: cellWhere.length ? cellWhere.join(' AND ') : 'true' };
  }

  async matrix(access: AccessContext, query: ComplianceQuery): Promise<ComplianceMatrix> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const manager = this.dataSource.manager;
    const paths = await this.paths(manager, access, query.unitId);
    const { sql, parameters, cellCondition } = this.cellsQuery(paths, query, this.clock.now());
    const first = parameters.length + 1;
    const rows: {
      totals: ComplianceMatrix['totals'];
      items: ComplianceRow[];
      columns: QualificationRef[];
    }[] = await manager.query(
      `WITH ${sql},
         paged AS (
           SELECT f.* FROM people f ORDER BY ${complianceOrder(query.sort, 'f')} OFFSET $${first} LIMIT $${first + 1}
         ),
         page_rows AS (
           SELECT p.*, row_number() OVER () AS ordinal FROM paged p
         ),
         page_cells AS (
           -- the page's own cells, read apart by index for its few people
           SELECT r.id AS user_id,
                  json_agg(json_build_object('qualificationId', q.id, 'status', ${STANDING_SQL}, 'expiresAt', sq.expires_at)
                           ORDER BY q.area, q.code) AS cells
             FROM page_rows r
             JOIN position_qualification pq ON pq.position_id = r.position_id
             JOIN qualification q ON q.id = pq.qualification_id
             LEFT JOIN staff_qualification sq ON sq.user_id = r.id AND sq.qualification_id = q.id
            WHERE ${cellCondition}
            GROUP BY r.id
         )
         SELECT
           (SELECT json_build_object(
              'people', count(*)::int,
              'compliantPeople', count(*) FILTER (WHERE gaps = 0)::int,
              'valid', COALESCE(sum(valid), 0)::int,
              'expiring', COALESCE(sum(expiring), 0)::int,
              'expired', COALESCE(sum(expired), 0)::int,
              'missing', COALESCE(sum(missing), 0)::int) FROM people) AS totals,
           COALESCE((SELECT json_agg(json_build_object(
              'person', json_build_object('id', r.id, 'fullName', r.full_name, 'login', r.login),
              'orgUnit', (SELECT json_build_object('id', o.id, 'name', o.name) FROM org_unit o WHERE o.id = r.org_unit_id),
              'position', (SELECT json_build_object('id', ps.id, 'name', ps.name) FROM position ps WHERE ps.id = r.position_id),
              'cells', (SELECT pc.cells FROM page_cells pc WHERE pc.user_id = r.id))
              ORDER BY r.ordinal) FROM page_rows r), '[]'::json) AS items,
           COALESCE((SELECT json_agg(json_build_object('id', q.id, 'code', q.code, 'name', q.name, 'area', q.area)
                                     ORDER BY q.area, q.code)
                       FROM qualification q
                      WHERE q.id IN (SELECT (json_array_elements(pc.cells)->>'qualificationId')::uuid FROM page_cells pc)),
                    '[]'::json) AS columns`,
      [...parameters, (page - 1) * pageSize, pageSize],
    );
    const result = rows[0];
    const totals = result?.totals ?? {
      people: 0,
      compliantPeople: 0,
      valid: 0,
      expiring: 0,
      expired: 0,
      missing: 0,
    };
    return {
      columns: result?.columns ?? [],
      items: result?.items ?? [],
      total: totals.people,
      page,
      pageSize,
      totals,
    };
  }

  /** Counts per child unit of the chosen unit (or per unit of the scope) and per area. */
  async summary(access: AccessContext, filter: ComplianceFilter): Promise<ComplianceSummary> {
    const manager = this.dataSource.manager;
    const paths = await this.paths(manager, access, filter.unitId);
    const { sql, parameters } = this.cellsQuery(paths, filter, this.clock.now());
    const rows: ComplianceSummary[] = await manager.query(
      `WITH ${sql},
       kept AS (SELECT c.* FROM cells c JOIN people p ON p.id = c.user_id),
       groups AS (
         -- each chosen root's children, or the roots themselves when they have none
         SELECT g.id, g.name, g.path FROM org_unit g
          WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) r(path) WHERE g.path LIKE r.path || '.%' AND g.path NOT LIKE r.path || '.%.%')
          UNION
         SELECT g.id, g.name, g.path FROM org_unit g
          WHERE g.path = ANY($1::text[])
            AND NOT EXISTS (SELECT 1 FROM org_unit ch WHERE ch.path LIKE g.path || '.%')
       ),
       -- per unit from each person's counts; only the split by area needs the cells themselves
       by_unit AS (
         SELECT g.id, g.name, g.path,
                count(*)::int AS people,
                count(*) FILTER (WHERE p.gaps = 0)::int AS compliant,
                sum(p.valid)::int AS valid,
                sum(p.expiring)::int AS expiring,
                sum(p.expired)::int AS expired,
                sum(p.missing)::int AS missing
           FROM groups g JOIN people p ON p.unit_path = g.path OR p.unit_path LIKE g.path || '.%'
          GROUP BY g.id, g.name, g.path
       )
       SELECT
         COALESCE((SELECT json_agg(json_build_object('orgUnit', json_build_object('id', b.id, 'name', b.name),
                    'people', b.people, 'compliantPeople', b.compliant, 'valid', b.valid, 'expiring', b.expiring,
                    'expired', b.expired, 'missing', b.missing) ORDER BY b.path) FROM by_unit b), '[]'::json) AS "byUnit",
         COALESCE((SELECT json_agg(a ORDER BY a.area) FROM (
            SELECT k.area,
                   count(*) FILTER (WHERE k.status = 'valid')::int AS valid,
                   count(*) FILTER (WHERE k.status = 'expiring')::int AS expiring,
                   count(*) FILTER (WHERE k.status = 'expired')::int AS expired,
                   count(*) FILTER (WHERE k.status = 'missing')::int AS missing
              FROM kept k GROUP BY k.area) a), '[]'::json) AS "byArea"`,
      parameters,
    );
    return rows[0] ?? { byUnit: [], byArea: [] };
  }

  async trend(
    access: AccessContext,
    unitId: string | undefined,
    days: number,
  ): Promise<ComplianceTrendPoint[]> {
    const manager = this.dataSource.manager;
    const paths = await this.paths(manager, access, unitId);
    return manager.query(
      `SELECT to_char(s.day, 'YYYY-MM-DD') AS day, s.area, sum(s.required)::int AS required, sum(s.held)::int AS held
         FROM compliance_snapshot s JOIN org_unit o ON o.id = s.org_unit_id
        WHERE s.day > ($2::timestamptz)::date - $3::int AND ${inScopeSql('o.path', '$1')}
        GROUP BY s.day, s.area ORDER BY s.day, s.area`,
      [paths, this.clock.now(), days],
    );
  }

  async expiring(
    access: AccessContext,
    query: { unitId?: string; withinDays?: number; page?: number; pageSize?: number },
  ): Promise<Page<ExpiringQualification>> {
    const manager = this.dataSource.manager;
    const paths = await this.paths(manager, access, query.unitId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { rows, total } = await selectPage<ExpiringQualification>(
      manager,
      {
        from: `SELECT json_build_object('id', u.id, 'fullName', u.full_name) AS person,
                      json_build_object('id', o.id, 'name', o.name) AS "orgUnit",
                      json_build_object('id', q.id, 'code', q.code, 'name', q.name, 'area', q.area) AS qualification,
                      sq.expires_at AS "expiresAt", sq.user_id AS sort_user, q.id AS sort_qualification
                 FROM staff_qualification sq
                 JOIN app_user u ON u.id = sq.user_id AND u.status = 'active'
                 JOIN org_unit o ON o.id = u.org_unit_id
                 JOIN qualification q ON q.id = sq.qualification_id
                WHERE sq.expires_at > $2::timestamptz AND sq.expires_at <= $2::timestamptz + make_interval(days => $3::int)
                  AND ${inScopeSql('o.path', '$1')}`,
        order: 'f."expiresAt", f.sort_user, f.sort_qualification',
        parameters: [paths, this.clock.now(), query.withinDays ?? 30],
        sortOnly: ['sort_user', 'sort_qualification'],
      },
      page,
      pageSize,
    );
    return { items: rows, total, page, pageSize };
  }

  async overdue(
    access: AccessContext,
    query: { unitId?: string; page?: number; pageSize?: number },
  ): Promise<Page<OverdueAssignment>> {
    const manager = this.dataSource.manager;
    const paths = await this.paths(manager, access, query.unitId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { rows, total } = await selectPage<OverdueAssignment>(
      manager,
      {
        from: `SELECT e.id AS "enrolmentId",
                      json_build_object('id', u.id, 'fullName', u.full_name) AS person,
                      json_build_object('id', o.id, 'name', o.name) AS "orgUnit",
                      json_build_object('id', c.id, 'code', c.code, 'title', v.title) AS course,
                      e.due_at AS "dueAt", e.progress_percent AS "progressPercent"
                 FROM enrolment e
                 JOIN app_user u ON u.id = e.user_id AND u.status = 'active'
                 JOIN org_unit o ON o.id = u.org_unit_id
                 JOIN course c ON c.id = e.course_id
                 JOIN course_version v ON v.id = e.course_version_id
                WHERE e.due_at IS NOT NULL AND e.due_at < $2::timestamptz
                  AND e.status IN ('enrolled', 'in_progress', 'failed')
                  AND ${inScopeSql('o.path', '$1')}`,
        order: 'f."dueAt", f."enrolmentId"',
        parameters: [paths, this.clock.now()],
      },
      page,
      pageSize,
    );
    return { items: rows, total, page, pageSize };
  }
}
