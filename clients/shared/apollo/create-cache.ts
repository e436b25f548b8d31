import { InMemoryCache, type PossibleTypesMap, type TypePolicies } from '@apollo/client';
import { sharedTypePolicies } from './last-message-policy.js';

/** A client's cache: the policies every client shares, with the client's own merged in field by field. */
export function createCache(typePolicies?: TypePolicies, possibleTypes?: PossibleTypesMap): InMemoryCache {
  const cache = new InMemoryCache({ typePolicies: sharedTypePolicies, possibleTypes });
  if (typePolicies) cache.policies.addTypePolicies(typePolicies);
  return cache;
}
