import type { AuthCheckerFn } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { forbidden, unauthenticated } from '../errors/app-error.js';
import { permissionsOf, scopeGranting, type Permission } from './permission.js';
import type { SignedInViewer, Viewer } from './viewer.js';

/**
 * No viewer is UNAUTHENTICATED, a missing permission FORBIDDEN naming what is
 * missing (for partners, the API key scope).
 */
export function assertPermissions(viewer: Viewer, required: readonly Permission[]): asserts viewer is SignedInViewer {
  if (viewer.kind === 'anonymous') throw unauthenticated();
  const granted = permissionsOf(viewer);
  const missing = required.filter((permission) => !granted.has(permission));
  if (missing.length === 0) return;
  if (viewer.kind === 'partner') {
    // Some permissions (READ_STATS) belong to no scope: no key can have them.
    if (missing.some((permission) => !scopeGranting(permission))) throw forbidden('API keys are not allowed to do this.');
    const scopes = [...new Set(missing.map((permission) => scopeGranting(permission)))].filter(Boolean);
    throw forbidden(`This API key lacks the ${scopes.join(', ')} scope.`);
  }
  throw forbidden(`Your account is not allowed to do this (needs ${missing.join(', ')}).`);
}

/**
 * Decides every `@Authorized(...)`. Subscriptions run it per event; their
 * `subscribe` functions call `assertPermissions` themselves, before listening.
 */
export const authChecker: AuthCheckerFn<RequestContext, Permission> = ({ context }, required) => {
  assertPermissions(context.viewer, required);
  return true;
};
