import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

/** What a cache of database rows does with what PostgreSQL tells it. */
export interface NotificationSubscriber {
  /** A row it may hold changed; `payload` says which. */
  notify(payload: string): void;
  /** Notifications may have been missed (the connection went, or came back): forget everything. */
  reset(): void;
}

const RECONNECT_MS = 1_000;

/**
 * One connection per API instance that LISTENs on the channels its caches subscribe to, so that a
 * change committed by any instance (or by hand in SQL) reaches them all; PostgreSQL delivers a
 * notification only after its transaction commits. While the connection is down, `listening` is
 * false and caches keep nothing; when it ends, and again when it is back, every subscriber resets.
 */
@Injectable()
export class DatabaseNotifications implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DatabaseNotifications.name);
  private readonly subscribers = new Map<string, NotificationSubscriber[]>();
  private client: Client | null = null;
  private connected = false;
  private stopped = false;
  private reconnect: NodeJS.Timeout | null = null;

  constructor(private readonly dataSource: DataSource) {}

  get listening(): boolean {
    return this.connected;
  }

  /** Subscribes before the application starts; channels are plain lower-case identifiers. */
  subscribe(channel: string, subscriber: NotificationSubscriber): void {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
    this.subscribers.set(channel, [...(this.subscribers.get(channel) ?? []), subscriber]);
  }

  /**
   * Tells this instance's subscribers at once of a change this instance is writing, so that its next
   * request cannot see the old row; the database's notification follows, after the commit, for all.
   */
  announce(channel: string, payload: string): void {
    for (const subscriber of this.subscribers.get(channel) ?? []) subscriber.notify(payload);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  /** Before the database closes (on application shutdown), so that its going is not taken for a lost connection. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    this.lose();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private lose(): void {
    this.connected = false;
    for (const list of this.subscribers.values()) for (const subscriber of list) subscriber.reset();
  }

  private async listen(): Promise<void> {
    if (this.subscribers.size === 0) return;
    const client = new Client({ connectionString: (this.dataSource.options as { url?: string }).url });
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.lose();
      if (!this.stopped) {
        this.logger.warn(`Caches paused, the notification connection ended: ${error?.message ?? 'closed'}`);
        this.retry();
      }
      client.end().catch(() => undefined);
    };
    client.on('notification', (message) => {
      for (const subscriber of this.subscribers.get(message.channel) ?? []) {
        subscriber.notify(message.payload ?? '');
      }
    });
    client.on('error', lost);
    client.on('end', () => lost());
    this.client = client;
    try {
      await client.connect();
      await client.query([...this.subscribers.keys()].map((channel) => `LISTEN ${channel}`).join('; '));
      if (this.client !== client || this.stopped) return;
      this.lose();
      this.connected = true;
    } catch (error) {
      lost(error as Error);
    }
  }

  private retry(): void {
    if (this.reconnect || this.stopped) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      void this.listen();
    }, RECONNECT_MS);
    this.reconnect.unref();
  }
}
