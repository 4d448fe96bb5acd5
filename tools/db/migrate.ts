import { log, withDatabase } from './with-database';

/** Applies every pending migration. */
export default async function migrate(): Promise<void> {
  await withDatabase((database) => database.migrate(log));
}
