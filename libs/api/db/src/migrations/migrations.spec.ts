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
      expect.arrayContaining([
        'app_user',
        'audit_event',
        'auth_session',
        'external_identity',
        'migration',
        'org_unit',
        'password_reset',
        'position',
        'role_grant',
        'seed_run',
      ]),
    );

    for (let step = 0; step < MIGRATIONS.length; step++) {
      await dataSource.undoLastMigration();
    }
    expect(await tableNames(dataSource)).toEqual(['migration']);
    const types: unknown[] = await dataSource.query(
      `SELECT 1 FROM pg_type WHERE typname IN ('org_unit_kind', 'org_unit_status', 'role', 'user_status')`,
    );
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

  it('keep the audit trail append-only', async () => {
    await dataSource.query(`INSERT INTO audit_event (action) VALUES ('test.append')`);
    await expect(dataSource.query(`UPDATE audit_event SET action = 'test.changed'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });

  it('refuse a second user whose login differs only in case', async () => {
    const [unit]: { id: string }[] = await dataSource.query(
      `INSERT INTO org_unit (code, kind, name, path, depth) VALUES ('xx', 'country', '{"en":"X"}', 'xx', 0) RETURNING id`,
    );
    const insert = (login: string, email: string) =>
      dataSource.query(
        `INSERT INTO app_user (login, email, full_name, org_unit_id) VALUES ($1, $2, 'A', $3)`,
        [login, email, unit?.id],
      );
    await insert('a.person', 'a@example.org');
    await expect(insert('A.Person', 'b@example.org')).rejects.toThrow(/uq_app_user_login/);
    await expect(insert('b.person', 'A@Example.org')).rejects.toThrow(/uq_app_user_email/);
  });
});
