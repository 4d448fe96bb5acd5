import { Injectable } from '@nestjs/common';
import { EVERY_PRINCIPAL, PrincipalCache, inScopeSql } from '@border-academy/api-platform';
import {
  USER_IMPORT_OUTCOMES,
  UserImport,
  UserImportChanges,
  UserImportError,
  UserImportFileType,
  UserImportOutcome,
  UserImportRow,
  UserImportStatus,
} from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

import { CheckedImportRow } from './user-import-row';

interface ImportRow {
  id: string;
  file_name: string | null;
  file_type: UserImportFileType;
  status: UserImportStatus;
  row_count: number;
  progress: number;
  created_at: Date;
  committed_at: Date | null;
  counts: Partial<Record<UserImportOutcome, number>> | null;
}

interface StoredRow {
  line: number;
  login: string;
  email: string;
  full_name: string;
  full_name_cyrillic: string;
  language: string;
  org_unit_code: string;
  position_code: string;
  roles_text: string;
  outcome: UserImportOutcome;
  errors: UserImportError[];
  changes: UserImportChanges | null;
}

function toImport(row: ImportRow): UserImport {
  return {
    id: row.id,
    fileName: row.file_name,
    fileType: row.file_type,
    status: row.status,
    rowCount: row.row_count,
    counts: Object.fromEntries(
      USER_IMPORT_OUTCOMES.map((outcome) => [outcome, row.counts?.[outcome] ?? 0]),
    ) as UserImport['counts'],
    progress: row.progress,
    createdAt: row.created_at.toISOString(),
    committedAt: row.committed_at?.toISOString() ?? null,
  };
}

function toRow(row: StoredRow): UserImportRow {
  return {
    line: row.line,
    login: row.login,
    email: row.email,
    fullName: row.full_name,
    fullNameCyrillic: row.full_name_cyrillic,
    language: row.language,
    orgUnit: row.org_unit_code,
    position: row.position_code,
    roles: row.roles_text,
    outcome: row.outcome,
    errors: row.errors,
    changes: row.changes,
  };
}

/** The rows of one slice of the commit: lines from $2 up to, not including, $3. */
const ROW_RANGE = `r.import_id = $1 AND r.line >= $2 AND r.line < $3`;

/** SQL of bulk imports; every check and every write works on all rows of the file at once. */
@Injectable()
export class UserImportRepository {
  constructor(private readonly principals: PrincipalCache) {}

