import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../gateway/auth/auth-checker.js';
import { rejectNulCharacters } from '../gateway/reject-nul-characters.js';
import { resolvers } from '../resolvers/index.js';

/** The one GraphQL schema, built from the resolvers' decorators. */
export function buildCounterchatSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    globalMiddlewares: [rejectNulCharacters],
    // Missing optional fields are skipped; GraphQL's own non-null checks cover required ones.
    validate: { skipMissingProperties: true, forbidUnknownValues: false },
  });
}

/** The SDL as checked in at schema/schema.graphql: sorted, so diffs show only real changes. */
export function printCounterchatSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
