import { Injectable } from '@nestjs/common';
import { inScopeSql } from '@border-academy/api-platform';
import { AuditEvent, AuditEventListQuery } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

interface AuditEventRow {
  id: string | null;
  at: Date;
  actor_user_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  summary: Record<string, unknown>;
  total_count: string;
}

/** Reads the audit trail; there is no statement here that changes it. */
@Injectable()
export class AuditEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One page, newest first, with the total, in one statement. An event is in scope when its actor
   * or its target user belongs to a unit inside the scope.
   */
  async findPage(
    scope: string[],
    filter: Omit<AuditEventListQuery, 'page' | 'pageSize'> & { offset: number; limit: number },
  ): Promise<{ items: AuditEvent[]; total: number }> {
    const parameters: unknown[] = [scope];
    const add = (value: unknown): string => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    const conditions = [
      `EXISTS (SELECT 1 FROM app_user u JOIN org_unit ou ON ou.id = u.org_unit_id
                WHERE (u.id = e.actor_user_id OR (e.target_type = 'user' AND u.id::text = e.target_id))
                  AND ${inScopeSql('ou.path', '$1')})`,
    ];
    if (filter.actorUserId) conditions.push(`e.actor_user_id = ${add(filter.actorUserId)}`);
    if (filter.targetType) conditions.push(`e.target_type = ${add(filter.targetType)}`);
    if (filter.targetId) conditions.push(`e.target_id = ${add(filter.targetId)}`);
    if (filter.action) conditions.push(`e.action = ${add(filter.action)}`);
    if (filter.from) conditions.push(`e.at >= ${add(filter.from)}`);
    if (filter.to) conditions.push(`e.at < ${add(filter.to)}`);
    const where = conditions.join(' AND ');
    const limit = add(filter.limit);
    const offset = add(filter.offset);
    // the LEFT JOIN keeps one row of nulls on a page past the end, so the total still arrives
    const rows: AuditEventRow[] = await this.dataSource.query(
      `WITH matching AS (
         SELECT e.id::text AS id, e.at, e.actor_user_id, e.action, e.target_type, e.target_id, e.ip, e.summary,
                count(*) OVER () AS window_total
           FROM audit_event e WHERE ${where}
          ORDER BY e.at DESC, e.id DESC
          LIMIT ${limit} OFFSET ${offset})
       SELECT m.*, COALESCE(m.window_total, (SELECT count(*) FROM audit_event e WHERE ${where})) AS total_count
         FROM (SELECT 1) AS always LEFT JOIN matching m ON true`,
      parameters,
    );
    const items = rows
      .filter((row) => row.id !== null)
      .map((row) => ({
        id: row.id ?? '',
        at: row.at.toISOString(),
        actorUserId: row.actor_user_id,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        ip: row.ip,
        summary: row.summary,
      }));
    return { items, total: Number(rows[0]?.total_count ?? 0) };
  }
}
