import { mkdtemp } from 'node:fs/promises';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { EmbeddedPostgresHandle, startEmbeddedPostgres } from '../lib/embedded-postgres';
import { TEST_ADMIN_URL_VARIABLE } from './test-database';

const FIRST_PORT = 54339;

export interface TestPostgresState {
  handle: EmbeddedPostgresHandle;
  rootDir: string;
}

declare global {
  var borderAcademyTestPostgres: TestPostgresState | undefined;
}

function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

/**
 * Starts one PostgreSQL for the whole jest run (or uses DATABASE_URL's server). Several jest runs may
 * overlap (Nx runs projects in parallel), so each takes the first free port from 54339 on.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env[TEST_ADMIN_URL_VARIABLE]) return;
  if (process.env['DATABASE_URL']) {
    process.env[TEST_ADMIN_URL_VARIABLE] = process.env['DATABASE_URL'];
    return;
  }
  const rootDir = await mkdtemp(join(tmpdir(), 'border-academy-test-pg-'));
  let lastError: unknown;
  for (let port = FIRST_PORT; port < FIRST_PORT + 10; port++) {
    if (await isPortTaken(port)) continue;
    try {
      const handle = await startEmbeddedPostgres({
        dataDir: join(rootDir, 'postgres'),
        port,
        database: 'postgres',
      });
      globalThis.borderAcademyTestPostgres = { handle, rootDir };
      process.env[TEST_ADMIN_URL_VARIABLE] = handle.adminUrl;
      return;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof Error ? lastError : new Error('No free port for the test PostgreSQL');
}
