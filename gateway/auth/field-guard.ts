import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { mayReadField } from './auth-checker.js';
import { fieldRule } from './field-permissions.js';

/**
 * Guards the fields of the types that carry personal data on every path to them, by the
 * parent type's name: one lookup per resolved field, and no rule to repeat on each relation.
 * A refused field is null, with FORBIDDEN (and `missingScopes`) in `errors` for that path.
 */
export const guardPersonalDataFields: MiddlewareFn<RequestContext> = ({ root, context, info }, next) => {
  const rule = fieldRule(info.parentType.name, info.fieldName);
  if (rule === undefined) return next();
  return mayReadField(context.viewer, rule, info.parentType.name, root as { id?: unknown }) ? next() : Promise.resolve(null);
};
