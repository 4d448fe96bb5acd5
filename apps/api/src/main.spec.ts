import { request } from 'node:http';
import { Socket, connect } from 'node:net';
import { TestDatabase, createTestDatabase } from '@border-academy/api-db';
import { PROBLEM_CONTENT_TYPE } from '@border-academy/shared-contracts';

import { startApi } from './testing/api-process';

/** What a process manager waits after SIGTERM before it sends SIGKILL. */
const SHUTDOWN_LIMIT_MS = 10_000;
/** Short, so that the request left hanging on purpose is cut off soon. */
const GRACE_MS = 2_000;

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
