#!/usr/bin/env node
// Runs the TypeScript database commands straight from source, with the workspace's path aliases.
const { join } = require('node:path');

const project = join(__dirname, 'tsconfig.json');
require('ts-node').register({ project, transpileOnly: true });
require('tsconfig-paths').register({
  baseUrl: join(__dirname, '..', '..'),
  paths: require('../../tsconfig.base.json').compilerOptions.paths,
});

const commands = {
  migrate: './migrate',
  revert: './revert',
  generate: './generate',
  seed: './seed',
  backup: './backup',
  restore: './restore',
};
const [command, ...args] = process.argv.slice(2);
if (!commands[command]) {
  process.stderr.write(`Usage: node tools/db/cli.js <${Object.keys(commands).join('|')}> [args]\n`);
  process.exit(2);
}
require(commands[command])
  .default(args)
  .then(
    () => process.exit(0),
    (error) => {
      // a configuration, usage or refused-backup error explains itself; anything else needs its stack
      const text =
        error && ['ConfigValidationError', 'UsageError', 'BackupRefusedError'].includes(error.name)
          ? error.message
          : (error && error.stack) || String(error);
      process.stderr.write(`${text}\n`);
      process.exit(1);
    },
  );
