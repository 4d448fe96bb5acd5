import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { Socket, connect } from 'node:net';
import { join } from 'node:path';
import { TestDatabase, createTestDatabase } from '@border-academy/api-db';
import { PROBLEM_CONTENT_TYPE } from '@border-academy/shared-contracts';

const WORKSPACE = join(__dirname, '..', '..', '..');
const READY = /ready at http:\/\/127\.0\.0\.1:(\d+)/;
/** What a process manager waits after SIGTERM before it sends SIGKILL. */
const SHUTDOWN_LIMIT_MS = 10_000;
/** Short, so that the request left hanging on purpose is cut off soon. */
const GRACE_MS = 2_000;

interface RunningApi {
  child: ChildProcess;
  port: number;
  /** Resolves with the exit code and the time the process exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Resolves when a log line matches. */
  logged(pattern: RegExp): Promise<void>;
}

/** The API's own main.ts, run from source on a database of its own, on a free port. */
async function startApi(database: TestDatabase, env: Record<string, string> = {}): Promise<RunningApi> {
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

/**
 * A sign-in that has begun and waits for the rest of its body: sent with `Expect: 100-continue`,
 * so it is certainly in the server's hands once the server answers "100 Continue".
 */
async function beginSlowSignIn(port: number) {
  const body = JSON.stringify({ login: 'nobody', password: 'not the password of anyone' });
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  socket.write(
    `POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
  );
  await new Promise<void>((resolve) => {
    const check = () => {
      if (received.includes('100 Continue')) {
        socket.off('data', check);
        resolve();
      }
    };
    socket.on('data', check);
  });
  return { finish: () => socket.write(body), response: closed };
}

/** A new request on a new connection: refused at the door, or answered. */
function newRequest(port: number): Promise<{ refused: string } | { status: number; contentType: string }> {
  return new Promise((resolve) => {
    const outgoing = request({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type']) });
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => resolve({ refused: error.code ?? error.message }));
    outgoing.end();
  });
}

describe('the API process on SIGTERM', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('finishes a request in flight, refuses new ones, cuts off one that outlasts the grace period and exits 0 within 10 s', async () => {
    const api = await startApi(database, { SHUTDOWN_GRACE_SECONDS: String(GRACE_MS / 1000) });
    try {
      const slow = await beginSlowSignIn(api.port);
      // its body never comes
      const stuck = await beginSlowSignIn(api.port);
      const signalled = Date.now();
      api.child.kill('SIGTERM');
      await api.logged(/SIGTERM received/);

      const late = await newRequest(api.port);
      // the listener may still be open for a moment after the signal: then the answer is a 503 problem
      if ('refused' in late) expect(late.refused).toMatch(/ECONNREFUSED|ECONNRESET/);
      else expect(late).toEqual({ status: 503, contentType: expect.stringContaining(PROBLEM_CONTENT_TYPE) });

      slow.finish();
      const response = (await slow.response).toLowerCase();
      expect(response).toMatch(/^http\/1\.1 100 continue\r\n\r\nhttp\/1\.1 401 /);
      expect(response).toContain(`content-type: ${PROBLEM_CONTENT_TYPE}`);
      expect(response).toContain('connection: close');

      const exit = await api.exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.at - signalled).toBeGreaterThanOrEqual(GRACE_MS);
      expect(exit.at - signalled).toBeLessThan(SHUTDOWN_LIMIT_MS);
      expect(await stuck.response).toBe('HTTP/1.1 100 Continue\r\n\r\n');
    } finally {
      api.child.kill('SIGKILL');
    }
  }, 90_000);
});
