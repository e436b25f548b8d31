import type { ConversationChannel, ConversationFilter, ConversationOrder, ConversationPriority, ConversationStatus } from '../gql/graphql.js';
import type { DashboardKey } from '../i18n/dashboard-keys.js';

export type InboxFilterName = 'all' | 'today' | 'waiting' | 'unread' | 'mine' | 'open' | 'pending' | 'snoozed' | 'resolved';

export const INBOX_FILTERS: { name: InboxFilterName; label: DashboardKey }[] = [
  { name: 'all', label: 'filterAll' },
  { name: 'today', label: 'filterToday' },
  { name: 'waiting', label: 'filterWaiting' },
  { name: 'unread', label: 'filterUnread' },
  { name: 'mine', label: 'filterMine' },
  { name: 'open', label: 'filterOpen' },
  { name: 'pending', label: 'filterPending' },
  { name: 'snoozed', label: 'filterSnoozed' },
  { name: 'resolved', label: 'filterResolved' },
];

/** The working tabs: a snoozed thread is out of them until it wakes up (issue 19). */
const WORKING: ReadonlySet<InboxFilterName> = new Set(['waiting', 'unread', 'mine', 'open', 'pending']);

/** What narrows a tab further: a label and a channel (null: any); `todayStart`, local midnight in the pharmacy's zone, for "Today". */
export interface InboxNarrowing {
  labelId?: string | null;
  channel?: ConversationChannel | null;
  todayStart?: Date;
}

/** The server filter for a tab, a search and its narrowing; the search text goes to the server as typed. */
export function conversationFilter(name: InboxFilterName, search: string, { labelId, channel, todayStart }: InboxNarrowing = {}): ConversationFilter {
  const filter: ConversationFilter = {};
  if (name === 'unread') filter.unreadOnly = true;
  // Whether a row still waits is the server's call (it needs the newest text message), like search.
  if (name === 'waiting') filter.awaitingReply = true;
  if (name === 'mine') filter.assignedToMe = true;
  if (name === 'open') filter.status = ['OPEN'];
  if (name === 'pending') filter.status = ['PENDING'];
  if (name === 'resolved') filter.status = ['RESOLVED', 'CLOSED'];
  if (name === 'snoozed') filter.snoozed = true;
  if (WORKING.has(name)) filter.snoozed = false;
  if (name === 'today' && todayStart) filter.updatedSince = todayStart.toISOString();
  const trimmed = search.trim();
  if (trimmed) filter.search = trimmed;
  if (labelId) filter.labelIds = [labelId];
  if (channel) filter.channel = [channel];
  return filter;
}

/** The row fields that decide whether a conversation (still) belongs in a filtered list. */
export interface FilterableConversation {
  status: ConversationStatus;
  unreadCount: number;
  assignee?: { id: string } | null;
  customer?: { id: string };
  channel?: ConversationChannel;
  labels?: readonly { id: string }[];
  snoozedUntil?: string | null;
  updatedAt?: string;
}

/**
 * Whether a conversation the cache knows about belongs in a list, so a row leaves the
 * "Open" tab the moment it is resolved or snoozed, and a new message puts it into "Unread",
 * without waiting for a refetch. Search is the server's call (it matches prefixes of names and
 * phone numbers), so `search` is not checked here.
 */
export function matchesFilter(conversation: FilterableConversation, filter: ConversationFilter, viewerStaffId: string): boolean {
  if (filter.status && !filter.status.includes(conversation.status)) return false;
  if (filter.unreadOnly && conversation.unreadCount === 0) return false;
  if (filter.assignedToMe && conversation.assignee?.id !== viewerStaffId) return false;
  if (filter.unassigned && conversation.assignee) return false;
  if (filter.customerId && conversation.customer?.id !== filter.customerId) return false;
  if (filter.channel?.length && conversation.channel && !filter.channel.includes(conversation.channel)) return false;
  // A label taken off the thread takes it out of that label's list at once.
  if (filter.labelIds?.length && conversation.labels && !conversation.labels.some((label) => filter.labelIds!.includes(label.id))) return false;
  if (typeof filter.snoozed === 'boolean' && conversation.snoozedUntil !== undefined && Boolean(conversation.snoozedUntil) !== filter.snoozed) return false;
  if (filter.updatedSince && conversation.updatedAt && conversation.updatedAt < filter.updatedSince) return false;
  return true;
}

export type InboxSortName = 'newest' | 'waiting' | 'priority';

export const INBOX_SORTS: { name: InboxSortName; label: DashboardKey; orderBy: ConversationOrder }[] = [
  { name: 'newest', label: 'sortNewest', orderBy: 'NEWEST_ACTIVITY' },
  { name: 'waiting', label: 'sortWaitingLongest', orderBy: 'WAITING_LONGEST' },
  { name: 'priority', label: 'sortPriority', orderBy: 'PRIORITY' },
];

const PRIORITY_RANK: Record<ConversationPriority, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

interface SortableConversation {
  id: string;
  lastActivityAt: string;
  priority: ConversationPriority;
  waitingSince?: string | null;
}

/** The server's order, kept on the client as live events move rows (the same keys, the same tie-breaks). */
export function compareRows(order: ConversationOrder): (a: SortableConversation, b: SortableConversation) => number {
  const newest = (a: SortableConversation, b: SortableConversation) => b.lastActivityAt.localeCompare(a.lastActivityAt) || b.id.localeCompare(a.id);
  if (order === 'PRIORITY') return (a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || newest(a, b);
  if (order === 'WAITING_LONGEST') return (a, b) => (a.waitingSince ?? '9999').localeCompare(b.waitingSince ?? '9999') || a.id.localeCompare(b.id);
  return newest;
}
