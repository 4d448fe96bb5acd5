import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

const workspaceRoot = join(__dirname, '..', '..', '..');

function runner(...args: string[]): { status: number | null; output: string } {
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const result = spawnSync(process.execPath, ['tools/bench/suite/cli.js', ...args], {
    cwd: workspaceRoot,
    // its own embedded PostgreSQL, as on a fresh machine
    env,
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

// The benchmarks prove speed outside npm test; here the runner only has to work: every scenario of the
// production build at size S runs to the end with no failed request. No figure is judged.
test('the benchmark runner drives every scenario at size S without an error', async () => {
  test.setTimeout(480_000);
  const generated = runner('generate', '--size', 'S');
  expect(generated.output).toContain('Size S generated');
  expect(generated.status).toBe(0);

  const smoke = runner('run', '--size', 'S', '--seconds', '1', '--smoke');
  for (const scenario of [
    'record a progress event',
    'memory: API under the progress-event load',
    'catalogue search',
    'my learning, 50 enrolments',
    'my learning: SQL statements per request',
    'HR compliance matrix',
    'certificate verification',
    'sign-in',
    'web: initial JavaScript',
  ]) {
    expect(smoke.output).toContain(scenario);
  }
  expect(smoke.output).toMatch(/Smoke: \d+ rows, 0 with errors/);
  expect(smoke.status).toBe(0);
});
