import type { MiddlewareFn } from 'type-graphql';
import { badUserInput } from './errors/app-error.js';

/**
 * PostgreSQL text cannot hold U+0000; without this check such a string would reach
 * the database and come back as an internal error instead of the client's mistake.
 */
export const rejectNulCharacters: MiddlewareFn = ({ args }, next) => {
  // Named like validation errors name fields: relative to the input object ("body", not "input.body").
  const field = findNul(args, '')?.replace(/^input\./, '');
  if (field !== undefined) throw badUserInput(field, `"${field}" contains a NUL character, which is not allowed.`);
  return next();
};

function findNul(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNul(item, `${path}[${index}]`);
      if (found !== undefined) return found;
    }
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(item, path ? `${path}.${key}` : key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
