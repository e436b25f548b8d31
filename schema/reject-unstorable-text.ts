import type { GraphQLFieldResolver } from 'graphql';
import { badUserInput } from '../gateway/errors/domain-error.js';

/**
 * Text PostgreSQL cannot store as sent: U+0000 is refused by the database (an internal
 * error instead of the client's mistake), and a lone UTF-16 surrogate would be silently
 * replaced by U+FFFD on the way in (stored data differing from what was sent). Both are
 * the client's mistake, refused before anything else looks at the arguments (the schema
 * wraps every field that takes arguments with this: build-schema.ts).
 */
export function rejectingUnstorableText<TSource, TContext>(resolve: GraphQLFieldResolver<TSource, TContext>): GraphQLFieldResolver<TSource, TContext> {
  return (root, args, context, info) => {
    // Named like validation errors name fields: relative to the input object ("body", not "input.body").
    const field = findUnstorable(args, '')?.replace(/^input\./, '');
    if (field !== undefined) throw badUserInput(field, `"${field}" contains a NUL character or broken Unicode, which is not allowed.`);
    return resolve(root, args, context, info);
  };
}

function findUnstorable(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') || !value.isWellFormed() ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorable(item, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnstorable(item, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
