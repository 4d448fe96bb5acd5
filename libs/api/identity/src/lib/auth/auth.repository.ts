import { Injectable } from '@nestjs/common';
import { PrincipalCache } from '@border-academy/api-platform';
import { CurrentUser, LanguageCode, RoleGrant } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

export interface CredentialRow {
  id: string;
  login: string;
  email: string;
  full_name: string;
  status: 'active' | 'suspended';
  password_hash: string | null;
  failed_sign_ins: number;
  locked_until: Date | null;
}

export interface SessionRow {
  id: string;
  user_id: string;
  family_id: string;
  replaced_by: string | null;
  expires_at: Date;
  revoked_at: Date | null;
  user_active: boolean;
}

export interface NewSession {
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

interface CurrentUserRow {
  id: string;
  login: string;
  email: string;
  full_name: string;
  full_name_cyrillic: string | null;
  language: LanguageCode;
  org_unit_id: string;
  grants: RoleGrant[];
}

/** All SQL of sign-in and sessions; each method is one statement on the caller's manager. */
@Injectable()
export class AuthRepository {
  constructor(private readonly principals: PrincipalCache) {}

  /** Locks the user's row so that concurrent wrong passwords count one by one. */
  async findCredentialsForUpdate(
    manager: EntityManager,
    loginOrEmail: string,
  ): Promise<CredentialRow | null> {
    const rows: CredentialRow[] = await manager.query(
      `SELECT id, login, email, full_name, status, password_hash, failed_sign_ins, locked_until
         FROM app_user WHERE lower(login) = lower($1) OR lower(email) = lower($1)
        LIMIT 1 FOR UPDATE`,
      [loginOrEmail],
    );
    return rows[0] ?? null;
  }

  async findCredentialsById(manager: EntityManager, userId: string): Promise<CredentialRow | null> {
    const rows: CredentialRow[] = await manager.query(
      `SELECT id, login, email, full_name, status, password_hash, failed_sign_ins, locked_until
         FROM app_user WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    return rows[0] ?? null;
  }

  async recordFailure(
    manager: EntityManager,
    userId: string,
    lockAfter: number,
    lockSeconds: number,
  ): Promise<{ failed_sign_ins: number; locked_until: Date | null }> {
    // TypeORM answers an UPDATE with [rows, affected count]
    const [rows]: [{ failed_sign_ins: number; locked_until: Date | null }[], number] = await manager.query(
      `UPDATE app_user
          SET failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END,
              locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN now() + make_interval(secs => $3) ELSE locked_until END
        WHERE id = $1
        RETURNING failed_sign_ins, locked_until`,
      [userId, lockAfter, lockSeconds],
    );
    return rows[0] ?? { failed_sign_ins: 0, locked_until: null };
  }

  async clearFailures(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE id = $1`, [
      userId,
    ]);
  }

  async setPasswordHash(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      userId,
      passwordHash,
    ]);
  }

  async insertSession(manager: EntityManager, session: NewSession): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO auth_session (user_id, family_id, token_hash, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [session.userId, session.familyId, session.tokenHash, session.expiresAt, session.ip, session.userAgent],
    );
    return rows[0]?.id ?? '';
  }

  async findSessionByHashForUpdate(manager: EntityManager, tokenHash: string): Promise<SessionRow | null> {
    const rows: SessionRow[] = await manager.query(
      `SELECT s.id, s.user_id, s.family_id, s.replaced_by, s.expires_at, s.revoked_at,
              u.status = 'active' AS user_active
         FROM auth_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1
        FOR UPDATE OF s`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async markRotated(manager: EntityManager, sessionId: string, replacedBy: string): Promise<void> {
    await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoke_reason = 'rotated', replaced_by = $2 WHERE id = $1`,
      [sessionId, replacedBy],
    );
  }

  async revokeFamily(manager: EntityManager, familyId: string, reason: string): Promise<number> {
    this.principals.sessionEnded(familyId);
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoke_reason = $2
        WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId, reason],
    );
    return affected;
  }

  /** Ends every live session of the user, except one family when given (the caller's own). */
  async revokeUserSessions(
    manager: EntityManager,
    userId: string,
    reason: string,
    exceptFamilyId: string | null = null,
  ): Promise<number> {
    this.principals.changed([userId]);
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE auth_session SET revoked_at = now(), revoke_reason = $2
        WHERE user_id = $1 AND revoked_at IS NULL AND ($3::uuid IS NULL OR family_id <> $3::uuid)`,
      [userId, reason, exceptFamilyId],
    );
    return affected;
  }

  async findCurrentUser(manager: EntityManager, userId: string): Promise<CurrentUser | null> {
    const rows: CurrentUserRow[] = await manager.query(
      `SELECT u.id, u.login, u.email, u.full_name, u.full_name_cyrillic, u.language, u.org_unit_id,
              COALESCE((SELECT json_agg(json_build_object('id', g.id, 'role', g.role, 'orgUnitId', g.org_unit_id,
                                                          'orgUnitName', ou.name) ORDER BY ou.path, g.role)
                          FROM role_grant g JOIN org_unit ou ON ou.id = g.org_unit_id
                         WHERE g.user_id = u.id), '[]'::json) AS grants
         FROM app_user u WHERE u.id = $1`,
      [userId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      login: row.login,
      email: row.email,
      fullName: row.full_name,
      ...(row.full_name_cyrillic ? { fullNameCyrillic: row.full_name_cyrillic } : {}),
      language: row.language,
      orgUnitId: row.org_unit_id,
      grants: row.grants,
    };
  }
}