  async insertImport(
    manager: EntityManager,
    values: {
      createdBy: string;
      orgUnitId: string;
      fileName: string | null;
      fileType: UserImportFileType;
      rows: CheckedImportRow[];
    },
  ): Promise<string> {
    const [created]: { id: string }[] = await manager.query(
      `INSERT INTO user_import (created_by, org_unit_id, file_name, file_type, row_count)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [values.createdBy, values.orgUnitId, values.fileName, values.fileType, values.rows.length],
    );
    if (!created) throw new Error('INSERT … RETURNING gave no row');
    await manager.query(
      `INSERT INTO user_import_row (import_id, line, login, email, full_name, full_name_cyrillic, language,
                                    org_unit_code, position_code, roles_text, roles, format_errors)
       SELECT $1, x.line, x.login, x.email, x.full_name, x.full_name_cyrillic, x.language,
              x.org_unit_code, x.position_code, x.roles_text, x.roles, x.format_errors
         FROM jsonb_to_recordset($2::jsonb) AS x(line integer, login text, email text, full_name text,
              full_name_cyrillic text, language text, org_unit_code text, position_code text,
              roles_text text, roles text[], format_errors text[])`,
      [created.id, JSON.stringify(values.rows)],
    );
    return created.id;
  }

  /**
   * The dry run, in one statement over every row of the import: matches each row to the user with
   * its login, checks it against the database and the caller's scope, and records the outcome and,
   * for an existing user, the fields that would change.
   */
  async validate(manager: EntityManager, importId: string, scope: string[]): Promise<void> {
    await manager.query(
      `WITH checked AS (
         SELECT r.line, u.id AS user_id, ou.id AS org_unit_id, p.id AS position_id,
                r.format_errors || array_remove(ARRAY[
                  CASE WHEN r.login <> '' AND count(*) OVER (PARTITION BY lower(r.login)) > 1
                       THEN 'login-duplicate' END,
                  CASE WHEN u.id IS NOT NULL AND NOT ${inScopeSql('uou.path', '$2')} THEN 'login-taken' END,
                  CASE WHEN r.email <> '' AND count(*) OVER (PARTITION BY lower(r.email)) > 1
                       THEN 'email-duplicate' END,
                  CASE WHEN r.email <> '' AND EXISTS (SELECT 1 FROM app_user e
                                                      WHERE lower(e.email) = lower(r.email)
                                                        AND e.id IS DISTINCT FROM u.id)
                       THEN 'email-taken' END,
                  CASE WHEN r.org_unit_code <> '' AND ou.id IS NULL THEN 'org-unit-unknown' END,
                  CASE WHEN ou.id IS NOT NULL AND NOT ${inScopeSql('ou.path', '$2')}
                       THEN 'org-unit-out-of-scope' END,
                  CASE WHEN r.position_code <> '' AND p.id IS NULL THEN 'position-unknown' END
                ]::text[], NULL) AS errors,
                CASE WHEN u.id IS NOT NULL THEN jsonb_strip_nulls(jsonb_build_object(
                  'email', CASE WHEN u.email <> r.email
                                THEN jsonb_build_object('from', u.email, 'to', r.email) END,
                  'fullName', CASE WHEN u.full_name <> r.full_name
                                   THEN jsonb_build_object('from', u.full_name, 'to', r.full_name) END,
                  'fullNameCyrillic', CASE WHEN COALESCE(u.full_name_cyrillic, '') <> r.full_name_cyrillic
                                           THEN jsonb_build_object('from', u.full_name_cyrillic,
                                                                   'to', NULLIF(r.full_name_cyrillic, '')) END,
                  'language', CASE WHEN u.language <> r.language
                                   THEN jsonb_build_object('from', u.language, 'to', r.language) END,
                  'orgUnit', CASE WHEN u.org_unit_id IS DISTINCT FROM ou.id
                                  THEN jsonb_build_object('from', uou.code, 'to', ou.code) END,
                  'position', CASE WHEN u.position_id IS DISTINCT FROM p.id
                                   THEN jsonb_build_object('from', up.code, 'to', p.code) END,
                  'roles', (SELECT jsonb_agg(wanted.role ORDER BY wanted.role)
                              FROM unnest(r.roles) AS wanted(role)
                             WHERE NOT EXISTS (SELECT 1 FROM role_grant g
                                                WHERE g.user_id = u.id AND g.org_unit_id = ou.id
                                                  AND g.role = wanted.role::role))
                )) END AS changes
           FROM user_import_row r
           LEFT JOIN app_user u ON lower(u.login) = lower(r.login)
           LEFT JOIN org_unit uou ON uou.id = u.org_unit_id
           LEFT JOIN position up ON up.id = u.position_id
           LEFT JOIN org_unit ou ON ou.code = r.org_unit_code
           LEFT JOIN position p ON p.code = r.position_code
          WHERE r.import_id = $1)
       UPDATE user_import_row r
          SET user_id = c.user_id, org_unit_id = c.org_unit_id, position_id = c.position_id, errors = c.errors,
              outcome = CASE WHEN cardinality(c.errors) > 0 THEN 'error'
                             WHEN c.user_id IS NULL THEN 'create'
                             WHEN c.changes <> '{}'::jsonb THEN 'update'
                             ELSE 'unchanged' END,
              changes = CASE WHEN cardinality(c.errors) = 0 AND c.changes <> '{}'::jsonb THEN c.changes END
         FROM checked c
        WHERE r.import_id = $1 AND r.line = c.line`,
      [importId, scope],
    );
  }

  /**
   * The import when its uploader is the caller or belongs to a unit inside the scope, with its rows
   * counted per outcome.
   */
  async findImport(
    manager: EntityManager,
    caller: { userId: string; scope: string[] },
    importId: string,
  ): Promise<UserImport | null> {
    const rows: ImportRow[] = await manager.query(
      `SELECT i.id, i.file_name, i.file_type, i.status, i.row_count, i.progress, i.created_at, i.committed_at,
              (SELECT jsonb_object_agg(c.outcome, c.n)
                 FROM (SELECT outcome, count(*)::int AS n FROM user_import_row
                        WHERE import_id = i.id GROUP BY outcome) c) AS counts
         FROM user_import i JOIN org_unit ou ON ou.id = i.org_unit_id
        WHERE i.id = $2 AND (i.created_by = $3 OR ${inScopeSql('ou.path', '$1')})`,
      [caller.scope, importId, caller.userId],
    );
    return rows[0] ? toImport(rows[0]) : null;
  }

  /** Lines of the import in file order, to cut the commit into slices. */
  async lines(manager: EntityManager, importId: string): Promise<number[]> {
    const rows: { line: number }[] = await manager.query(
      `SELECT line FROM user_import_row WHERE import_id = $1 ORDER BY line`,
      [importId],
    );
    return rows.map((row) => row.line);
  }

  async findRows(
    manager: EntityManager,
    importId: string,
    filter: { outcome?: UserImportOutcome; offset: number; limit: number },
  ): Promise<UserImportRow[]> {
    const rows: StoredRow[] = await manager.query(
      `SELECT line, login, email, full_name, full_name_cyrillic, language, org_unit_code, position_code,
              roles_text, outcome, errors, changes
         FROM user_import_row
        WHERE import_id = $1 AND ($2::text IS NULL OR outcome = $2)
        ORDER BY line LIMIT $3 OFFSET $4`,
      [importId, filter.outcome ?? null, filter.limit, filter.offset],
    );
    return rows.map(toRow);
  }

  /** Moves an import from one status to another; false when it was not in the first one. */
  async changeStatus(
    manager: EntityManager,
    importId: string,
    from: UserImportStatus,
    to: UserImportStatus,
  ): Promise<boolean> {
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE user_import SET status = $3, progress = 0 WHERE id = $1 AND status = $2`,
      [importId, from, to],
    );
    return affected > 0;
  }

