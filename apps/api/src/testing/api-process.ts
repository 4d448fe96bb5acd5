import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';

const WORKSPACE = join(__dirname, '..', '..', '..', '..');
const READY = /ready at http:\/\/127\.0\.0\.1:(\d+)/;

export interface RunningApi {
  child: ChildProcess;
  port: number;
  /** Resolves with the exit code and the time the process exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Resolves when a log line matches. */
  logged(pattern: RegExp): Promise<void>;
}

/**
 * The API's own main.ts, run from source as its own process on the given database, on a free port:
 * for the tests that signal or kill the process. Resolves once it listens.
 */
export async function startApi(
  database: { url: string },
  env: Record<string, string> = {},
): Promise<RunningApi> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
    {
      cwd: WORKSPACE,
      env: {
        PATH: process.env['PATH'] ?? '',
        TS_NODE_PROJECT: 'apps/api/tsconfig.app.json',
        TS_NODE_TRANSPILE_ONLY: 'true',
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        PORT: '0',
        HOST: '127.0.0.1',
        SEED_DEMO_DATA: 'false',
        LOG_PRETTY: 'false',
        WEB_DIST_DIR: '/nonexistent-web-dist',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const waiting: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const waiter of [...waiting]) {
      if (waiter.pattern.test(output)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const logged = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (pattern.test(output)) return resolve();
      waiting.push({ pattern, resolve });
      void exited.then(() => reject(new Error(`the API exited before logging ${pattern}:\n${output}`)));
    });
  await logged(READY);
  return { child, port: Number(READY.exec(output)?.[1]), exited, logged };
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** One JSON request to a running API on a new connection; a connection that fails rejects. */
export function httpJson(
  port: number,
  method: string,
  path: string,
  options: { authorization?: string; body?: unknown; raw?: Buffer; contentType?: string } = {},
): Promise<HttpAnswer> {
  const payload =
    options.raw ?? (options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body)));
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent: false,
        headers: {
          ...(options.authorization ? { authorization: options.authorization } : {}),
          ...(payload
            ? {
                'content-type': options.contentType ?? 'application/json',
                'content-length': payload.length,
              }
            : {}),
        },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            body,
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}
