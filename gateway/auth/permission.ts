import { ApiKeyScope } from '../../entities/api-key.entity.js';
import { StaffRole } from '../../entities/staff-user.entity.js';
import type { Viewer } from './viewer.js';

/** What a resolver can require with `@Authorized(...)`. Decided for every viewer in one place: here. */
export enum Permission {
  READ_CONVERSATIONS = 'READ_CONVERSATIONS',
  /** Send, edit and delete one's own messages, react, mark read, start a conversation. */
  SEND_MESSAGES = 'SEND_MESSAGES',
  /** Status, assignment, priority. */
  MANAGE_CONVERSATIONS = 'MANAGE_CONVERSATIONS',
  READ_CUSTOMERS = 'READ_CUSTOMERS',
  WRITE_CUSTOMERS = 'WRITE_CUSTOMERS',
  READ_STAFF = 'READ_STAFF',
  MANAGE_API_KEYS = 'MANAGE_API_KEYS',
  /** Read and rotate the widget secret that stores sign customer identities with. */
  MANAGE_WIDGET = 'MANAGE_WIDGET',
}

const STAFF: Permission[] = [
  Permission.READ_CONVERSATIONS,
  Permission.SEND_MESSAGES,
  Permission.MANAGE_CONVERSATIONS,
  Permission.READ_CUSTOMERS,
  Permission.WRITE_CUSTOMERS,
  Permission.READ_STAFF,
];

const BY_SCOPE: Record<ApiKeyScope, Permission[]> = {
  [ApiKeyScope.READ]: [Permission.READ_CONVERSATIONS, Permission.READ_CUSTOMERS, Permission.READ_STAFF],
  [ApiKeyScope.WRITE]: [Permission.SEND_MESSAGES, Permission.MANAGE_CONVERSATIONS, Permission.WRITE_CUSTOMERS],
};

/** The API key scope that grants a permission, for error messages that name what is missing. */
export function scopeGranting(permission: Permission): ApiKeyScope | undefined {
  return (Object.keys(BY_SCOPE) as ApiKeyScope[]).find((scope) => BY_SCOPE[scope].includes(permission));
}

export function permissionsOf(viewer: Viewer): ReadonlySet<Permission> {
  switch (viewer.kind) {
    case 'anonymous':
      return new Set();
    case 'customer':
      // Scoped further by the tenant layer: a customer only ever sees their own threads.
      return new Set([Permission.READ_CONVERSATIONS, Permission.SEND_MESSAGES]);
    case 'partner':
      return new Set(viewer.scopes.flatMap((scope) => BY_SCOPE[scope]));
    case 'staff':
      return new Set(viewer.role === StaffRole.ADMIN ? [...STAFF, Permission.MANAGE_API_KEYS, Permission.MANAGE_WIDGET] : STAFF);
  }
}
