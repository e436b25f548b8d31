/**
 * The house rules, checked by `npm run arch:check` (part of `npm test`). Layers, top to
 * bottom, each importing only downward (README, "Architecture"):
 *   gateway/server/    composition root and transports: main, HTTP, WebSocket, routes, demo
 *   schema/            builds the schema from the features
 *   gateway/pipeline/  the one operation pipeline both transports run
 *   gateway/context/   the per-request context: viewer, tenant scope, loaders, read audit
 *   resolvers/         features: thin GraphQL resolvers over services that know no GraphQL
 *   gateway/<infra>/   tenancy and database, bus, auth, errors, logging, files, jobs, mail
 *   entities/          TypeORM entities and migrations
 * Feature folders must not form cycles either: see .dependency-cruiser-folders.cjs.
 */
const INFRA = '^gateway/(?!server/|pipeline/|context/)[^/]+/';
const SOURCE = '^(gateway|resolvers|schema|entities)/';

module.exports = {
  forbidden: [
    {
      name: 'server-is-the-top',
      comment: 'Nothing imports the composition root or the transports; they import everything else.',
      severity: 'error',
      from: { path: SOURCE, pathNot: '^gateway/server/' },
      to: { path: '^gateway/server/' },
    },
    {
      name: 'schema-below-the-server-only',
      severity: 'error',
      from: { path: SOURCE, pathNot: '^(gateway/server/|schema/)' },
      to: { path: '^schema/' },
    },
    {
      name: 'pipeline-knows-no-feature',
      comment: 'The pipeline runs whatever schema it is handed; features never see the pipeline.',
      severity: 'error',
      from: { path: SOURCE, pathNot: '^(gateway/server/|schema/|gateway/pipeline/)' },
      to: { path: '^gateway/pipeline/' },
    },
    {
      name: 'pipeline-imports-no-feature',
      severity: 'error',
      from: { path: '^gateway/pipeline/' },
      to: { path: '^resolvers/' },
    },
    {
      name: 'infrastructure-knows-no-feature-and-no-context',
      severity: 'error',
      from: { path: INFRA + '|^entities/' },
      to: { path: '^(resolvers/|gateway/context/)' },
    },
    {
      name: 'entities-at-the-bottom',
      severity: 'error',
      from: { path: '^entities/' },
      to: { path: '^(gateway|resolvers|schema)/' },
    },
    {
      name: 'data-access-through-tenancy',
      comment:
        'TypeORM — a DataSource, an EntityManager, even as a type — only in the tenancy and database modules and the entities: everything else reaches tenant rows through TenantScope or asTenant().',
      severity: 'error',
      from: { path: SOURCE, pathNot: '^(gateway/(tenancy|database)/|entities/)' },
      to: { path: '^node_modules/typeorm/' },
    },
    {
      name: 'services-know-no-graphql',
      comment: 'Domain services take plain commands and throw domain errors; GraphQL stays in resolvers, types and inputs.',
      severity: 'error',
      from: { path: '^resolvers/.+\\.service\\.ts$' },
      to: { path: '^node_modules/(graphql|type-graphql|@apollo)/|\\.(type|types|inputs|args|resolver|enum|enums|union)\\.ts$' },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: { path: SOURCE },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types'] },
  },
};