  /**
   * Takes the import's commit lock for the rest of the transaction, waiting while another commit of
   * it holds it. PostgreSQL releases it when the transaction ends, also when its process is killed.
   */
  async lockForCommit(manager: EntityManager, importId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('user-import:' || $1, 0))`, [
      importId,
    ]);
  }

  async recordProgress(manager: EntityManager, importId: string, progress: number): Promise<void> {
    await manager.query(`UPDATE user_import SET progress = $2 WHERE id = $1`, [importId, progress]);
  }

  async markCommitted(manager: EntityManager, importId: string, committedBy: string): Promise<void> {
    await manager.query(
      `UPDATE user_import SET status = 'committed', progress = row_count, committed_at = now(), committed_by = $2
        WHERE id = $1`,
      [importId, committedBy],
    );
  }

  /** Creates the users of the `create` rows in a range of lines, with ids given first on the rows. */
  async createUsers(manager: EntityManager, importId: string, from: number, to: number): Promise<void> {
    await manager.query(
      `UPDATE user_import_row r SET user_id = gen_random_uuid() WHERE ${ROW_RANGE} AND r.outcome = 'create'`,
      [importId, from, to],
    );
    await manager.query(
      `INSERT INTO app_user (id, login, email, full_name, full_name_cyrillic, language, org_unit_id, position_id)
       SELECT r.user_id, r.login, r.email, r.full_name, NULLIF(r.full_name_cyrillic, ''), r.language,
              r.org_unit_id, r.position_id
         FROM user_import_row r
        WHERE ${ROW_RANGE} AND r.outcome = 'create'`,
      [importId, from, to],
    );
  }

  /** Writes the `update` rows in a range of lines whose changes go beyond new roles. */
  async updateUsers(manager: EntityManager, importId: string, from: number, to: number): Promise<void> {
    this.principals.changed(EVERY_PRINCIPAL);
    await manager.query(
      `UPDATE app_user u
          SET email = r.email, full_name = r.full_name, full_name_cyrillic = NULLIF(r.full_name_cyrillic, ''),
              language = r.language, org_unit_id = r.org_unit_id, position_id = r.position_id, updated_at = now()
         FROM user_import_row r
        WHERE ${ROW_RANGE} AND r.outcome = 'update' AND u.id = r.user_id AND r.changes - 'roles' <> '{}'::jsonb`,
      [importId, from, to],
    );
  }

  /** Grants every role of the rows in a range of lines on the row's unit; grants already held stay as they are. */
  async addGrants(
    manager: EntityManager,
    importId: string,
    from: number,
    to: number,
    grantedBy: string,
  ): Promise<number> {
    this.principals.changed(EVERY_PRINCIPAL);
    const [added]: { count: number }[] = await manager.query(
      `WITH added AS (
         INSERT INTO role_grant (user_id, role, org_unit_id, granted_by)
         SELECT r.user_id, wanted.role::role, r.org_unit_id, $4
           FROM user_import_row r CROSS JOIN unnest(r.roles) AS wanted(role)
          WHERE ${ROW_RANGE} AND r.outcome IN ('create', 'update')
         ON CONFLICT (user_id, role, org_unit_id) DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS count FROM added`,
      [importId, from, to, grantedBy],
    );
    return added?.count ?? 0;
  }

  /** Logins of the rows with an outcome, in file order, for the audit entry. */
  async loginsWithOutcome(
    manager: EntityManager,
    importId: string,
    outcome: UserImportOutcome,
  ): Promise<string[]> {
    const rows: { login: string }[] = await manager.query(
      `SELECT login FROM user_import_row WHERE import_id = $1 AND outcome = $2 ORDER BY line`,
      [importId, outcome],
    );
    return rows.map((row) => row.login);
  }
}
