import type { ConversationFilter, ConversationStatus } from '../gql/graphql.js';
import type { DashboardKey } from '../i18n/dashboard-keys.js';

export type InboxFilterName = 'all' | 'waiting' | 'unread' | 'mine' | 'open' | 'pending' | 'resolved';

export const INBOX_FILTERS: { name: InboxFilterName; label: DashboardKey }[] = [
  { name: 'all', label: 'filterAll' },
  { name: 'waiting', label: 'filterWaiting' },
  { name: 'unread', label: 'filterUnread' },
  { name: 'mine', label: 'filterMine' },
  { name: 'open', label: 'filterOpen' },
  { name: 'pending', label: 'filterPending' },
  { name: 'resolved', label: 'filterResolved' },
];

/** The server filter for a tab, a search and a label (null: any); the search text goes to the server as typed. */
export function conversationFilter(name: InboxFilterName, search: string, labelId: string | null = null): ConversationFilter {
  const filter: ConversationFilter = {};
  if (name === 'unread') filter.unreadOnly = true;
  // Whether a row still waits is the server's call (it needs the newest text message), like search.
  if (name === 'waiting') filter.awaitingReply = true;
  if (name === 'mine') filter.assignedToMe = true;
  if (name === 'open') filter.status = ['OPEN'];
  if (name === 'pending') filter.status = ['PENDING'];
  if (name === 'resolved') filter.status = ['RESOLVED', 'CLOSED'];
  const trimmed = search.trim();
  if (trimmed) filter.search = trimmed;
  if (labelId) filter.labelIds = [labelId];
  return filter;
}

/** The row fields that decide whether a conversation (still) belongs in a filtered list. */
export interface FilterableConversation {
  status: ConversationStatus;
  unreadCount: number;
  assignee?: { id: string } | null;
  customer?: { id: string };
  labels?: readonly { id: string }[];
}

/**
 * Whether a conversation the cache knows about belongs in a list, so a row leaves the
 * "Open" tab the moment it is resolved, and a new message puts it into "Unread", without
 * waiting for a refetch. Search is the server's call (it matches prefixes of names and
 * phone numbers), so `search` is not checked here.
 */
export function matchesFilter(conversation: FilterableConversation, filter: ConversationFilter, viewerStaffId: string): boolean {
  if (filter.status && !filter.status.includes(conversation.status)) return false;
  if (filter.unreadOnly && conversation.unreadCount === 0) return false;
  if (filter.assignedToMe && conversation.assignee?.id !== viewerStaffId) return false;
  if (filter.unassigned && conversation.assignee) return false;
  if (filter.customerId && conversation.customer?.id !== filter.customerId) return false;
  // A label taken off the thread takes it out of that label's list at once.
  if (filter.labelIds?.length && conversation.labels && !conversation.labels.some((label) => filter.labelIds!.includes(label.id))) return false;
  return true;
}
