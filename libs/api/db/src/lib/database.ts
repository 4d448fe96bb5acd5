import { join } from 'node:path';
import { DataSource } from 'typeorm';

import { SEED_STEPS, SeedReport, runSeeds } from '../seeds';
import { DatabaseSettings, createDataSource } from './data-source';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseLog {
  log(message: string): void;
  warn(message: string): void;
}

/** An open, migrated database and whatever it took to get there (an embedded cluster, maybe). */
export class Database {
  private constructor(
    readonly dataSource: DataSource,
    /** Where the database is (the embedded cluster's own URL when no DATABASE_URL is set). */
    readonly url: string,
    private readonly embedded: EmbeddedPostgresHandle | null,
  ) {}

  /** Connects to DATABASE_URL, or starts the embedded cluster, and connects to it. */
  static async connect(settings: DatabaseSettings, log: DatabaseLog): Promise<Database> {
    let embedded: EmbeddedPostgresHandle | null = null;
    let url = settings.url;
    if (!url) {
      const dataDir = join(settings.dataDir, 'postgres');
      log.log(`Starting embedded PostgreSQL on port ${settings.embeddedPort} with data in ${dataDir}`);
      embedded = await startEmbeddedPostgres({
        dataDir,
        port: settings.embeddedPort,
        database: settings.embeddedDatabase,
        onNotice: (message) => log.warn(message),
      });
      url = embedded.url;
    }
    const dataSource = createDataSource(url, settings.logQueries);
    try {
      await dataSource.initialize();
    } catch (error) {
      await embedded?.stop();
      throw error;
    }
    return new Database(dataSource, url, embedded);
  }

  async migrate(log: DatabaseLog): Promise<string[]> {
    const applied = await this.dataSource.runMigrations({ transaction: 'each' });
    log.log(
      applied.length
        ? `Applied migrations: ${applied.map((m) => m.name).join(', ')}`
        : 'Schema is up to date',
    );
    return applied.map((m) => m.name);
  }

  async seed(log: DatabaseLog): Promise<SeedReport> {
    const report = await runSeeds(this.dataSource, SEED_STEPS);
    log.log(report.applied.length ? `Applied seeds: ${report.applied.join(', ')}` : 'No pending seeds');
    return report;
  }

  /** Closes the connections, then stops the embedded cluster if this process started it. */
  async close(): Promise<void> {
    try {
      if (this.dataSource.isInitialized) await this.dataSource.destroy();
    } finally {
      await this.embedded?.stop();
    }
  }
}
