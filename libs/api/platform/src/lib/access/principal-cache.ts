import { Injectable } from '@nestjs/common';

import { DatabaseNotifications } from '../notifications/database-notifications';
import { Principal } from './policy';

/** The channel that triggers on people, role grants, sessions and unit paths notify (migration `NotifyCachedRowChanges`). */
export const PRINCIPAL_CHANNEL = 'principal_changed';
/** The payload that means "every principal": a unit's path changed, so grants' paths may have. */
export const EVERY_PRINCIPAL = '*';

/** How long a principal is trusted without a notification saying otherwise: the bound on a lost one. */
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  principal: Principal;
  until: number;
}

/**
 * The principals of live sessions, so that a request costs no query to learn who is asking. An
 * entry goes when PostgreSQL says the person changed — triggers notify `principal_changed` when a
 * person's status or unit, their grants or their sessions change, and when a unit moves — which
 * reaches every API instance after the change commits. Writes in this process also evict before they
 * commit, so a request that follows a change here never sees the old principal. Entries also end
 * after 30 s and at their session's expiry. While notifications cannot be heard nothing is kept.
 */
@Injectable()
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  /** Counts evictions: a principal read before one may be stale and is not kept. */
  private changes = 0;

  constructor(private readonly notifications: DatabaseNotifications) {
    notifications.subscribe(PRINCIPAL_CHANNEL, {
      notify: (payload) => this.changed(payload === EVERY_PRINCIPAL ? EVERY_PRINCIPAL : [payload]),
      reset: () => this.changed(EVERY_PRINCIPAL),
    });
  }

  /** Whether entries are being kept: only while changes can be heard. */
  get active(): boolean {
    return this.notifications.listening;
  }

  /** A mark to take before reading a principal from the database, for `set`. */
  get generation(): number {
    return this.changes;
  }

  get(userId: string, sessionFamilyId: string): Principal | null {
    if (!this.active) return null;
    const key = `${userId}:${sessionFamilyId}`;
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until <= Date.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.principal;
  }

  /** Keeps a principal read from the database after `generation` was taken, unless something changed since. */
  set(principal: Principal, sessionExpiresAt: Date, generation: number): void {
    if (!this.active || generation !== this.changes) return;
    if (this.entries.size >= MAX_ENTRIES) {
      // the oldest entry goes first: Map keeps insertion order
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(`${principal.userId}:${principal.sessionFamilyId}`, {
      principal,
      until: Math.min(Date.now() + TTL_MS, sessionExpiresAt.getTime()),
    });
  }

  /** Forgets what is known of these people (or of everyone): their next request reads them again. */
  changed(userIds: readonly string[] | typeof EVERY_PRINCIPAL): void {
    this.changes++;
    if (userIds === EVERY_PRINCIPAL) {
      this.entries.clear();
      return;
    }
    if (userIds.length === 0 || this.entries.size === 0) return;
    const people = new Set(userIds);
    for (const [key, entry] of this.entries) {
      if (people.has(entry.principal.userId)) this.entries.delete(key);
    }
  }

  /** Forgets the principal of a session family that ended. */
  sessionEnded(sessionFamilyId: string): void {
    this.changes++;
    for (const [key, entry] of this.entries) {
      if (entry.principal.sessionFamilyId === sessionFamilyId) this.entries.delete(key);
    }
  }
}
