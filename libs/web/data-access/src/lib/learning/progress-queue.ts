import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  CertificateRef,
  EnrolmentProgress,
  MAX_PROGRESS_EVENTS_PER_REQUEST,
  ProgressEventInput,
  ProgressEventKind,
} from '@border-academy/shared-contracts';
import { ApiError } from '../api-error';
import { AuthSession } from '../session/auth-session';
import {
  MemoryProgressEventStore,
  PROGRESS_EVENT_STORE,
  ProgressEventStore,
  QueuedProgressEvent,
} from './progress-event-store';
import { ProgressClient } from './progress-client';

/** First wait after a failed send; it doubles up to the longest, and `online` cuts it short. */
export const FIRST_RETRY_MS = 2_000;
export const LONGEST_RETRY_MS = 60_000;

/**
 * - `idle`: nothing waiting and nothing sent yet;
 * - `sending`: events are on their way;
 * - `waiting`: events are kept on the device because the network (or the server) is not there;
 * - `synced`: everything recorded on the device has reached the server.
 */
export type SyncState = 'idle' | 'sending' | 'waiting' | 'synced';

/**
 * The learner's progress events on their way to the server. Each event gets its id (a UUID) when it
 * happens and is written to IndexedDB before anything is sent, so that a lost answer, a closed tab or a
 * day at a post without network loses nothing: the queue sends what waits in batches, keeps it on any
 * failure the network or the server may recover from, and tries again later (with growing waits) and
 * as soon as the browser is back online. The server counts each id once, so sending twice is harmless.
 */
@Injectable({ providedIn: 'root' })
export class ProgressQueue {
  private readonly client = inject(ProgressClient);
  private readonly session = inject(AuthSession);
  private store: ProgressEventStore = inject(PROGRESS_EVENT_STORE);

  private readonly waitingEvents = signal<QueuedProgressEvent[]>([]);
  private readonly sending = signal(false);
  private readonly failed = signal(false);
  private readonly sentAny = signal(false);
  private readonly browserOnline = signal(typeof navigator === 'undefined' ? true : navigator.onLine);
  private readonly serverProgress = signal<ReadonlyMap<string, EnrolmentProgress>>(new Map());
  private readonly certificates = signal<CertificateRef[]>([]);

  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay = FIRST_RETRY_MS;
  private draining: Promise<void> | null = null;
  private loading: Promise<void> = Promise.resolve();

  /** The current person's events not yet on the server, oldest first. */
  readonly pending = this.waitingEvents.asReadonly();
  readonly pendingCount = computed(() => this.waitingEvents().length);
  readonly online = this.browserOnline.asReadonly();
  readonly state = computed((): SyncState => {
    if (this.waitingEvents().length > 0) {
      if (this.sending() && this.browserOnline()) return 'sending';
      return 'waiting';
    }
    return this.sentAny() ? 'synced' : 'idle';
  });
  /** Enrolments as the server last answered them (after events or a quiz submission), by id. */
  readonly progress = this.serverProgress.asReadonly();
  /** Certificates issued while the app was open, newest last. */
  readonly issuedCertificates = this.certificates.asReadonly();

