import { log, withDatabase } from './with-database';

/** Applies pending migrations, then every seed step not applied yet. */
export default async function seed(): Promise<void> {
  await withDatabase(async (database) => {
    await database.migrate(log);
    await database.seed(log);
  });
}
