/** Feature folders (resolvers/<feature>/) may depend on each other, but never in a circle. */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles-between-feature-folders',
      scope: 'folder',
      severity: 'error',
      from: { path: '^resolvers/[^/]+' },
      to: { path: '^resolvers/[^/]+', circular: true },
    },
  ],
  options: { doNotFollow: { path: 'node_modules' }, tsPreCompilationDeps: true, tsConfig: { fileName: 'tsconfig.json' } },
};
