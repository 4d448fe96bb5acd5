import { Injectable } from '@nestjs/common';

import { DatabaseNotifications } from '../notifications/database-notifications';
import { NotifiedCache } from '../notifications/notified-cache';
import { Principal } from './policy';

/** The channel that triggers on people, role grants, sessions and unit paths notify (migration `NotifyCachedRowChanges`). */
export const PRINCIPAL_CHANNEL = 'principal_changed';
/** The payload that means "every principal": a unit's path changed, so grants' paths may have. */
export const EVERY_PRINCIPAL = '*';

/** How long a principal is trusted without a notification saying otherwise: the bound on a lost one. */
const TTL_MS = 30_000;

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
  private readonly cache: NotifiedCache<Principal>;

  constructor(notifications: DatabaseNotifications) {
    this.cache = new NotifiedCache<Principal>(notifications, PRINCIPAL_CHANNEL, (_cache, payload) =>
      this.changed(payload === EVERY_PRINCIPAL ? EVERY_PRINCIPAL : [payload]),
    );
  }

  /** Whether entries are being kept: only while changes can be heard. */
  get active(): boolean {
    return this.cache.active;
  }

  /** A mark to take before reading a principal from the database, for `set`. */
  get generation(): number {
    return this.cache.generation;
  }

  get(userId: string, sessionFamilyId: string): Principal | null {
    return this.cache.get(`${userId}:${sessionFamilyId}`);
  }

  /** Keeps a principal read from the database after `generation` was taken, unless something changed since. */
  set(principal: Principal, sessionExpiresAt: Date, generation: number): void {
    this.cache.set(
      `${principal.userId}:${principal.sessionFamilyId}`,
      principal,
      generation,
      Math.min(Date.now() + TTL_MS, sessionExpiresAt.getTime()),
    );
  }

  /** Forgets what is known of these people (or of everyone): their next request reads them again. */
  changed(userIds: readonly string[] | typeof EVERY_PRINCIPAL): void {
    if (userIds === EVERY_PRINCIPAL) return this.cache.clear();
    const people = new Set(userIds);
    this.cache.deleteWhere((principal) => people.has(principal.userId));
  }

  /** Forgets the principal of a session family that ended. */
  sessionEnded(sessionFamilyId: string): void {
    this.cache.deleteWhere((principal) => principal.sessionFamilyId === sessionFamilyId);
  }
}
