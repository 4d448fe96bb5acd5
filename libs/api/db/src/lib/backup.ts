import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { DataSource, MigrationExecutor } from 'typeorm';

import { MIGRATIONS } from '../migrations';
import { createDataSourceOptions } from './data-source';

/*
 * A backup is a logical export taken in one REPEATABLE READ snapshot: gzip-compressed JSON lines.
 *   line 1          the header: format, format version, creation time, server, the schema's last
 *                   migration, every table (columns, row count, in foreign-key order), sequences
 *   then per table  {"table": name} followed by exactly `rows` lines, each a row_to_json() object
 *   last line       {"end": true, "tables": n, "rows": total}, so a cut-off file is refused
 * Rows pass through as PostgreSQL's own JSON text, never parsed here, so bigint, numeric and
 * timestamps keep every digit. A restore rebuilds the schema with the migrations up to the backup's
 * own, then inserts the rows (see restoreDatabase).
 */

export const BACKUP_FORMAT = 'border-academy-backup';
export const BACKUP_FORMAT_VERSION = 1;

const MIGRATION_TABLE = 'migration';
const FETCH_ROWS = 2_000;
const RESTORE_BATCH_BYTES = 4 * 1024 * 1024;

export interface BackupTable {
  name: string;
  /** The stored columns (generated columns are left out: PostgreSQL recomputes them). */
  columns: string[];
  rows: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  server: string;
  database: string;
  /** The schema's last applied migration; a restore rebuilds the schema up to it. */
  migration: string;
  tables: BackupTable[];
  /** Sequences other than the migration table's, with the last value handed out (null: never used). */
  sequences: { name: string; lastValue: string | null }[];
}

export interface RestoreSummary {
  migration: string;
  createdAt: string;
  tables: { name: string; rows: number }[];
  /** Migrations this version has beyond the backup's; applied at the API's next start or by db:migrate. */
  newerMigrations: string[];
}

