/**
 * The actions the platform records. The trail may hold others (it outlives the code that wrote them);
 * a client shows an unknown action as it is.
 */
export const AUDIT_ACTIONS = [
  'auth.sign-in',
  'auth.sign-in-failed',
  'auth.lockout',
  'auth.sign-out',
  'auth.sign-out-everywhere',
  'auth.refresh-reuse',
  'auth.password-change',
  'auth.password-reset',
  'user.create',
  'user.update',
  'user.unlock',
  'user.reset-link',
  'user.import',
  'user.sso-link',
  'grant.add',
  'grant.remove',
  'privacy.export',
  'privacy.erase',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A person an entry names, as they are now; null in the entry when they are not on the platform. */
export interface AuditPerson {
  id: string;
  login: string;
  fullName: string;
}

/** One entry of the audit trail: who did what to which record, when and from where. */
export interface AuditEvent {
  id: string;
  /** ISO 8601 instant. */
  at: string;
  actorUserId: string | null;
  actor: AuditPerson | null;
  /** Dotted verb, e.g. `auth.sign-in`, `auth.lockout`, `user.update`. */
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** The target when it is a person on the platform. */
  targetUser: AuditPerson | null;
  ip: string | null;
  /** What changed (`before`/`after`) or why; never a secret. */
  summary: Record<string, unknown>;
}

/** `GET /api/v1/audit-events`, newest first; only events about people inside the caller's scope. */
export interface AuditEventListQuery {
  page?: number;
  pageSize?: number;
  actorUserId?: string;
  targetType?: string;
  targetId?: string;
  action?: string;
  /** ISO 8601 instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
}
