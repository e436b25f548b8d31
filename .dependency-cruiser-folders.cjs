/** Feature folders (resolvers/<feature>/) may depend on each other, but never in a circle. */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles-between-feature-folders',
      scope: 'folder',
      severity: 'warn', // error once the thread module ends message ↔ conversation (issue 15)
      from: { path: '^resolvers/[^/]+' },
      to: { path: '^resolvers/[^/]+', circular: true },
    },
  ],
  options: { doNotFollow: { path: 'node_modules' }, tsPreCompilationDeps: true, tsConfig: { fileName: 'tsconfig.json' } },
};
