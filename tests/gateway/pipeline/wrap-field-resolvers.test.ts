import { describe, expect, it } from '@jest/globals';
import { buildSchema, graphqlSync, type GraphQLFieldResolver } from 'graphql';
import { wrapFieldResolvers } from '../../../gateway/pipeline/wrap-field-resolvers.js';

const schema = () => buildSchema(`type Query { greeting(name: String): String  plain: String }`);
const root = { greeting: ({ name }: { name?: string }) => `Hello ${name ?? 'you'}`, plain: 'plain' };

describe('wrapFieldResolvers', () => {
  it('wraps the fields the wrapper picks, around their own resolver (the default one included)', () => {
    const wrapped = schema();
    wrapFieldResolvers(wrapped, (field) =>
      field.args.length > 0 ? (resolve: GraphQLFieldResolver<any, any>) => (...args) => `${resolve(...args)}!` : undefined,
    );
    const answer = graphqlSync({ schema: wrapped, source: '{ greeting(name: "Ada") plain }', rootValue: root });
    expect(answer).toEqual({ data: { greeting: 'Hello Ada!', plain: 'plain' } });
  });

  it('leaves the other fields and the introspection types as they were', () => {
    const wrapped = schema();
    const seen: string[] = [];
    wrapFieldResolvers(wrapped, (field, type) => {
      seen.push(`${type.name}.${field.name}`);
      return undefined;
    });
    expect(seen).toEqual(['Query.greeting', 'Query.plain']);
    expect(wrapped.getQueryType()!.getFields().plain!.resolve).toBeUndefined();
  });
});
