import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';

import { MIGRATIONS } from '../migrations';
import { SEED_STEPS, runSeeds } from '../seeds';
import { createDataSourceOptions } from './data-source';
import {
  TestDatabase,
  connectTestDataSource,
  createEmptyTestDatabase,
  createTestDatabase,
} from '../testing/test-database';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupRefusedError,
  backupDatabase,
  readBackupHeader,
  restoreDatabase,
} from './backup';

function lastMigrationName(): string {
  const last = MIGRATIONS[MIGRATIONS.length - 1];
  if (!last) throw new Error('no migrations');
  return new last().name;
}

type TableState = Record<string, { rows: number; checksum: string }>;

/** Row count and a checksum of every row of every table (the migration table included). */
async function databaseState(dataSource: DataSource): Promise<TableState> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const state: TableState = {};
  for (const { name } of tables) {
    const [row]: { rows: number; checksum: string }[] = await dataSource.query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS checksum
       FROM "${name}" t`,
    );
    state[name] = row ?? { rows: -1, checksum: '' };
  }
  return state;
}

async function changeEverything(dataSource: DataSource): Promise<void> {
  await dataSource.query(`DELETE FROM role_grant WHERE id IN (SELECT id FROM role_grant LIMIT 3)`);
  await dataSource.query(`UPDATE app_user SET full_name = full_name || ' (changed)'`);
  await dataSource.query(
    `INSERT INTO org_unit (code, kind, name, path, depth) VALUES ('zz', 'country', '{"en":"Z"}', 'zz', 0)`,
  );
  await dataSource.query(`INSERT INTO audit_event (action) VALUES ('test.after-backup')`);
}

describe('database backup and restore', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let directory: string;
  let file: string;
  let original: TableState;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await connectTestDataSource(database);
    await runSeeds(dataSource, SEED_STEPS);
    // values that lose digits or escape badly when a backup parses or re-encodes them
    await dataSource.query(
      `INSERT INTO audit_event (action, summary) VALUES
         ('test.before-backup', '{"note": "line one\\nline two, tab\\t, quote \\" and backslash \\\\", "big": 9007199254740993123}'),
         ('test.unicode', '{"note": "Пограничная служба — 国境 🛂"}')`,
    );
    directory = await mkdtemp(join(tmpdir(), 'border-academy-backup-'));
    file = join(directory, 'nightly.jsonl.gz');
    original = await databaseState(dataSource);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('write a compressed file that says what it holds', async () => {
    const written = await backupDatabase(database.url, file);

    const raw = await readFile(file);
    expect([raw[0], raw[1]]).toEqual([0x1f, 0x8b]);
    const header = await readBackupHeader(file);
    expect(header).toEqual(written);
    expect(header.format).toBe(BACKUP_FORMAT);
    expect(header.formatVersion).toBe(BACKUP_FORMAT_VERSION);
    expect(header.migration).toBe(lastMigrationName());
    expect(Date.now() - Date.parse(header.createdAt)).toBeLessThan(60_000);
    expect(header.server).toMatch(/^PostgreSQL \d+/);
    const tables = Object.fromEntries(header.tables.map((table) => [table.name, table.rows]));
    expect(tables).toEqual(
      Object.fromEntries(
        Object.entries(original)
          .filter(([name]) => name !== 'migration')
          .map(([name, state]) => [name, state.rows]),
      ),
    );
    const order = header.tables.map((table) => table.name);
    expect(order.indexOf('org_unit')).toBeLessThan(order.indexOf('app_user'));
    expect(order.indexOf('app_user')).toBeLessThan(order.indexOf('role_grant'));
    expect(header.sequences.map((sequence) => sequence.name)).toContain('audit_event_id_seq');
  });

  it('bring back every row of every table after the data changed', async () => {
    await changeEverything(dataSource);
    expect(await databaseState(dataSource)).not.toEqual(original);

    const summary = await restoreDatabase(database.url, file);

    expect(summary.newerMigrations).toEqual([]);
    expect(await databaseState(dataSource)).toEqual(original);
    // sequences continue after the restored rows
    const [maxBefore]: { id: string }[] = await dataSource.query(`SELECT max(id) AS id FROM audit_event`);
    const [added]: { id: string }[] = await dataSource.query(
      `INSERT INTO audit_event (action) VALUES ('test.after-restore') RETURNING id`,
    );
    expect(BigInt(added?.id ?? 0)).toBeGreaterThan(BigInt(maxBefore?.id ?? 0));
    // the restored schema keeps its rules
    await expect(dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });

  it('restore a backup of an older schema at its own migration and name the newer ones', async () => {
    const older = await createEmptyTestDatabase();
    const olderSource = new DataSource({
      ...createDataSourceOptions(older.url),
      migrations: MIGRATIONS.slice(0, -1),
    });
    try {
      await olderSource.initialize();
      await olderSource.runMigrations();
      await olderSource.query(
        `INSERT INTO org_unit (code, kind, name, path, depth) VALUES ('old', 'country', '{"en":"Old"}', 'old', 0)`,
      );
      const olderFile = join(directory, 'older.jsonl.gz');
      await backupDatabase(older.url, olderFile);
      await olderSource.runMigrations();

      const summary = await restoreDatabase(older.url, olderFile);

      const last = lastMigrationName();
      expect(summary.newerMigrations).toEqual([last]);
      const applied: { name: string }[] = await olderSource.query(`SELECT name FROM migration`);
      expect(applied.map((row) => row.name)).not.toContain(last);
      expect(await olderSource.query(`SELECT code FROM org_unit`)).toEqual([{ code: 'old' }]);
    } finally {
      if (olderSource.isInitialized) await olderSource.destroy();
      await older.drop();
    }
  });

  it('refuse a backup from a newer schema and leave the database as it was', async () => {
    const before = await databaseState(dataSource);
    const lines = gunzipSync(await readFile(file))
      .toString('utf8')
      .split('\n');
    const header = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    lines[0] = JSON.stringify({ ...header, migration: 'AddFutureRecords1999999999999' });
    const future = join(directory, 'future.jsonl.gz');
    await writeFile(future, gzipSync(lines.join('\n')));

    await expect(restoreDatabase(database.url, future)).rejects.toThrow(BackupRefusedError);
    await expect(restoreDatabase(database.url, future)).rejects.toThrow(/AddFutureRecords1999999999999/);
    expect(await databaseState(dataSource)).toEqual(before);
  });

  it('refuse a cut-off backup before it changes anything', async () => {
    await changeEverything(dataSource);
    const before = await databaseState(dataSource);
    const lines = gunzipSync(await readFile(file))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const truncated = join(directory, 'truncated.jsonl.gz');
    await writeFile(truncated, gzipSync(lines.slice(0, -3).join('\n')));

    await expect(restoreDatabase(database.url, truncated)).rejects.toThrow(/ends early/);
    expect(await databaseState(dataSource)).toEqual(before);
  });

  it('refuse a file that is not a backup', async () => {
    const other = join(directory, 'other.jsonl.gz');
    await writeFile(other, gzipSync('{"hello": "world"}\n'));
    await expect(readBackupHeader(other)).rejects.toThrow(/Not a Border Academy backup/);
    await expect(restoreDatabase(database.url, other)).rejects.toThrow(/Not a Border Academy backup/);
  });

  it('leave no file behind when a backup fails', async () => {
    const target = join(directory, 'missing-database.jsonl.gz');
    const url = new URL(database.url);
    url.pathname = '/no_such_database_for_backup';
    await expect(backupDatabase(url.toString(), target)).rejects.toThrow();
    await expect(open(target)).rejects.toThrow(/ENOENT/);
    await expect(open(`${target}.partial`)).rejects.toThrow(/ENOENT/);
  });
});
