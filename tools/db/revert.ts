import { log, withDatabase } from './with-database';

/** Reverts the most recently applied migration (one step). */
export default async function revert(): Promise<void> {
  await withDatabase(async (database) => {
    const [last]: { name: string }[] = await database.dataSource.query(
      'SELECT name FROM migration ORDER BY timestamp DESC, id DESC LIMIT 1',
    );
    if (!last) {
      log.log('No migration to revert');
      return;
    }
    await database.dataSource.undoLastMigration({ transaction: 'each' });
    log.log(`Reverted ${last.name}`);
  });
}
