import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import type { Viewer } from './viewer.js';
import { mayReadField } from './auth-checker.js';
import { OPEN, PERSONAL_DATA_FIELDS } from './field-permissions.js';

/**
 * Guards the listed fields of the types that carry personal data (`field-permissions.ts`)
 * on every path to them: a relation, a union member, a mutation's answer, a subscription
 * event. Only those
 * fields are wrapped, and synchronously: a global type-graphql middleware on every field
 * cost an inbox page of 100 conversations about a sixth of its time. A refused field is
 * null, with FORBIDDEN (and `missingScopes`) in `errors` for that path.
 */
export function guardPersonalDataFields(schema: GraphQLSchema): GraphQLSchema {
  for (const [typeName, rules] of Object.entries(PERSONAL_DATA_FIELDS)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`field-permissions.ts names ${typeName}, which is no object type of the schema`);
    const fields = type.getFields();
    for (const [fieldName, rule] of Object.entries(rules)) {
      const field = fields[fieldName];
      if (!field) throw new Error(`field-permissions.ts names ${typeName}.${fieldName}, which the schema doesn't have`);
      if (rule === OPEN) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context: { viewer: Viewer }, info) =>
        mayReadField(context.viewer, rule, typeName, root as object) ? resolve(root, args, context, info) : null;
    }
  }
  return schema;
}
