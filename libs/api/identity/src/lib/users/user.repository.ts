import { Injectable } from '@nestjs/common';
import { PrincipalCache, inScopeSql } from '@border-academy/api-platform';
import {
  LanguageCode,
  LocalizedText,
  Role,
  RoleGrant,
  UserDetails,
  UserListQuery,
  UserSort,
  UserStatus,
  UserSummary,
} from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

interface UserRow {
  id: string;
  login: string;
  email: string;
  full_name: string;
  full_name_cyrillic: string | null;
  language: LanguageCode;
  status: UserStatus;
  org_unit_id: string;
  org_unit_name: LocalizedText;
  position_id: string | null;
  position_name: LocalizedText | null;
  roles: Role[];
  locked_until: Date | null;
  created_at: Date;
  erased_at: Date | null;
  grants?: RoleGrant[];
  total_count?: string;
}

export type UserFilter = Omit<UserListQuery, 'page' | 'pageSize'> & { offset: number; limit: number };

// each order ends on the id so that pages never overlap; the indexes of the migration match these
const ORDER_BY: Record<UserSort, string> = {
  name: 'lower(u.full_name), u.id',
  '-name': 'lower(u.full_name) DESC, u.id DESC',
  login: 'lower(u.login), u.id',
  '-login': 'lower(u.login) DESC, u.id DESC',
  createdAt: 'u.created_at, u.id',
  '-createdAt': 'u.created_at DESC, u.id DESC',
};

const SELECT_USER = `
  SELECT u.id, u.login, u.email, u.full_name, u.full_name_cyrillic, u.language, u.status, u.org_unit_id,
         ou.name AS org_unit_name, u.position_id, u.locked_until, u.created_at, u.erased_at`;

/** The position's name and the roles of the user of `alias`; a list computes them for its page only. */
function namesAndRolesSql(alias: string): string {
  // the role enum sorts in the order of ROLES; text[] because pg returns arrays of enums as plain text
  return `(SELECT p.name FROM position p WHERE p.id = ${alias}.position_id) AS position_name,
          ARRAY(SELECT g.role FROM role_grant g WHERE g.user_id = ${alias}.id
                 GROUP BY g.role ORDER BY g.role)::text[] AS roles`;
}

export interface NewUser {
  login: string;
  email: string;
  fullName: string;
  fullNameCyrillic: string | null;
  language: LanguageCode;
  orgUnitId: string;
  positionId: string | null;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    login: row.login,
    email: row.email,
    fullName: row.full_name,
    ...(row.full_name_cyrillic ? { fullNameCyrillic: row.full_name_cyrillic } : {}),
    language: row.language,
    status: row.status,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    positionId: row.position_id,
    positionName: row.position_name,
    roles: row.roles,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    ...(row.erased_at ? { erasedAt: row.erased_at.toISOString() } : {}),
  };
}

/** SQL about users as the administration sees them; every statement is limited to the caller's scope. */
@Injectable()
export class UserRepository {
  constructor(private readonly principals: PrincipalCache) {}

  /** One page of the users inside the scope and the total, in one statement. */
  async findPage(
    manager: EntityManager,
    scope: string[],
    filter: UserFilter,
  ): Promise<{ items: UserSummary[]; total: number }> {
    const parameters: unknown[] = [scope];
    const conditions = [inScopeSql('ou.path', '$1')];
    const add = (value: unknown): string => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    if (filter.q) {
      const p = add(`%${escapeLike(filter.q)}%`);
      conditions.push(`(u.login ILIKE ${p} OR u.full_name ILIKE ${p} OR u.full_name_cyrillic ILIKE ${p})`);
    }
    if (filter.orgUnitId) {
      const p = add(filter.orgUnitId);
      conditions.push(`EXISTS (SELECT 1 FROM org_unit f WHERE f.id = ${p}
                                 AND (ou.path = f.path OR ou.path LIKE f.path || '.%'))`);
    }
    if (filter.role) {
      conditions.push(
        `EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id AND g.role = ${add(filter.role)})`,
      );
    }
    if (filter.status) conditions.push(`u.status = ${add(filter.status)}`);
    if (filter.positionId) conditions.push(`u.position_id = ${add(filter.positionId)}`);
    const limit = add(filter.limit);
    const offset = add(filter.offset);
    // a page past the end still gets the total, from the LEFT JOIN's one row of nulls
    const rows: (UserRow | { id: null; total_count: string })[] = await manager.query(
      `WITH matching AS (
         ${SELECT_USER}, count(*) OVER () AS total_count
           FROM app_user u JOIN org_unit ou ON ou.id = u.org_unit_id
          WHERE ${conditions.join(' AND ')}
          ORDER BY ${ORDER_BY[filter.sort ?? 'name']}
          LIMIT ${limit} OFFSET ${offset})
       SELECT m.*, ${namesAndRolesSql('m')}, COALESCE(m.total_count, (SELECT count(*) FROM app_user u JOIN org_unit ou ON ou.id = u.org_unit_id
                                             WHERE ${conditions.join(' AND ')})) AS total_count
         FROM (SELECT 1) AS always LEFT JOIN matching m ON true`,
      parameters,
    );
    const items = rows.filter((row): row is UserRow => row.id !== null).map(toSummary);
    return { items, total: Number(rows[0]?.total_count ?? 0) };
  }

