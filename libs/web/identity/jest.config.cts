module.exports = {
  displayName: 'web-identity',
  preset: '../../../jest.preset.js',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  coverageDirectory: '../../../coverage/libs/web/identity',
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      {
        tsconfig: '<rootDir>/tsconfig.spec.json',
        stringifyContentPathRegex: '\\.(html|svg)$',
      },
    ],
  },
  // Transloco's helper package ships plain ESM `.js` files, which must be compiled like `.mjs`.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@jsverse/))'],
  // a file's first test pays for compiling the Material components; on a busy two-core machine that
  // alone can pass jest's default of 5 seconds
  testTimeout: 20000,
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
