import { Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  SeedStep,
  TestDatabase,
  connectTestDataSource,
  createTestDatabase,
  runSeeds,
} from '@border-academy/api-db';

import { loadApiConfig } from '../config/api-config';
import { createApiApp } from '../bootstrap/create-api-app';

export interface TestApp {
  app: NestFastifyApplication;
  database: TestDatabase;
  /** Closes the app and drops its database; call it in afterAll. */
  close(): Promise<void>;
}

/**
 * The full API, built by the same function as main.ts, on a fresh migrated database of its own.
 * Requests go through `app.inject()`, so no port is opened.
 */
export async function createTestApp(features: Type[], env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  try {
    const config = loadApiConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SEED_DEMO_DATA: 'false',
      WEB_DIST_DIR: '/nonexistent-web-dist',
      ...env,
      DATABASE_URL: database.url,
    });
    const app = await createApiApp({ config, features });
    return {
      app,
      database,
      close: async () => {
        await app.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** Runs seed steps (the org tree, the demo users) on the test app's database, as start-up would. */
export async function seedTestDatabase(testApp: TestApp, steps: readonly SeedStep[]): Promise<void> {
  const dataSource = await connectTestDataSource(testApp.database);
  try {
    await runSeeds(dataSource, steps);
  } finally {
    await dataSource.destroy();
  }
}