export class BackupRefusedError extends Error {
  override readonly name = 'BackupRefusedError';
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withClient<T>(url: string, action: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** Tables of the public schema, parents before the tables whose foreign keys point at them where they can be. */
async function tablesInDependencyOrder(client: Client): Promise<string[]> {
  const tables = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1 ORDER BY c.relname`,
    [MIGRATION_TABLE],
  );
  const references = await client.query<{ child: string; parent: string }>(
    `SELECT DISTINCT child.relname AS child, parent.relname AS parent
     FROM pg_constraint k
     JOIN pg_class child ON child.oid = k.conrelid
     JOIN pg_class parent ON parent.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = child.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`,
  );
  const pending = new Map(tables.rows.map((row) => [row.name, new Set<string>()]));
  for (const { child, parent } of references.rows) pending.get(child)?.add(parent);
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, parents]) => parents.size === 0).map(([name]) => name);
    // tables that refer to each other (a course and its current version) are taken in name order:
    // a restore drops the foreign keys while it loads and checks them all again afterwards
    if (ready.length === 0) ready.push(...pending.keys());
    for (const name of ready) {
      ordered.push(name);
      pending.delete(name);
      for (const parents of pending.values()) parents.delete(name);
    }
  }
  return ordered;
}

async function storedColumns(client: Client, table: string): Promise<string[]> {
  const result = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'
     ORDER BY ordinal_position`,
    [table],
  );
  return result.rows.map((row) => row.column_name);
}

async function lastMigration(client: Client): Promise<string> {
  const result = await client.query<{ name: string }>(
    `SELECT name FROM ${quoteIdent(MIGRATION_TABLE)} ORDER BY timestamp DESC, id DESC LIMIT 1`,
  );
  const name = result.rows[0]?.name;
  if (!name) throw new BackupRefusedError('The database has no migrations applied; nothing to back up');
  return name;
}

/** Writes with back-pressure, so a large table never piles up in memory. */
async function writeTo(stream: Writable, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/**
 * Exports the database at `url` into `file` (written beside it first and renamed when complete, so
 * a failed backup never leaves a file that looks whole). Writers may keep working meanwhile: the
 * export sees one consistent snapshot.
 */
export async function backupDatabase(url: string, file: string): Promise<BackupHeader> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  try {
    const header = await withClient(url, async (client) => {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        // the first query fixes the snapshot; everything below reads that same state
        const migration = await lastMigration(client);
        const tables: BackupTable[] = [];
        for (const name of await tablesInDependencyOrder(client)) {
          const count = await client.query<{ rows: string }>(
            `SELECT count(*) AS rows FROM ${quoteIdent(name)}`,
          );
          tables.push({
            name,
            columns: await storedColumns(client, name),
            rows: Number(count.rows[0]?.rows),
          });
        }
        const sequences = await client.query<{ name: string; lastValue: string | null }>(
          `SELECT s.sequencename AS name, s.last_value::text AS "lastValue" FROM pg_sequences s
           WHERE s.schemaname = 'public'
             AND s.sequencename IS DISTINCT FROM split_part(pg_get_serial_sequence($1, 'id'), '.', 2)
           ORDER BY s.sequencename`,
          [quoteIdent(MIGRATION_TABLE)],
        );
        const about = await client.query<{ server: string; database: string }>(
          `SELECT current_setting('server_version') AS server, current_database() AS database`,
        );
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          server: `PostgreSQL ${about.rows[0]?.server ?? '?'}`,
          database: about.rows[0]?.database ?? '?',
          migration,
          tables,
          sequences: sequences.rows,
        };
        await writeBackupFile(client, header, partial);
        return header;
      } finally {
        await client.query('ROLLBACK');
      }
    });
    await rename(partial, file);
    return header;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function writeBackupFile(client: Client, header: BackupHeader, file: string): Promise<void> {
  const gzip = createGzip();
  const output = createWriteStream(file, { mode: 0o600 });
  const written = once(output, 'finish');
  gzip.pipe(output);
  await writeTo(gzip, `${JSON.stringify(header)}\n`);
  let total = 0;
  for (const table of header.tables) {
    await writeTo(gzip, `${JSON.stringify({ table: table.name })}\n`);
    await client.query(
      `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quoteIdent(table.name)} t`,
    );
    let rows = 0;
    for (;;) {
      const batch = await client.query<{ row: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
      for (const { row } of batch.rows) await writeTo(gzip, `${row}\n`);
      rows += batch.rows.length;
      if (batch.rows.length < FETCH_ROWS) break;
    }
    await client.query('CLOSE backup_rows');
    if (rows !== table.rows) {
      throw new Error(`${table.name}: counted ${table.rows} rows but read ${rows} in the same snapshot`);
    }
    total += rows;
  }
  gzip.end(`${JSON.stringify({ end: true, tables: header.tables.length, rows: total })}\n`);
  await written;
}

/** Reads the header alone, e.g. to show what a backup holds. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = backupLines(file);
  try {
    const first = await lines.next();
    return parseHeader(first.done ? '' : first.value);
  } finally {
    await lines.return(undefined);
  }
}

async function* backupLines(file: string): AsyncGenerator<string, void, undefined> {
  const input = createReadStream(file).pipe(createGunzip());
  const reader = createInterface({ input, crlfDelay: Infinity });
  try {
    yield* reader;
  } finally {
    reader.close();
    input.destroy();
  }
}

function parseHeader(line: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    throw new BackupRefusedError('Not a Border Academy backup: the first line is not a JSON header');
  }
  if (header.format !== BACKUP_FORMAT) {
    throw new BackupRefusedError('Not a Border Academy backup: the header names another format');
  }
  if (typeof header.formatVersion !== 'number' || header.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupRefusedError(
      `The backup's format version ${String(header.formatVersion)} is newer than this version reads (${BACKUP_FORMAT_VERSION})`,
    );
  }
  if (typeof header.migration !== 'string' || !Array.isArray(header.tables)) {
    throw new BackupRefusedError('The backup header lacks its migration or its tables');
  }
  return header as BackupHeader;
}

function migrationsUpTo(migration: string): { known: typeof MIGRATIONS; newer: string[] } {
  // the name each migration records in the migration table (class names do not survive minifying)
  const names = MIGRATIONS.map((type) => new type().name ?? type.name);
  const index = names.indexOf(migration);
  if (index < 0) {
    throw new BackupRefusedError(
      `The backup's schema is at migration ${migration}, which this version does not know ` +
        `(its last is ${names[names.length - 1]}): restore it with the version that made it, or a newer one`,
    );
  }
  return { known: MIGRATIONS.slice(0, index + 1), newer: names.slice(index + 1) };
}

/**
 * Reads the whole file once before the database is touched: a damaged, cut-off or foreign file is
 * refused while everything is still as it was.
 */
export async function verifyBackupFile(file: string): Promise<BackupHeader> {
  const lines = backupLines(file);
  const next = nextLine(lines);
  try {
    const header = parseHeader(await next('the header'));
    for (const table of header.tables) {
      await expectSection(next, table);
      for (let row = 0; row < table.rows; row++) await next(`row ${row + 1} of ${table.name}`);
    }
    await expectEnd(next);
    return header;
  } finally {
    await lines.return(undefined);
  }
}

function nextLine(lines: AsyncGenerator<string, void, undefined>): (what: string) => Promise<string> {
  return async (what) => {
    const line = await lines.next();
    if (line.done) throw new BackupRefusedError(`The backup ends early: ${what} is missing`);
    return line.value;
  };
}

function parseLine(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new BackupRefusedError('The backup is damaged: a line is not JSON');
  }
}

async function expectSection(next: (what: string) => Promise<string>, table: BackupTable): Promise<void> {
  if (parseLine(await next(`the rows of ${table.name}`))['table'] !== table.name) {
    throw new BackupRefusedError(`The backup is damaged: expected the rows of ${table.name}`);
  }
}

async function expectEnd(next: (what: string) => Promise<string>): Promise<void> {
  if (parseLine(await next('the end marker'))['end'] !== true) {
    throw new BackupRefusedError('The backup is damaged: no end marker');
  }
}

/**
 * Replaces everything in the database at `url` with the backup in `file`. The file is checked
 * whole first. Then one transaction drops the public schema and rebuilds it by the migrations up to
 * the backup's; a second one empties what they filled in and loads every row (foreign keys set
 * aside and added again, which checks every row). Two, because PostgreSQL lets no transaction use
 * an enum value that it added itself, and migrations add them. Nothing else may use the database.
 */
export async function restoreDatabase(url: string, file: string): Promise<RestoreSummary> {
  const header = await verifyBackupFile(file);
  const { known, newer } = migrationsUpTo(header.migration);
  const dataSource = new DataSource({ ...createDataSourceOptions(url), migrations: known });
  await dataSource.initialize();
  const lines = backupLines(file);
  const next = nextLine(lines);
  const queryRunner = dataSource.createQueryRunner();
  try {
    await queryRunner.connect();
    const query: Query = queryRunner.query.bind(queryRunner);
    await queryRunner.startTransaction();
    try {
      await query(`SET LOCAL lock_timeout = '5s'`);
      await recreatePublicSchema(query);
      const executor = new MigrationExecutor(dataSource, queryRunner);
      executor.transaction = 'all';
      await executor.executePendingMigrations();
      await queryRunner.commitTransaction();
    } catch (error) {
      await queryRunner.rollbackTransaction();
      throw explainLockTimeout(error);
    }
    await queryRunner.startTransaction();
    try {
      await next('the header');
      await loadRows(query, header, next);
      await queryRunner.commitTransaction();
    } catch (error) {
      await queryRunner.rollbackTransaction();
      throw new Error(
        `Restoring the rows failed (${error instanceof Error ? error.message : String(error)}); the ` +
          `database holds the empty schema at ${header.migration}: restore a good backup again`,
        { cause: error },
      );
    }
    return {
      migration: header.migration,
      createdAt: header.createdAt,
      tables: header.tables.map(({ name, rows }) => ({ name, rows })),
      newerMigrations: newer,
    };
  } finally {
    await lines.return(undefined);
    await queryRunner.release();
    await dataSource.destroy();
  }
}

async function loadRows(
  query: Query,
  header: BackupHeader,
  next: (what: string) => Promise<string>,
): Promise<void> {
  await expectSameTables(query, header.tables);
  const foreignKeys = (await query(
    `SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS definition
     FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
  )) as { table: string; name: string; definition: string }[];
  for (const key of foreignKeys) {
    await query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${quoteIdent(key.name)}`);
  }
  // rows that migrations insert (reference data) come back from the backup, as they were then
  if (header.tables.length > 0) {
    await query(`TRUNCATE ${header.tables.map((table) => quoteIdent(table.name)).join(', ')}`);
  }
  await query(`CREATE TEMPORARY TABLE restore_rows (row json) ON COMMIT DROP`);
  for (const table of header.tables) {
    await expectSection(next, table);
    await restoreTable(query, table, next);
  }
  await expectEnd(next);
  // re-adding a foreign key checks every row against it
  for (const key of foreignKeys) {
    await query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${quoteIdent(key.name)} ${key.definition}`);
  }
  for (const sequence of header.sequences) {
    if (sequence.lastValue !== null) {
      await query(`SELECT setval($1::regclass, $2::bigint, true)`, [
        quoteIdent(sequence.name),
        sequence.lastValue,
      ]);
    }
  }
}

type Query = (sql: string, parameters?: unknown[]) => Promise<unknown>;

/** Drops and recreates the public schema with its owner and grants, and so every object in it. */
async function recreatePublicSchema(query: Query): Promise<void> {
  const [schema] = (await query(
    `SELECT nspowner::regrole::text AS owner,
            coalesce((SELECT json_agg(json_build_object('grantee', CASE WHEN a.grantee = 0 THEN 'PUBLIC'
                        ELSE quote_ident(a.grantee::regrole::text) END, 'privilege', a.privilege_type))
                      FROM aclexplode(nspacl) a WHERE a.grantee <> nspowner), '[]') AS grants
     FROM pg_namespace WHERE nspname = 'public'`,
  )) as { owner: string; grants: { grantee: string; privilege: string }[] }[];
  await query('DROP SCHEMA IF EXISTS public CASCADE');
  await query('CREATE SCHEMA public');
  if (!schema) return;
  await query(`ALTER SCHEMA public OWNER TO ${schema.owner}`);
  for (const { grantee, privilege } of schema.grants) {
    await query(`GRANT ${privilege === 'CREATE' ? 'CREATE' : 'USAGE'} ON SCHEMA public TO ${grantee}`);
  }
}

async function expectSameTables(query: Query, tables: BackupTable[]): Promise<void> {
  const rebuilt = (await query(
    `SELECT table_name AS name, array_agg(column_name::text ORDER BY ordinal_position) AS columns
     FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> $1 AND is_generated = 'NEVER'
     GROUP BY table_name`,
    [MIGRATION_TABLE],
  )) as { name: string; columns: string[] }[];
  const describe = (list: { name: string; columns: string[] }[]) =>
    list
      .map(({ name, columns }) => `${name}(${columns.join(',')})`)
      .sort()
      .join(' ');
  if (describe(rebuilt) !== describe(tables)) {
    throw new BackupRefusedError(
      "The tables rebuilt by the migrations differ from the backup's: it was not made from this schema",
    );
  }
}

/**
 * Rows are staged as JSON in batches, then inserted by one statement per table. User triggers stay
 * off while the rows go in: they ran when the rows were first written.
 */
async function restoreTable(
  query: Query,
  table: BackupTable,
  next: (what: string) => Promise<string>,
): Promise<void> {
  let batch: string[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await query(`INSERT INTO restore_rows SELECT json_array_elements($1::json)`, [`[${batch.join(',')}]`]);
    batch = [];
    batchBytes = 0;
  };
  for (let row = 0; row < table.rows; row++) {
    const line = await next(`row ${row + 1} of ${table.name}`);
    batch.push(line);
    batchBytes += line.length;
    if (batchBytes >= RESTORE_BATCH_BYTES) await flush();
  }
  await flush();
  const name = quoteIdent(table.name);
  const columns = table.columns.map(quoteIdent).join(', ');
  await query(`ALTER TABLE ${name} DISABLE TRIGGER USER`);
  await query(
    `INSERT INTO ${name} (${columns}) OVERRIDING SYSTEM VALUE
     SELECT ${table.columns.map((column) => `r.${quoteIdent(column)}`).join(', ')}
     FROM restore_rows, json_populate_record(NULL::${name}, restore_rows.row) r`,
  );
  await query(`ALTER TABLE ${name} ENABLE TRIGGER USER`);
  const [count] = (await query(`SELECT count(*)::bigint AS rows FROM ${name}`)) as { rows: string }[];
  if (Number(count?.rows) !== table.rows) {
    throw new BackupRefusedError(
      `${table.name}: restored ${count?.rows} rows, the backup holds ${table.rows}`,
    );
  }
  await query('TRUNCATE restore_rows');
}

function explainLockTimeout(error: unknown): unknown {
  if ((error as { driverError?: { code?: string }; code?: string })?.driverError?.code === '55P03') {
    return new BackupRefusedError(
      'The database is in use (is the API running on it?): stop it, then restore again',
    );
  }
  return error;
}
