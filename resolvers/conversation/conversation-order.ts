import { ConversationPriority, type Conversation } from '../../entities/conversation.entity.js';
import { isTimestampValue, isUuidValue } from '../pagination/cursor.js';
import type { KeysetOrder } from '../pagination/keyset-page.js';
import type { ConversationListFilter } from './conversation-list-query.js';
/** How the inbox is sorted; every order pages by keyset (resolvers/pagination). */
export enum ConversationOrder {
  NEWEST_ACTIVITY = 'NEWEST_ACTIVITY',
  WAITING_LONGEST = 'WAITING_LONGEST',
  PRIORITY = 'PRIORITY',
}

const PRIORITIES: readonly string[] = Object.values(ConversationPriority);

/**
 * The keyset of each inbox order: the last key is the unique id, and each order's cursors
 * carry their own tag, so a cursor from one order is refused by another instead of skipping rows.
 */
export const CONVERSATION_ORDERS: Record<ConversationOrder, KeysetOrder<Conversation>> = {
  [ConversationOrder.NEWEST_ACTIVITY]: {
    tag: 'conversation',
    keys: ['conversation.lastActivityAt', 'conversation.id'],
    valuesOf: (row) => [row.lastActivityAt.toISOString(), row.id],
    descending: true,
    acceptsCursor: ([at, id]) => isTimestampValue(at) && isUuidValue(id),
  },
  // Oldest wait first: `awaiting_since` ascending, on its partial index (conversation_waiting_idx).
  [ConversationOrder.WAITING_LONGEST]: {
    tag: 'conversation-waiting',
    keys: ['conversation.awaitingSince', 'conversation.id'],
    valuesOf: (row) => [row.awaitingSince!.toISOString(), row.id],
    descending: false,
    acceptsCursor: ([since, id]) => isTimestampValue(since) && isUuidValue(id),
  },
  // The priority type's order is LOW < NORMAL < HIGH < URGENT: descending puts URGENT first.
  [ConversationOrder.PRIORITY]: {
    tag: 'conversation-priority',
    keys: ['conversation.priority', 'conversation.lastActivityAt', 'conversation.id'],
    valuesOf: (row) => [row.priority, row.lastActivityAt.toISOString(), row.id],
    descending: true,
    acceptsCursor: ([priority, at, id]) => PRIORITIES.includes(String(priority)) && isTimestampValue(at) && isUuidValue(id),
  },
};

/** The filter an order implies: waiting longest lists only the conversations that wait (and have a time they wait since). */
export function filterForOrder(filter: ConversationListFilter, order: ConversationOrder): ConversationListFilter & { waitingSinceKnown?: boolean } {
  return order === ConversationOrder.WAITING_LONGEST ? { ...filter, awaitingReply: true, waitingSinceKnown: true } : filter;
}