  /** One user inside the scope, with their grants; null when there is none there. */
  async findById(manager: EntityManager, scope: string[], userId: string): Promise<UserDetails | null> {
    const rows: UserRow[] = await manager.query(
      `${SELECT_USER}, ${namesAndRolesSql('u')},
              COALESCE((SELECT json_agg(json_build_object('id', g.id, 'role', g.role, 'orgUnitId', g.org_unit_id,
                                                          'orgUnitName', gu.name) ORDER BY gu.path, g.role)
                          FROM role_grant g JOIN org_unit gu ON gu.id = g.org_unit_id
                         WHERE g.user_id = u.id), '[]'::json) AS grants
         FROM app_user u JOIN org_unit ou ON ou.id = u.org_unit_id
        WHERE u.id = $2 AND ${inScopeSql('ou.path', '$1')}`,
      [scope, userId],
    );
    const row = rows[0];
    return row ? { ...toSummary(row), grants: row.grants ?? [] } : null;
  }

  /** Locks the row of a user inside the scope for a change; null when there is none there. */
  async findForUpdate(manager: EntityManager, scope: string[], userId: string): Promise<UserSummary | null> {
    const rows: UserRow[] = await manager.query(
      `${SELECT_USER}, ${namesAndRolesSql('u')}
         FROM app_user u JOIN org_unit ou ON ou.id = u.org_unit_id
        WHERE u.id = $2 AND ${inScopeSql('ou.path', '$1')}
        FOR UPDATE OF u`,
      [scope, userId],
    );
    return rows[0] ? toSummary(rows[0]) : null;
  }

  async isUnitInScope(manager: EntityManager, scope: string[], orgUnitId: string): Promise<boolean> {
    return (await this.unitsInScope(manager, scope, [orgUnitId])).has(orgUnitId);
  }

  /** Which of the units lie inside the scope; an id naming no unit is not among them. */
  async unitsInScope(manager: EntityManager, scope: string[], orgUnitIds: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `SELECT ou.id FROM org_unit ou WHERE ou.id = ANY($2::uuid[]) AND ${inScopeSql('ou.path', '$1')}`,
      [scope, orgUnitIds],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** Whether the login and the e-mail address are free, compared case-insensitively like the unique indexes. */
  async findTaken(
    manager: EntityManager,
    login: string,
    email: string,
  ): Promise<{ login: boolean; email: boolean }> {
    const rows: { login_taken: boolean | null; email_taken: boolean | null }[] = await manager.query(
      `SELECT bool_or(lower(login) = lower($1)) AS login_taken, bool_or(lower(email) = lower($2)) AS email_taken
         FROM app_user WHERE lower(login) = lower($1) OR lower(email) = lower($2)`,
      [login, email],
    );
    return { login: rows[0]?.login_taken === true, email: rows[0]?.email_taken === true };
  }

  /** A person without a password: they set one through a reset link, or sign in through single sign-on. */
  async insertUser(manager: EntityManager, user: NewUser): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO app_user (login, email, full_name, full_name_cyrillic, language, org_unit_id, position_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        user.login,
        user.email,
        user.fullName,
        user.fullNameCyrillic,
        user.language,
        user.orgUnitId,
        user.positionId,
      ],
    );
    return rows[0]?.id ?? '';
  }

  async positionExists(manager: EntityManager, positionId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM position WHERE id = $1`, [positionId]);
    return rows.length > 0;
  }

  /** Writes the given columns; the keys come from the service's fixed list, never from input. */
  async update(manager: EntityManager, userId: string, columns: Record<string, unknown>): Promise<void> {
    const names = Object.keys(columns);
    if (names.length === 0) return;
    this.principals.changed([userId]);
    await manager.query(
      `UPDATE app_user SET ${names.map((name, index) => `"${name}" = $${index + 2}`).join(', ')}, updated_at = now()
        WHERE id = $1`,
      [userId, ...names.map((name) => columns[name])],
    );
  }

  /** Adds a grant; false when the user already holds that role on that unit. */
  async insertGrant(
    manager: EntityManager,
    grant: { userId: string; role: string; orgUnitId: string; grantedBy: string },
  ): Promise<string | null> {
    this.principals.changed([grant.userId]);
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO role_grant (user_id, role, org_unit_id, granted_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, role, org_unit_id) DO NOTHING RETURNING id`,
      [grant.userId, grant.role, grant.orgUnitId, grant.grantedBy],
    );
    return rows[0]?.id ?? null;
  }

  /** Removes a grant of the user on a unit inside the scope; null when there is none such. */
  async deleteGrant(
    manager: EntityManager,
    scope: string[],
    userId: string,
    grantId: string,
  ): Promise<{ role: string; org_unit_id: string } | null> {
    this.principals.changed([userId]);
    const [rows]: [{ role: string; org_unit_id: string }[], number] = await manager.query(
      `DELETE FROM role_grant g USING org_unit ou
        WHERE g.id = $2 AND g.user_id = $3 AND ou.id = g.org_unit_id AND ${inScopeSql('ou.path', '$1')}
        RETURNING g.role, g.org_unit_id`,
      [scope, grantId, userId],
    );
    return rows[0] ?? null;
  }

  /** Clears the lock of a user inside the scope; null when there is no such user there. */
  async unlock(
    manager: EntityManager,
    userId: string,
    scope: string[],
  ): Promise<{ locked_until: Date | null; failed_sign_ins: number } | null> {
    // TypeORM answers an UPDATE with [rows, affected count]
    const [rows]: [{ locked_until: Date | null; failed_sign_ins: number }[], number] = await manager.query(
      `UPDATE app_user u SET failed_sign_ins = 0, locked_until = NULL, updated_at = now()
         FROM app_user prior JOIN org_unit ou ON ou.id = prior.org_unit_id
        WHERE u.id = $1 AND prior.id = u.id AND ${inScopeSql('ou.path', '$2')}
        RETURNING prior.locked_until, prior.failed_sign_ins`,
      [userId, scope],
    );
    return rows[0] ?? null;
  }
}
