import { Injectable } from '@nestjs/common';
import { LocalizedText, OrgUnit, OrgUnitKind } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

import { codeOrNameMatchesSql, escapeLike } from './sql';

interface OrgUnitRow {
  id: string;
  code: string;
  kind: OrgUnitKind;
  name: LocalizedText;
  parent_id: string | null;
  path: string;
  depth: number;
  child_count: number;
  total_count?: string;
}

export interface OrgUnitFilter {
  parentId?: string;
  q?: string;
  offset: number;
  limit: number;
}

// the child count is a correlated subquery on ix_org_unit_parent_id, so a page stays one statement
const SELECT_ORG_UNIT = `
  SELECT u.id, u.code, u.kind, u.name, u.parent_id, u.path, u.depth,
         (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = u.id) AS child_count`;

function toOrgUnit(row: OrgUnitRow): OrgUnit {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    name: row.name,
    parentId: row.parent_id,
    path: row.path,
    depth: row.depth,
    childCount: row.child_count,
  };
}

/** All SQL about org units. Each method is one query. */
@Injectable()
export class OrgUnitRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findPage(filter: OrgUnitFilter): Promise<{ items: OrgUnit[]; total: number }> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (filter.parentId) {
      parameters.push(filter.parentId);
      conditions.push(`u.parent_id = $${parameters.length}`);
    }
    if (filter.q) {
      parameters.push(`%${escapeLike(filter.q)}%`);
      const p = `$${parameters.length}`;
      conditions.push(codeOrNameMatchesSql('u', p));
    }
    parameters.push(filter.limit, filter.offset);
    const rows: OrgUnitRow[] = await this.dataSource.query(
      `${SELECT_ORG_UNIT}, count(*) OVER () AS total_count
         FROM org_unit u
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY u.path
        LIMIT $${parameters.length - 1} OFFSET $${parameters.length}`,
      parameters,
    );
    const total = rows[0]?.total_count !== undefined ? Number(rows[0].total_count) : await this.count(filter);
    return { items: rows.map(toOrgUnit), total };
  }

  async findById(id: string): Promise<OrgUnit | null> {
    const rows: OrgUnitRow[] = await this.dataSource.query(
      `${SELECT_ORG_UNIT} FROM org_unit u WHERE u.id = $1`,
      [id],
    );
    return rows[0] ? toOrgUnit(rows[0]) : null;
  }

  /** Only needed when the requested page lies past the end, where the window count returns no row. */
  private async count(filter: OrgUnitFilter): Promise<number> {
    if (filter.offset === 0) return 0;
    const { total } = await this.findPage({ ...filter, offset: 0, limit: 1 });
    return total;
  }
}