  constructor() {
    const online = () => {
      this.browserOnline.set(true);
      this.retryDelay = FIRST_RETRY_MS;
      this.retrySoon(0);
    };
    const offline = () => this.browserOnline.set(false);
    if (typeof window !== 'undefined') {
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
    }
    inject(DestroyRef).onDestroy(() => {
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
      }
      this.clearRetry();
    });
    // A new person on the device sees (and sends) only their own events.
    effect(() => {
      const userId = this.session.user()?.id ?? null;
      untracked(() => {
        this.loading = this.load(userId);
        void this.drain();
      });
    });
  }

  /** Records that something happened in a lesson, now, and sends it when it can. */
  async record(enrolmentId: string, lessonId: string, kind: ProgressEventKind): Promise<void> {
    const userId = this.session.user()?.id;
    if (!userId) return;
    const event: QueuedProgressEvent = {
      id: crypto.randomUUID(),
      userId,
      enrolmentId,
      lessonId,
      kind,
      occurredAt: new Date().toISOString(),
    };
    await this.keep(event);
    this.waitingEvents.update((events) => [...events, event]);
    void this.drain();
  }

  /** What the server answered by another way (a quiz submission), so pages show the newest state. */
  acknowledge(progress: EnrolmentProgress, issued?: CertificateRef | null): void {
    this.serverProgress.update((all) => new Map(all).set(progress.enrolmentId, progress));
    if (issued) this.certificates.update((certificates) => [...certificates, issued]);
  }

  /** Sends everything waiting, batch by batch; resolves when done or when it has to wait for a retry. */
  drain(): Promise<void> {
    // a drain under way picks up events recorded meanwhile, or leaves them to its retry
    this.draining ??= this.sendAll().finally(() => (this.draining = null));
    return this.draining;
  }

  private async sendAll(): Promise<void> {
    await this.loading;
    this.clearRetry();
    while (this.waitingEvents().length > 0) {
      const batch = this.waitingEvents().slice(0, MAX_PROGRESS_EVENTS_PER_REQUEST);
      this.sending.set(true);
      try {
        const answer = await firstValueFrom(this.client.record(batch.map(withoutOwner)));
        for (const progress of answer.enrolments) this.acknowledge(progress);
        if (answer.issuedCertificates.length > 0) {
          this.certificates.update((certificates) => [...certificates, ...answer.issuedCertificates]);
        }
        await this.forget(batch.map((event) => event.id));
        this.failed.set(false);
        this.sentAny.set(true);
        this.retryDelay = FIRST_RETRY_MS;
      } catch (failure) {
        if (isWorthRetrying(failure)) {
          this.failed.set(true);
          this.retrySoon(this.retryDelay);
          this.retryDelay = Math.min(this.retryDelay * 2, LONGEST_RETRY_MS);
          return;
        }
        // The server refused these events for good (e.g. the enrolment is gone): keeping them would
        // only block the ones behind them.
        await this.forget(batch.map((event) => event.id));
      } finally {
        this.sending.set(false);
      }
    }
  }

  private async load(userId: string | null): Promise<void> {
    if (!userId) {
      this.waitingEvents.set([]);
      return;
    }
    const events = await this.store.list(userId).catch(() => []);
    if (this.session.user()?.id !== userId) return;
    // events recorded while the store was being read are kept too
    this.waitingEvents.update((current) => {
      const loaded = new Set(events.map((event) => event.id));
      return [...events, ...current.filter((event) => event.userId === userId && !loaded.has(event.id))];
    });
  }

  private async keep(event: QueuedProgressEvent): Promise<void> {
    try {
      await this.store.add(event);
    } catch {
      // IndexedDB refused (storage full, a private window): keep the events for the page's life at least.
      this.store = new MemoryProgressEventStore();
      await this.store.add(event);
    }
  }

  private async forget(ids: string[]): Promise<void> {
    const sent = new Set(ids);
    this.waitingEvents.update((events) => events.filter((event) => !sent.has(event.id)));
    await this.store.remove(ids).catch(() => undefined);
  }

  private retrySoon(delayMs: number): void {
    this.clearRetry();
    if (this.waitingEvents().length === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.drain();
    }, delayMs);
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}

function withoutOwner(event: QueuedProgressEvent): ProgressEventInput {
  const { enrolmentId, lessonId, kind, id, occurredAt } = event;
  return { id, enrolmentId, lessonId, kind, occurredAt };
}

/** No network, a session to renew, a busy or failing server: the same events will be accepted later. */
function isWorthRetrying(failure: unknown): boolean {
  if (!(failure instanceof ApiError)) return true;
  return (
    failure.unreachable ||
    failure.status === 401 ||
    failure.status === 408 ||
    failure.status === 429 ||
    failure.status >= 500
  );
}
