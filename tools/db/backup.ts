import { join, resolve } from 'node:path';
import { backupDatabase } from '@border-academy/api-db';
import { loadApiConfig } from '@border-academy/api-platform';

import { UsageError, log, withDatabase } from './with-database';

function outputFile(args: string[]): string {
  const at = args.indexOf('--out');
  if (at >= 0) {
    const file = args[at + 1];
    if (!file) throw new UsageError('Usage: npm run db:backup [-- --out FILE]');
    return resolve(file);
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-');
  return resolve(join(loadApiConfig().DATA_DIR, 'backups', `border-academy-${stamp}.jsonl.gz`));
}

/** Writes a consistent, compressed export of the whole database (see the README's Backups). */
export default async function backup(args: string[]): Promise<void> {
  const file = outputFile(args);
  await withDatabase(async (database) => {
    const started = Date.now();
    const header = await backupDatabase(database.url, file);
    const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
    log.log(
      `Backed up ${rows} rows of ${header.tables.length} tables (schema at ${header.migration}) ` +
        `to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });
}
