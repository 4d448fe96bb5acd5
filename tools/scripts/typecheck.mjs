#!/usr/bin/env node
// Type-checks every TypeScript project of the workspace (apps, libraries, their specs and the browser tests)
// with `tsc --noEmit`, two at a time, and fails if any of them has an error.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const projectConfig = /^tsconfig\.(app|lib|spec)\.json$/;
const configs = ['apps', 'libs', 'tools']
  .flatMap((top) =>
    readdirSync(join(root, top), { recursive: true, encoding: 'utf8' }).map((path) => join(top, path)),
  )
  .filter((path) => !path.includes('node_modules') && projectConfig.test(path.split('/').pop() ?? ''))
  .concat('apps/web-e2e/tsconfig.json');

const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const failures = [];

async function check(config) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '--noEmit', '-p', config], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      if (code !== 0) failures.push({ config, output });
      process.stdout.write(`${code === 0 ? 'ok  ' : 'FAIL'} ${config}\n`);
      resolve();
    });
  });
}

const queue = [...configs].sort();
await Promise.all(
  [0, 1].map(async () => {
    while (queue.length > 0) await check(queue.shift());
  }),
);

for (const { config, output } of failures) process.stderr.write(`\n${config}\n${output}`);
process.stdout.write(`typecheck: ${configs.length - failures.length} passed, ${failures.length} failed\n`);
process.exit(failures.length === 0 ? 0 : 1);
