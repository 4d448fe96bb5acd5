/** One entry of the audit trail: who did what to which record, when and from where. */
export interface AuditEvent {
  id: string;
  /** ISO 8601 instant. */
  at: string;
  actorUserId: string | null;
  /** Dotted verb, e.g. `auth.sign-in`, `auth.lockout`, `user.update`. */
  action: string;
  targetType: string | null;
  targetId: string | null;
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
