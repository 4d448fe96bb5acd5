module.exports = {
  displayName: 'api-qualifications',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/api/qualifications',
  // one PostgreSQL per run; every test file creates its own database on it
  globalSetup: '<rootDir>/../db/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../db/src/testing/global-teardown.ts',
  // each file boots a database and often the whole app; more workers only contend for two cores
  maxWorkers: 2,
  testTimeout: 30000,
};
