import { InMemoryCache, type TypePolicies } from '@apollo/client';
import { sharedTypePolicies } from './last-message-policy.js';
import schemaUnions from './possible-types.js';

/**
 * A client's cache: the schema's unions (so fragments on `Actor` match), the policies
 * every client shares, with the client's own merged in field by field.
 */
export function createCache(typePolicies?: TypePolicies): InMemoryCache {
  const cache = new InMemoryCache({ typePolicies: sharedTypePolicies, possibleTypes: schemaUnions.possibleTypes });
  if (typePolicies) cache.policies.addTypePolicies(typePolicies);
  return cache;
}
