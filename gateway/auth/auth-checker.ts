import type { AuthCheckerFn } from 'type-graphql';
import { scopeName } from '../../entities/api-key.entity.js';
import { forbidden, unauthenticated } from '../errors/domain-error.js';
import { COLLEAGUES, OPEN, PERSONAL_DATA_FIELDS, permissionOf, type FieldRule } from './field-permissions.js';
import { Permission, permissionsOf, scopeGranting } from './permission.js';
import { actorOf, type SignedInViewer, type Viewer } from './viewer.js';

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
export const authChecker: AuthCheckerFn<{ viewer: Viewer }, Permission> = ({ context }, required) => {
  assertPermissions(context.viewer, required);
  return true;
};

/**
 * Decides a field of a type that carries personal data (`field-permissions.ts`) for the
 * object it is read on: true to read it, false for null without an error (COLLEAGUES), or
 * FORBIDDEN exactly as `assertPermissions` throws it, so a partner learns the missing scope.
 * Everyone may read their own record and what they wrote themselves: a customer their own
 * phone number, a key the message it sent (but not others' reactions to it: `EvenOnOwn`).
 */
export function mayReadField(viewer: Viewer, rule: FieldRule, typeName: string, object: object): boolean {
  if (rule === OPEN) return true;
  // Staff only, even on a customer's own record (the team's note about them).
  if (rule === COLLEAGUES) return viewer.kind === 'staff';
  const permission = permissionOf(rule)!;
  // Staff, customers and most keys hold the permission: decided without looking at the object.
  if (grantedTo(viewer).has(permission)) return true;
  if (typeof rule === 'string' && isViewersOwn(viewer, typeName, object)) return true;
  assertPermissions(viewer, [permission]);
  return true;
}

/**
 * Whether `mayReadField` may answer differently for two viewers of the same kind,
 * organization and permissions: only through what is a viewer's own, which counts where a
 * rule's permission is missing or for COLLEAGUES read by someone who isn't staff. Staff hold
 * every permission the rules name, so their fields are decided by their role alone; a
 * customer or a key may read its own record and messages. What a live event resolved once
 * for a group of subscribers may share (gateway/pipeline/subscription-group.ts).
 */
export function fieldAccessDependsOnIdentity(viewer: Viewer): boolean {
  if (viewer.kind === 'anonymous') return false;
  if (viewer.kind !== 'staff' && RULES.includes(COLLEAGUES)) return true;
  const permissions = grantedTo(viewer);
  return RULES.some((rule) => {
    const permission = permissionOf(rule);
    return permission !== undefined && !permissions.has(permission);
  });
}

const RULES: readonly FieldRule[] = Object.values(PERSONAL_DATA_FIELDS).flatMap((rules) => Object.values(rules));

/**
 * Whether a search may match customers' contact details (the inbox's `filter.search` by
 * phone number): only for whoever may read them. A customer's search only ever covers their
 * own record, so it keeps matching their own number.
 */
export function maySearchContactDetails(viewer: Viewer): boolean {
  return viewer.kind === 'customer' || permissionsOf(viewer).has(Permission.READ_CUSTOMERS);
}

/** The viewer's permissions, worked out once per viewer: guarded fields ask for every object of a page. */
const granted = new WeakMap<Viewer, ReadonlySet<Permission>>();
function grantedTo(viewer: Viewer): ReadonlySet<Permission> {
  let permissions = granted.get(viewer);
  if (!permissions) granted.set(viewer, (permissions = permissionsOf(viewer)));
  return permissions;
}

/** The viewer's own record (its Customer, StaffMember or PartnerApp), or a message it sent. */
function isViewersOwn(viewer: Viewer, typeName: string, object: object): boolean {
  if (viewer.kind === 'anonymous') return false;
  const { id, senderType, senderId } = object as { id?: unknown; senderType?: unknown; senderId?: unknown };
  if (typeName === 'Message') {
    const author = actorOf(viewer);
    return senderType === author.type && senderId === author.id;
  }
  switch (viewer.kind) {
    case 'customer':
      return typeName === 'Customer' && id === viewer.customerId;
    case 'staff':
      return typeName === 'StaffMember' && id === viewer.staffId;
    case 'partner':
      return typeName === 'PartnerApp' && id === viewer.apiKeyId;
  }
}
