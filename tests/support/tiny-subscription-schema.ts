import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';

/** A schema with one subscription, `ticks`, whose events are numbers; `context` names the context an event was resolved with. */
export function makeExecutableSchemaForTest(source: () => AsyncIterable<number>): GraphQLSchema {
  const Tick = new GraphQLObjectType({
    name: 'Tick',
    fields: {
      value: { type: GraphQLInt, resolve: (value: number) => value },
      context: { type: GraphQLString, resolve: (_value: number, _args: unknown, context: { id: string }) => context.id },
    },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLInt } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: { ticks: { type: Tick, subscribe: () => source(), resolve: (value: number) => value } },
    }),
  });
}
