import { Logger } from '@nestjs/common';
import { Database, DatabaseLog } from '@border-academy/api-db';
import { loadApiConfig } from '@border-academy/api-platform';

export const log: DatabaseLog = new Logger('db');

/** A command used the wrong way: its message is all the user needs. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Opens the database the API would use (DATABASE_URL, or the embedded cluster started for the
 * command and stopped afterwards), runs `action`, and closes everything.
 */
export async function withDatabase<T>(action: (database: Database) => Promise<T>): Promise<T> {
  const config = loadApiConfig();
  const database = await Database.connect(
    {
      url: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      embeddedPort: config.EMBEDDED_PG_PORT,
      embeddedDatabase: config.EMBEDDED_PG_DATABASE,
      logQueries: config.LOG_SQL,
    },
    log,
  );
  try {
    return await action(database);
  } finally {
    await database.close();
  }
}
