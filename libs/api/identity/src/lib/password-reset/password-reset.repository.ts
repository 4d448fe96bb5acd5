import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A reset link found by its token, with the person it is for. */
export interface ResetLinkRow {
  id: string;
  user_id: string;
  /** False once used, replaced by a newer link or past its expiry. */
  live: boolean;
  login: string;
  email: string;
  full_name: string;
}

/** All SQL of password-reset links; only the SHA-256 of a token is ever stored or looked up. */
@Injectable()
export class PasswordResetRepository {
  /** Ends the person's unused links; the number ended. */
  async revokeLive(manager: EntityManager, userId: string): Promise<number> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE password_reset SET revoked_at = now()
        WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
      [userId],
    );
    return affected;
  }

  async insert(
    manager: EntityManager,
    link: { userId: string; tokenHash: string; ttlHours: number; createdBy: string },
  ): Promise<{ id: string; expires_at: Date }> {
    const rows: { id: string; expires_at: Date }[] = await manager.query(
      `INSERT INTO password_reset (user_id, token_hash, expires_at, created_by)
       VALUES ($1, $2, now() + make_interval(hours => $3), $4)
       RETURNING id, expires_at`,
      [link.userId, link.tokenHash, link.ttlHours, link.createdBy],
    );
    const row = rows[0];
    if (!row) throw new Error('password_reset insert returned no row');
    return row;
  }

  /** Locks the link, so that two uses at once cannot both set a password. */
  async findByHashForUpdate(manager: EntityManager, tokenHash: string): Promise<ResetLinkRow | null> {
    const rows: ResetLinkRow[] = await manager.query(
      `SELECT r.id, r.user_id,
              (r.used_at IS NULL AND r.revoked_at IS NULL AND r.expires_at > now()) AS live,
              u.login, u.email, u.full_name
         FROM password_reset r JOIN app_user u ON u.id = r.user_id
        WHERE r.token_hash = $1
        FOR UPDATE OF r`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async markUsed(manager: EntityManager, linkId: string): Promise<void> {
    await manager.query(`UPDATE password_reset SET used_at = now() WHERE id = $1`, [linkId]);
  }
}
