import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** One entry of the audit trail. `summary` holds what changed (before/after), never a secret. */
export interface AuditEntry {
  /** Who acted; null for an anonymous caller (a failed sign-in with an unknown login). */
  actorUserId: string | null;
  /** Dotted verb, e.g. `auth.sign-in`, `auth.lockout`, `user.update`, `grant.add`. */
  action: string;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  summary?: Record<string, unknown>;
}

/** Appends to the audit trail; there is deliberately no way to change or remove an entry. */
@Injectable()
export class AuditService {
  /** Takes the manager of the caller's transaction, so the entry commits or rolls back with the change. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_user_id, action, target_type, target_id, ip, summary)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        entry.actorUserId,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        entry.ip ?? null,
        JSON.stringify(entry.summary ?? {}),
      ],
    );
  }
}
