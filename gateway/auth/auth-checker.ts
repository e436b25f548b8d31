import type { AuthCheckerFn } from 'type-graphql';
import { scopeName } from '../../entities/api-key.entity.js';
import type { RequestContext } from '../context.js';
import { forbidden, unauthenticated } from '../errors/app-error.js';
import { COLLEAGUES, OPEN, type FieldRule } from './field-permissions.js';
import { Permission, permissionsOf, scopeGranting } from './permission.js';
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
    const scopes = [...new Set(missing.map((permission) => scopeGranting(permission)))];
    if (scopes.includes(undefined)) throw forbidden('API keys cannot do this; sign in as staff.');
    const names = scopes.map((scope) => scopeName(scope!));
    throw forbidden(`This API key lacks the ${names.join(', ')} scope${names.length > 1 ? 's' : ''}.`, { missingScopes: names });
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

/**
 * Decides a field of a type that carries personal data (`field-permissions.ts`) for the
 * object it is read on: true to read it, false for null without an error (COLLEAGUES), or
 * FORBIDDEN exactly as `assertPermissions` throws it, so a partner learns the missing scope.
 * Everyone may read their own record: a customer their own phone number and email.
 */
export function mayReadField(viewer: Viewer, rule: FieldRule, typeName: string, object: { id?: unknown }): boolean {
  if (rule === OPEN || isViewerItself(viewer, typeName, object.id)) return true;
  if (rule === COLLEAGUES) return viewer.kind === 'staff';
  assertPermissions(viewer, [rule]);
  return true;
}

/**
 * Whether a search may match customers' contact details (the inbox's `filter.search` by
 * phone number): only for whoever may read them. A customer's search only ever covers their
 * own record, so it keeps matching their own number.
 */
export function maySearchContactDetails(viewer: Viewer): boolean {
  return viewer.kind === 'customer' || permissionsOf(viewer).has(Permission.READ_CUSTOMERS);
}

function isViewerItself(viewer: Viewer, typeName: string, id: unknown): boolean {
  switch (viewer.kind) {
    case 'customer':
      return typeName === 'Customer' && id === viewer.customerId;
    case 'staff':
      return typeName === 'StaffMember' && id === viewer.staffId;
    case 'partner':
      return typeName === 'PartnerApp' && id === viewer.apiKeyId;
    case 'anonymous':
      return false;
  }
}
