#!/usr/bin/env node
// Runs the benchmark suite straight from source, with the workspace's path aliases:
// `node tools/bench/suite/cli.js generate|run [--size S|M|L]`.
const { join } = require('node:path');

require('ts-node').register({ project: join(__dirname, 'tsconfig.json'), transpileOnly: true });
require('tsconfig-paths').register({
  baseUrl: join(__dirname, '..', '..', '..'),
  paths: require('../../../tsconfig.base.json').compilerOptions.paths,
});

const commands = { generate: './generate', run: './run' };
const [command, ...args] = process.argv.slice(2);
if (!commands[command]) {
  process.stderr.write('Usage: node tools/bench/suite/cli.js <generate|run> [--size S|M|L]\n');
  process.exit(2);
}
require(commands[command])
  .default(args)
  .then(
    (code) => process.exit(code ?? 0),
    (error) => {
      process.stderr.write(`${(error && error.stack) || String(error)}\n`);
      process.exit(1);
    },
  );
