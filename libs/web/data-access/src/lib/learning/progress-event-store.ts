import { InjectionToken } from '@angular/core';
import { DBSchema, IDBPDatabase, openDB } from 'idb';
import { ProgressEventInput } from '@border-academy/shared-contracts';

/** A progress event waiting to be sent, with the person it belongs to (a post's device may be shared). */
export interface QueuedProgressEvent extends ProgressEventInput {
  userId: string;
}

/** Where progress events wait until the server has them: IndexedDB, so they survive a closed tab. */
export interface ProgressEventStore {
  add(event: QueuedProgressEvent): Promise<void>;
  /** The person's events, oldest first. */
  list(userId: string): Promise<QueuedProgressEvent[]>;
  remove(ids: readonly string[]): Promise<void>;
}

interface LearningDb extends DBSchema {
  'progress-events': { key: string; value: QueuedProgressEvent; indexes: { userId: string } };
}

const DB_NAME = 'border-academy-learning';
const EVENTS = 'progress-events';

export class IndexedDbProgressEventStore implements ProgressEventStore {
  private db: Promise<IDBPDatabase<LearningDb>> | null = null;

  async add(event: QueuedProgressEvent): Promise<void> {
    await (await this.open()).put(EVENTS, event);
  }

  async list(userId: string): Promise<QueuedProgressEvent[]> {
    const events = await (await this.open()).getAllFromIndex(EVENTS, 'userId', userId);
    return events.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  }

  async remove(ids: readonly string[]): Promise<void> {
    const transaction = (await this.open()).transaction(EVENTS, 'readwrite');
    await Promise.all([...ids.map((id) => transaction.store.delete(id)), transaction.done]);
  }

  private open(): Promise<IDBPDatabase<LearningDb>> {
    this.db ??= openDB<LearningDb>(DB_NAME, 1, {
      upgrade(db) {
        db.createObjectStore(EVENTS, { keyPath: 'id' }).createIndex('userId', 'userId');
      },
    });
    return this.db;
  }
}

/** For browsers without IndexedDB (some private windows): the queue lives as long as the page. */
export class MemoryProgressEventStore implements ProgressEventStore {
  private readonly events = new Map<string, QueuedProgressEvent>();

  async add(event: QueuedProgressEvent): Promise<void> {
    this.events.set(event.id, event);
  }

  async list(userId: string): Promise<QueuedProgressEvent[]> {
    return [...this.events.values()]
      .filter((event) => event.userId === userId)
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  }

  async remove(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.events.delete(id);
  }
}

export const PROGRESS_EVENT_STORE = new InjectionToken<ProgressEventStore>('ProgressEventStore', {
  providedIn: 'root',
  factory: () =>
    typeof indexedDB === 'undefined' ? new MemoryProgressEventStore() : new IndexedDbProgressEventStore(),
});
