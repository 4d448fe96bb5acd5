import { DatabaseNotifications } from './database-notifications';

interface Entry<V> {
  value: V;
  until: number;
}

/**
 * Rows kept in memory for as long as the database can tell this instance they changed: nothing is kept
 * while `DatabaseNotifications` is not listening, and everything goes when it resets. A value read
 * before an eviction is not kept (`generation`), so a change that lands while a read runs is never
 * hidden. Bounded: past `maxEntries` the oldest entry goes first.
 */
export class NotifiedCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** Counts evictions: a value read before one may be stale and is not kept. */
  private changes = 0;

  constructor(
    private readonly notifications: DatabaseNotifications,
    channel: string,
    onNotify: (cache: NotifiedCache<V>, payload: string) => void,
    private readonly maxEntries = 10_000,
  ) {
    notifications.subscribe(channel, {
      notify: (payload) => onNotify(this, payload),
      reset: () => this.clear(),
    });
  }

  /** Whether values are being kept: only while changes can be heard. */
  get active(): boolean {
    return this.notifications.listening;
  }

  /** A mark to take before reading a value from the database, for `set`. */
  get generation(): number {
    return this.changes;
  }

  get(key: string): V | null {
    if (!this.active) return null;
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.until <= Date.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  /** Keeps a value read after `generation` was taken, unless something changed since; until `until` (ms). */
  set(key: string, value: V, generation: number, until = Number.POSITIVE_INFINITY): void {
    if (!this.active || generation !== this.changes) return;
    if (this.entries.size >= this.maxEntries) {
      // Map keeps insertion order
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, until });
  }

  delete(key: string): void {
    this.changes++;
    this.entries.delete(key);
  }

  /** Forgets every value that `matches`. */
  deleteWhere(matches: (value: V) => boolean): void {
    this.changes++;
    for (const [key, entry] of this.entries) if (matches(entry.value)) this.entries.delete(key);
  }

  clear(): void {
    this.changes++;
    this.entries.clear();
  }
}
