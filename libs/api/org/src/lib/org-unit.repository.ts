import { Injectable } from '@nestjs/common';
import {
  EVERY_PRINCIPAL,
  PrincipalCache,
  codeOrNameMatchesSql,
  escapeLike,
  inScopeSql,
  insertReturningId,
} from '@border-academy/api-platform';
import { LocalizedText, OrgUnit, OrgUnitKind, OrgUnitStatus } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

interface OrgUnitRow {
  id: string;
  code: string;
  kind: OrgUnitKind;
  name: LocalizedText;
  status: OrgUnitStatus;
  parent_id: string | null;
  path: string;
  depth: number;
  child_count: number;
  total_count?: string;
}

export interface OrgUnitFilter {
  parentId?: string;
  q?: string;
  administered: boolean;
  administeredRoots: boolean;
  includeInactive: boolean;
  /** Paths of the caller's admin grants: what the `administered` filters and `includeInactive` look at. */
  adminScope: string[];
  offset: number;
  limit: number;
}

/** A unit as a change sees it, read inside the change's transaction. */
export type OrgUnitRecord = Omit<OrgUnit, 'childCount'>;

const COLUMNS = `u.id, u.code, u.kind, u.name, u.status, u.parent_id, u.path, u.depth`;

// the child count is a correlated subquery on ix_org_unit_parent_id_status, so a page stays one statement
const ACTIVE_CHILD_COUNT = `(SELECT count(*)::int FROM org_unit c WHERE c.parent_id = u.id AND c.status = 'active')`;

/** The subtree of the unit whose path is the parameter: the unit itself and every unit below it. */
function subtreeSql(pathColumn: string, pathParameter: string): string {
  return `(${pathColumn} = ${pathParameter} OR ${pathColumn} LIKE ${pathParameter} || '.%')`;
}

function toOrgUnit(row: OrgUnitRow): OrgUnit {
  return { ...toRecord(row), childCount: row.child_count };
}

function toRecord(row: Omit<OrgUnitRow, 'child_count'>): OrgUnitRecord {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    name: row.name,
    status: row.status,
    parentId: row.parent_id,
    path: row.path,
    depth: row.depth,
  };
}

/** All SQL about org units. Each method is one statement. */
@Injectable()
export class OrgUnitRepository {
  constructor(private readonly principals: PrincipalCache) {}

  async findPage(
    manager: EntityManager,
    filter: OrgUnitFilter,
  ): Promise<{ items: OrgUnit[]; total: number }> {
    const parameters: unknown[] = [];
    const add = (value: unknown): string => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    // a parameter PostgreSQL cannot see used has no type, so the scope is sent only where it is used
    let scopeParameter: string | undefined;
    const scope = (): string => (scopeParameter ??= add(filter.adminScope));
    // inactive units are listed only inside the admin scope, and only when asked for
    const visible = (alias: string) =>
      filter.includeInactive
        ? `(${alias}.status = 'active' OR ${inScopeSql(`${alias}.path`, scope())})`
        : `${alias}.status = 'active'`;
    const conditions = [visible('u')];
    if (filter.parentId) conditions.push(`u.parent_id = ${add(filter.parentId)}`);
    if (filter.q) conditions.push(codeOrNameMatchesSql('u', add(`%${escapeLike(filter.q)}%`)));
    if (filter.administered) conditions.push(inScopeSql('u.path', scope()));
    if (filter.administeredRoots) {
      // the units the grants are on, but not one that lies inside another grant's subtree
      const paths = scope();
      conditions.push(`u.path = ANY(${paths}::text[])
        AND NOT EXISTS (SELECT 1 FROM unnest(${paths}::text[]) AS outer_scope(path)
                         WHERE u.path LIKE outer_scope.path || '.%')`);
    }
    const where = conditions.join(' AND ');
    const limit = add(filter.limit);
    const offset = add(filter.offset);
    // the LEFT JOIN keeps one row of nulls on a page past the end, so the total still arrives
    const rows: (OrgUnitRow | { id: null; total_count: string })[] = await manager.query(
      `WITH matching AS (
         SELECT ${COLUMNS},
                (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = u.id AND ${visible('c')}) AS child_count,
                count(*) OVER () AS window_total
           FROM org_unit u WHERE ${where}
          ORDER BY u.path
          LIMIT ${limit} OFFSET ${offset})
       SELECT m.*, COALESCE(m.window_total, (SELECT count(*) FROM org_unit u WHERE ${where})) AS total_count
         FROM (SELECT 1) AS always LEFT JOIN matching m ON true`,
      parameters,
    );
    const items = rows.filter((row): row is OrgUnitRow => row.id !== null).map(toOrgUnit);
    return { items, total: Number(rows[0]?.total_count ?? 0) };
  }

