import { DataSource } from 'typeorm';

import { createDataSource } from '../lib/data-source';
import { TestDatabase, createEmptyTestDatabase } from '../testing/test-database';
import { MIGRATIONS } from './index';

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createEmptyTestDatabase();
    dataSource = createDataSource(database.url);
    await dataSource.initialize();
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  it('apply, revert completely and apply again on PostgreSQL', async () => {
    const applied = await dataSource.runMigrations();
    expect(applied).toHaveLength(MIGRATIONS.length);
    expect(await tableNames(dataSource)).toEqual(
      expect.arrayContaining(['migration', 'org_unit', 'seed_run']),
    );

    for (let step = 0; step < MIGRATIONS.length; step++) {
      await dataSource.undoLastMigration();
    }
    expect(await tableNames(dataSource)).toEqual(['migration']);
    const types: unknown[] = await dataSource.query(`SELECT 1 FROM pg_type WHERE typname = 'org_unit_kind'`);
    expect(types).toHaveLength(0);

    expect(await dataSource.runMigrations()).toHaveLength(MIGRATIONS.length);
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('leave nothing for the entities that a migration does not create', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('index org unit paths for prefix searches', async () => {
    const rows: { indexdef: string }[] = await dataSource.query(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_org_unit_path'`,
    );
    expect(rows[0]?.indexdef).toContain('text_pattern_ops');
  });
});
