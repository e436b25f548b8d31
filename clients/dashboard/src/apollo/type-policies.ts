import type { FieldPolicy, Reference, TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/** What `Conversation.messages` keeps in the cache: every page we have, oldest first. */
export interface StoredMessagePage {
  edges: StoredMessageEdge[];
  pageInfo: { hasPreviousPage: boolean; hasNextPage: boolean; startCursor: string | null; endCursor: string | null; __typename?: string };
  __typename?: string;
}
export interface StoredMessageEdge {
  __typename?: string;
  cursor: string;
  node: Reference;
}

/**
 * All pages of one thread are one list, merged by `sequence`: the first page, older pages
 * loaded on scroll up, messages that arrive live and the replay after a reconnect can
 * overlap in any order, and each message must appear once.
 */
const messagePages: FieldPolicy<StoredMessagePage> = {
  keyArgs: false,
  merge(existing, incoming, { readField }) {
    if (!existing) return incoming;
    const sequenceOf = (edge: StoredMessageEdge) => readField<number>('sequence', edge.node) ?? 0;
    const bySequence = new Map<number, StoredMessageEdge>();
    for (const edge of existing.edges) bySequence.set(sequenceOf(edge), edge);
    for (const edge of incoming.edges) bySequence.set(sequenceOf(edge), edge);
    const edges = [...bySequence.values()].sort((a, b) => sequenceOf(a) - sequenceOf(b));

    // hasPreviousPage belongs to whichever page reaches furthest back.
    const oldestExisting = existing.edges[0] ? sequenceOf(existing.edges[0]) : Infinity;
    const oldestIncoming = incoming.edges[0] ? sequenceOf(incoming.edges[0]) : Infinity;
    const older = oldestIncoming <= oldestExisting && incoming.pageInfo ? incoming : existing;
    return {
      ...existing,
      edges,
      pageInfo: { ...existing.pageInfo, hasPreviousPage: older.pageInfo.hasPreviousPage, startCursor: older.pageInfo.startCursor },
    };
  },
};

export const typePolicies: TypePolicies = {
  // One per signed-in staff member: the query's and the mutation's answers are the same object.
  NotificationPreferences: { keyFields: [] },
  Query: {
    fields: {
      // One list per filter (search included) and order; live conversations are inserted by inbox-cache.ts.
      conversations: relayStylePagination(['filter', 'orderBy']),
      // "More" appends the next page to the list of the same search, or of the same endpoint and status.
      searchMessages: relayStylePagination(['query', 'conversationId', 'customerId']),
      webhookDeliveries: relayStylePagination(['endpointId', 'status']),
    },
  },
  Conversation: {
    fields: {
      messages: messagePages,
      // Replaced as a whole by every query that selects them.
      participants: { merge: false },
    },
  },
  Message: {
    fields: {
      reactions: { merge: false },
      attachments: { merge: false },
    },
  },
};
