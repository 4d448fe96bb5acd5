import { Injectable } from '@nestjs/common';
import { inScopeSql } from '@border-academy/api-platform';
import { AuditEvent, AuditEventListQuery, AuditPerson } from '@border-academy/shared-contracts';
import { DataSource } from 'typeorm';

interface AuditEventRow {
  id: string | null;
  at: Date;
  actor_user_id: string | null;
  actor: AuditPerson | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_user: AuditPerson | null;
  ip: string | null;
  summary: Record<string, unknown>;
  total_count: string;
}

// a user target is named by its id as text; a failed sign-in with an unknown login names the login
const UUID_TEXT = `'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`;

/**
 * The events with the people they name, as they are now. The target's id is cast only when it is one,
 * so that the join uses app_user's primary key instead of comparing every user's id as text.
 */
const EVENTS_WITH_PEOPLE = `
  audit_event e
  LEFT JOIN app_user actor ON actor.id = e.actor_user_id
  LEFT JOIN org_unit actor_unit ON actor_unit.id = actor.org_unit_id
  LEFT JOIN app_user target ON e.target_type = 'user'
        AND target.id = CASE WHEN e.target_id ~* ${UUID_TEXT} THEN e.target_id::uuid END
  LEFT JOIN org_unit target_unit ON target_unit.id = target.org_unit_id`;

function person(alias: string): string {
  return `CASE WHEN ${alias}.id IS NULL THEN NULL
               ELSE json_build_object('id', ${alias}.id, 'login', ${alias}.login, 'fullName', ${alias}.full_name) END`;
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
      `(${inScopeSql('actor_unit.path', '$1')} OR ${inScopeSql('target_unit.path', '$1')})`,
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
         SELECT e.id::text AS id, e.at, e.actor_user_id, ${person('actor')} AS actor, e.action, e.target_type,
                e.target_id, ${person('target')} AS target_user, e.ip, e.summary,
                count(*) OVER () AS window_total
           FROM ${EVENTS_WITH_PEOPLE} WHERE ${where}
          ORDER BY e.at DESC, e.id DESC
          LIMIT ${limit} OFFSET ${offset})
       SELECT m.*, COALESCE(m.window_total, (SELECT count(*) FROM ${EVENTS_WITH_PEOPLE} WHERE ${where})) AS total_count
         FROM (SELECT 1) AS always LEFT JOIN matching m ON true`,
      parameters,
    );
    const items = rows
      .filter((row) => row.id !== null)
      .map((row) => ({
        id: row.id ?? '',
        at: row.at.toISOString(),
        actorUserId: row.actor_user_id,
        actor: row.actor,
        action: row.action,
        targetType: row.target_type,
        targetId: row.target_id,
        targetUser: row.target_user,
        ip: row.ip,
        summary: row.summary,
      }));
    return { items, total: Number(rows[0]?.total_count ?? 0) };
  }
}
