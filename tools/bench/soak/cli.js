#!/usr/bin/env node
// Runs the benchmark straight from source, with the workspace's path aliases.
const { join } = require('node:path');

require('ts-node').register({ project: join(__dirname, 'tsconfig.json'), transpileOnly: true });
require('tsconfig-paths').register({
  baseUrl: join(__dirname, '..', '..', '..'),
  paths: require('../../../tsconfig.base.json').compilerOptions.paths,
});

require('./soak')
  .default(process.argv.slice(2))
  .then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`${(error && error.stack) || String(error)}\n`);
      process.exit(1);
    },
  );