  async findById(manager: EntityManager, id: string): Promise<OrgUnit | null> {
    const rows: OrgUnitRow[] = await manager.query(
      `SELECT ${COLUMNS}, ${ACTIVE_CHILD_COUNT} AS child_count FROM org_unit u WHERE u.id = $1`,
      [id],
    );
    return rows[0] ? toOrgUnit(rows[0]) : null;
  }

  /**
   * Tree changes (add, move, deactivate, reactivate) take turns: each reads paths and writes paths
   * or statuses derived from them, so two at once could leave a subtree with stale paths. Reads and
   * the row locks of people's foreign keys are not blocked.
   */
  async lockTree(manager: EntityManager): Promise<void> {
    await manager.query(`LOCK TABLE org_unit IN SHARE ROW EXCLUSIVE MODE`);
  }

  /** Locks and returns a unit inside the scope; null when there is none such there. */
  async findInScopeForUpdate(
    manager: EntityManager,
    scope: string[],
    id: string,
  ): Promise<OrgUnitRecord | null> {
    const rows: OrgUnitRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM org_unit u WHERE u.id = $2 AND ${inScopeSql('u.path', '$1')} FOR UPDATE`,
      [scope, id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findStatus(manager: EntityManager, id: string): Promise<OrgUnitStatus | null> {
    const rows: { status: OrgUnitStatus }[] = await manager.query(
      `SELECT status FROM org_unit WHERE id = $1`,
      [id],
    );
    return rows[0]?.status ?? null;
  }

  async insert(
    manager: EntityManager,
    unit: { code: string; kind: OrgUnitKind; name: LocalizedText; parent: OrgUnitRecord },
  ): Promise<string> {
    return insertReturningId(
      manager,
      `INSERT INTO org_unit (code, kind, name, parent_id, path, depth) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id`,
      [
        unit.code,
        unit.kind,
        JSON.stringify(unit.name),
        unit.parent.id,
        `${unit.parent.path}.${unit.code}`,
        unit.parent.depth + 1,
      ],
    );
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: { name?: LocalizedText; kind?: OrgUnitKind },
  ): Promise<void> {
    await manager.query(
      `UPDATE org_unit SET name = COALESCE($2::jsonb, name), kind = COALESCE($3::org_unit_kind, kind),
              updated_at = now()
        WHERE id = $1`,
      [id, changes.name ? JSON.stringify(changes.name) : null, changes.kind ?? null],
    );
  }

  /**
   * Hangs the unit under a new parent and rewrites the path and depth of its whole subtree in one
   * statement; returns how many units moved.
   */
  async moveSubtree(manager: EntityManager, unit: OrgUnitRecord, parent: OrgUnitRecord): Promise<number> {
    this.principals.changed(EVERY_PRINCIPAL);
    const [, moved]: [unknown, number] = await manager.query(
      `UPDATE org_unit u
          SET path = $3 || substr(u.path, length($1) + 1),
              depth = u.depth + $4,
              parent_id = CASE WHEN u.id = $2 THEN $5::uuid ELSE u.parent_id END,
              updated_at = now()
        WHERE ${subtreeSql('u.path', '$1')}`,
      [unit.path, unit.id, `${parent.path}.${unit.code}`, parent.depth + 1 - unit.depth, parent.id],
    );
    return moved;
  }

  /** Active people whose unit is this one or one below it. */
  async countActiveUsersInSubtree(manager: EntityManager, path: string): Promise<number> {
    const rows: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count
         FROM app_user p JOIN org_unit u ON u.id = p.org_unit_id
        WHERE p.status = 'active' AND ${subtreeSql('u.path', '$1')}`,
      [path],
    );
    return rows[0]?.count ?? 0;
  }

  /** Sets the status of the unit and every unit below it; returns how many changed. */
  async setSubtreeStatus(manager: EntityManager, path: string, status: OrgUnitStatus): Promise<number> {
    const [, changed]: [unknown, number] = await manager.query(
      `UPDATE org_unit u SET status = $2, updated_at = now()
        WHERE ${subtreeSql('u.path', '$1')} AND u.status <> $2`,
      [path, status],
    );
    return changed;
  }
}
