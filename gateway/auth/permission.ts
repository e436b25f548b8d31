import { ApiKeyScope } from '../../entities/api-key.entity.js';
import { StaffRole } from '../../entities/staff-user.entity.js';
import type { Viewer } from './viewer.js';

/** What a resolver can require with `@Authorized(...)`. Decided for every viewer in one place: here. */
export enum Permission {
  ReadConversations = 'READ_CONVERSATIONS',
  /** Send, edit and delete one's own messages, react, mark read, start a conversation. */
  SendMessages = 'SEND_MESSAGES',
  /** Status, assignment, priority. */
  ManageConversations = 'MANAGE_CONVERSATIONS',
  ReadCustomers = 'READ_CUSTOMERS',
  WriteCustomers = 'WRITE_CUSTOMERS',
  ReadStaff = 'READ_STAFF',
  ManageApiKeys = 'MANAGE_API_KEYS',
}

const STAFF: Permission[] = [
  Permission.ReadConversations,
  Permission.SendMessages,
  Permission.ManageConversations,
  Permission.ReadCustomers,
  Permission.WriteCustomers,
  Permission.ReadStaff,
];

const BY_SCOPE: Record<ApiKeyScope, Permission[]> = {
  [ApiKeyScope.Read]: [Permission.ReadConversations, Permission.ReadCustomers, Permission.ReadStaff],
  [ApiKeyScope.Write]: [Permission.SendMessages, Permission.ManageConversations, Permission.WriteCustomers],
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
      return new Set([Permission.ReadConversations, Permission.SendMessages]);
    case 'partner':
      return new Set(viewer.scopes.flatMap((scope) => BY_SCOPE[scope]));
    case 'staff':
      return new Set(viewer.role === StaffRole.Admin ? [...STAFF, Permission.ManageApiKeys] : STAFF);
  }
}
