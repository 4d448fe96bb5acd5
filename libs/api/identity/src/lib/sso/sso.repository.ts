import { Injectable } from '@nestjs/common';
import { Role } from '@border-academy/shared-contracts';
import { EntityManager } from 'typeorm';

/** The platform account a single sign-on resolved to. */
export interface SsoAccountRow {
  id: string;
  status: 'active' | 'suspended';
}

export interface NewSsoUser {
  login: string;
  email: string;
  fullName: string;
  orgUnitId: string;
}

/** All SQL of single sign-on; each method is one statement on the caller's manager. */
@Injectable()
export class SsoRepository {
  /** The account linked to the provider's identity. */
  async findLinkedForUpdate(
    manager: EntityManager,
    issuer: string,
    subject: string,
  ): Promise<SsoAccountRow | null> {
    const rows: SsoAccountRow[] = await manager.query(
      `SELECT u.id, u.status FROM external_identity e JOIN app_user u ON u.id = e.user_id
        WHERE e.issuer = $1 AND e.subject = $2
        FOR UPDATE OF u`,
      [issuer, subject],
    );
    return rows[0] ?? null;
  }

  /** The account whose login is the provider's login claim, when it is linked to no identity of this provider. */
  async findUnlinkedByLoginForUpdate(
    manager: EntityManager,
    issuer: string,
    login: string,
  ): Promise<SsoAccountRow | null> {
    const rows: SsoAccountRow[] = await manager.query(
      `SELECT u.id, u.status FROM app_user u
        WHERE lower(u.login) = lower($2)
          AND NOT EXISTS (SELECT 1 FROM external_identity e WHERE e.user_id = u.id AND e.issuer = $1)
        FOR UPDATE OF u`,
      [issuer, login],
    );
    return rows[0] ?? null;
  }

  async findOrgUnitIdByCode(manager: EntityManager, code: string): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM org_unit WHERE code = $1`, [code]);
    return rows[0]?.id ?? null;
  }

  /** Whether another account already uses the e-mail address; addresses are unique. */
  async emailTaken(manager: EntityManager, email: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM app_user WHERE lower(email) = lower($1)`, [
      email,
    ]);
    return rows.length > 0;
  }

  /** A person who signs in only through the provider: no password. */
  async insertUser(manager: EntityManager, user: NewSsoUser): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO app_user (login, email, full_name, org_unit_id, password_hash)
       VALUES ($1, $2, $3, $4, NULL) RETURNING id`,
      [user.login, user.email, user.fullName, user.orgUnitId],
    );
    return rows[0]?.id ?? '';
  }

  async insertGrant(manager: EntityManager, userId: string, role: Role, orgUnitId: string): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO role_grant (user_id, role, org_unit_id) VALUES ($1, $2, $3) RETURNING id`,
      [userId, role, orgUnitId],
    );
    return rows[0]?.id ?? '';
  }

  async link(manager: EntityManager, userId: string, issuer: string, subject: string): Promise<void> {
    await manager.query(`INSERT INTO external_identity (user_id, issuer, subject) VALUES ($1, $2, $3)`, [
      userId,
      issuer,
      subject,
    ]);
  }

  async touch(manager: EntityManager, issuer: string, subject: string): Promise<void> {
    await manager.query(
      `UPDATE external_identity SET last_sign_in_at = now() WHERE issuer = $1 AND subject = $2`,
      [issuer, subject],
    );
  }
}
