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
  /** Register webhook endpoints, read their delivery log, redeliver. */
  MANAGE_WEBHOOKS = 'MANAGE_WEBHOOKS',
  /** Response-time and workload figures. */
  READ_STATS = 'READ_STATS',
  /** Read and rotate the widget secret that stores sign customer identities with. */
  MANAGE_WIDGET = 'MANAGE_WIDGET',
  /** The audit log: who read or changed what. Admins only; no API key scope grants it. */
  READ_AUDIT_LOG = 'READ_AUDIT_LOG',
  /** The pharmacy's preferences (hours, colours, language, retention). Admins only. */
  MANAGE_SETTINGS = 'MANAGE_SETTINGS',
  /** Export and erase a customer's data on request. Admins only. */
  MANAGE_CUSTOMER_DATA = 'MANAGE_CUSTOMER_DATA',
  /** Invite staff, change roles, deactivate, end others' sessions, read e-mail deliveries. Admins only; no API key scope grants it. */
  MANAGE_STAFF = 'MANAGE_STAFF',
  /** One's own name, password, sessions and two-factor sign-in. Every staff member; never a key. */
  MANAGE_OWN_ACCOUNT = 'MANAGE_OWN_ACCOUNT',
  /** Internal notes in threads (message-audience.ts): every staff member; a key with notes:read. */
  READ_NOTES = 'READ_NOTES',
  /** Write internal notes and mention colleagues. Staff only; no API key scope grants it. */
  WRITE_NOTES = 'WRITE_NOTES',
  /** The pharmacy's labels and which threads carry them: staff; a key with conversations:read. Never customers. */
  READ_LABELS = 'READ_LABELS',
  /** Put labels on threads and take them off: staff; a key with labels:write. */
  LABEL_CONVERSATIONS = 'LABEL_CONVERSATIONS',
  /** Create, rename, recolour and delete labels. Admins only; no API key scope grants it. */
  MANAGE_LABELS = 'MANAGE_LABELS',
  /** Use saved replies and keep one's own. Staff only: a reply is written by a person, so no API key scope grants it. */
  USE_SAVED_REPLIES = 'USE_SAVED_REPLIES',
  /** Keep the pharmacy-wide saved replies. Admins only. */
  MANAGE_SHARED_SAVED_REPLIES = 'MANAGE_SHARED_SAVED_REPLIES',
  /** Snooze threads and mark them unread: a staff member's own way through the inbox. Staff only; no API key scope grants it. */
  ORGANIZE_INBOX = 'ORGANIZE_INBOX',
  /** Start a video call in a thread. Staff only; no API key scope grants it. */
  START_CALLS = 'START_CALLS',
  /** Take part in a video call (join, signal, leave): staff and the thread's customer; no API key scope grants it. */
  JOIN_CALLS = 'JOIN_CALLS',
}

const STAFF: Permission[] = [
  Permission.READ_CONVERSATIONS,
  Permission.SEND_MESSAGES,
  Permission.MANAGE_CONVERSATIONS,
  Permission.READ_CUSTOMERS,
  Permission.WRITE_CUSTOMERS,
  Permission.READ_STAFF,
  Permission.MANAGE_OWN_ACCOUNT,
  Permission.READ_NOTES,
  Permission.WRITE_NOTES,
  Permission.READ_LABELS,
  Permission.LABEL_CONVERSATIONS,
  Permission.USE_SAVED_REPLIES,
  Permission.ORGANIZE_INBOX,
  Permission.START_CALLS,
  Permission.JOIN_CALLS,
];

const ADMIN: Permission[] = [...STAFF, Permission.MANAGE_API_KEYS, Permission.MANAGE_WEBHOOKS, Permission.MANAGE_WIDGET, Permission.READ_STATS, Permission.READ_AUDIT_LOG, Permission.MANAGE_SETTINGS, Permission.MANAGE_CUSTOMER_DATA, Permission.MANAGE_STAFF, Permission.MANAGE_LABELS, Permission.MANAGE_SHARED_SAVED_REPLIES];
const PHARMACIST: Permission[] = [...STAFF, Permission.READ_STATS];

/** Each permission a partner can hold comes from exactly one scope, so FORBIDDEN can name it. */
const BY_SCOPE: Record<ApiKeyScope, Permission[]> = {
  [ApiKeyScope.CONVERSATIONS_READ]: [Permission.READ_CONVERSATIONS, Permission.READ_LABELS],
  [ApiKeyScope.CONVERSATIONS_WRITE]: [Permission.MANAGE_CONVERSATIONS],
  [ApiKeyScope.MESSAGES_WRITE]: [Permission.SEND_MESSAGES],
  [ApiKeyScope.CUSTOMERS_READ]: [Permission.READ_CUSTOMERS],
  [ApiKeyScope.CUSTOMERS_WRITE]: [Permission.WRITE_CUSTOMERS],
  [ApiKeyScope.STAFF_READ]: [Permission.READ_STAFF],
  [ApiKeyScope.WEBHOOKS_MANAGE]: [Permission.MANAGE_WEBHOOKS],
  [ApiKeyScope.STATS_READ]: [Permission.READ_STATS],
  [ApiKeyScope.NOTES_READ]: [Permission.READ_NOTES],
  [ApiKeyScope.LABELS_WRITE]: [Permission.LABEL_CONVERSATIONS],
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
      return new Set([Permission.READ_CONVERSATIONS, Permission.SEND_MESSAGES, Permission.JOIN_CALLS]);
    case 'partner':
      return new Set(viewer.scopes.flatMap((scope) => BY_SCOPE[scope]));
    case 'staff':
      return new Set(viewer.role === StaffRole.ADMIN ? ADMIN : viewer.role === StaffRole.PHARMACIST ? PHARMACIST : STAFF);
  }
}
