import type { AuthCheckerFn } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { forbidden, unauthenticated } from '../errors/app-error.js';
import { permissionsOf, scopeGranting, type Permission } from './permission.js';

/**
 * Decides every `@Authorized(...)`: no viewer is UNAUTHENTICATED, a missing
 * permission is FORBIDDEN naming what is missing (for partners, the API key scope).
 */
export const authChecker: AuthCheckerFn<RequestContext, Permission> = ({ context }, required) => {
  const viewer = context.viewer;
  if (viewer.kind === 'anonymous') throw unauthenticated();
  const granted = permissionsOf(viewer);
  const missing = required.filter((permission) => !granted.has(permission));
  if (missing.length === 0) return true;
  if (viewer.kind === 'partner') {
    const scopes = [...new Set(missing.map((permission) => scopeGranting(permission)))].filter(Boolean);
    throw forbidden(`This API key lacks the ${scopes.join(', ')} scope.`);
  }
  throw forbidden(`Your account is not allowed to do this (needs ${missing.join(', ')}).`);
};
