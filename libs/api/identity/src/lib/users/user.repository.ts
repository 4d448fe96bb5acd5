import { Injectable } from '@nestjs/common';
import { inScopeSql } from '@border-academy/api-platform';
import { EntityManager } from 'typeorm';

/** SQL about users as the administration sees them; every statement is limited to the caller's scope. */
@Injectable()
export class UserRepository {
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
