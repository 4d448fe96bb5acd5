import { resolve } from 'node:path';
import { readBackupHeader, restoreDatabase } from '@border-academy/api-db';

import { UsageError, log, withDatabase } from './with-database';

/** Replaces the whole database with a backup (see the README's Backups). */
export default async function restore(args: string[]): Promise<void> {
  const [given] = args;
  if (!given) throw new UsageError('Usage: npm run db:restore FILE');
  const file = resolve(given);
  const header = await readBackupHeader(file);
  log.log(`Restoring ${file}: made ${header.createdAt} from ${header.server}, schema at ${header.migration}`);
  await withDatabase(async (database) => {
    const summary = await restoreDatabase(database.url, file);
    const rows = summary.tables.reduce((sum, table) => sum + table.rows, 0);
    log.log(`Restored ${rows} rows of ${summary.tables.length} tables`);
    if (summary.newerMigrations.length > 0) {
      log.log(
        `This version has ${summary.newerMigrations.length} newer migrations ` +
          `(${summary.newerMigrations.join(', ')}); the API applies them at start, or run npm run db:migrate`,
      );
    }
  });
}
