const esmPackages = require('../../tools/jest/esm-packages.cjs');

module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    ...esmPackages.transform,
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  transformIgnorePatterns: esmPackages.transformIgnorePatterns,
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/api',
  // one PostgreSQL per run; every test file creates its own database on it
  globalSetup: '<rootDir>/../../libs/api/db/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/api/db/src/testing/global-teardown.ts',
  // each file boots a database and often the whole app; more workers only contend for two cores
  maxWorkers: 2,
  testTimeout: 30000,
};
