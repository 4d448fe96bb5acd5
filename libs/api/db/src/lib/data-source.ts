import { DataSource, DataSourceOptions } from 'typeorm';

import { MIGRATIONS } from '../migrations';
import { ENTITIES } from './entities';

/** How the API reaches its database; built from the validated configuration. */
export interface DatabaseSettings {
  /** When set, the database to use; otherwise an embedded PostgreSQL is started. */
  url?: string;
  /** Root of local data; the embedded cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  embeddedPort: number;
  embeddedDatabase: string;
  /** Log every SQL statement. */
  logQueries: boolean;
}

export function createDataSourceOptions(url: string, logQueries = false): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    // the schema changes only through migrations, reviewed in code
    synchronize: false,
    migrationsRun: false,
    logging: logQueries ? 'all' : ['error', 'migration'],
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}

export function createDataSource(url: string, logQueries = false): DataSource {
  return new DataSource(createDataSourceOptions(url, logQueries));
}
