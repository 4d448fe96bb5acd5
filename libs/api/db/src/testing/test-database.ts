import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { createDataSource } from '../lib/data-source';

/** Set by the jest global setup: a URL of the maintenance database of the run's PostgreSQL. */
export const TEST_ADMIN_URL_VARIABLE = 'BORDER_ACADEMY_TEST_ADMIN_URL';

export interface TestDatabase {
  name: string;
  url: string;
  /** Drops the database; call it in afterAll. */
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env[TEST_ADMIN_URL_VARIABLE];
  if (!url) {
    throw new Error(
      `${TEST_ADMIN_URL_VARIABLE} is not set: run database tests through jest with the api-db global setup`,
    );
  }
  return url;
}

async function withAdmin<T>(action: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of its own for one test file. */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** A fresh database with every migration applied. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await createEmptyTestDatabase();
  const dataSource = createDataSource(database.url);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
  return database;
}

/** An initialised DataSource on the given test database; destroy it before dropping the database. */
export async function connectTestDataSource(database: TestDatabase): Promise<DataSource> {
  const dataSource = createDataSource(database.url);
  await dataSource.initialize();
  return dataSource;
}
