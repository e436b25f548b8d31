import { defaultFieldResolver, isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

/** What a wrapper does to one field's resolver; `undefined` leaves the field alone. */
export type FieldWrapper = (field: GraphQLField<unknown, unknown>, type: GraphQLObjectType) => ((resolve: GraphQLFieldResolver<any, any>) => GraphQLFieldResolver<any, any>) | undefined;

/**
 * Wraps, in place, the resolvers of the fields `wrapper` picks, on the schema's own object
 * types (the schema is built once, at start). Instead of a type-graphql global middleware,
 * which runs for every field of every operation and makes each, a column read included, a
 * chain of promises: the fields a wrapper is not about keep their resolvers untouched.
 */
export function wrapFieldResolvers(schema: GraphQLSchema, wrapper: FieldWrapper): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const wrap = wrapper(field, type);
      if (wrap) field.resolve = wrap(field.resolve ?? defaultFieldResolver);
    }
  }
}
