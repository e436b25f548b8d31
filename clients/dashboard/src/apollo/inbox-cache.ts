import type { ApolloCache, Reference } from '@apollo/client';
import type { Modifier, ModifierDetails } from '@apollo/client/cache';
import type { ConversationFilter } from '../gql/graphql.js';
import { matchesFilter, type FilterableConversation } from '../inbox/inbox-filters.js';

interface StoredConversationList {
  edges: { __typename?: string; cursor: string; node: Reference }[];
  pageInfo: unknown;
}

/**
 * An inbox event brought a conversation (already normalized into the cache). Lists that
 * don't hold it yet and whose filter it matches get it at the top; the lists sort by
 * activity when they render, so a conversation that moved only needs its fields updated.
 * Search lists are left alone: only the server knows how its prefix search matches.
 */
export function addConversationToLists(cache: ApolloCache, conversation: FilterableConversation & { id: string }, viewerStaffId: string): void {
  const id = cache.identify({ __typename: 'Conversation', id: conversation.id });
  if (!id) return;
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      conversations: ((existing: StoredConversationList | undefined, { storeFieldName, readField, toReference }: ModifierDetails) => {
        if (!existing?.edges) return existing;
        if (existing.edges.some((edge) => readField('id', edge.node) === conversation.id)) return existing;
        const filter = filterOf(storeFieldName);
        // Waiting longest is only the waiting rows, which only the server knows, like awaitingReply.
        const waitingOrder = storeFieldName.includes('"WAITING_LONGEST"');
        if (!filter || filter.search || filter.awaitingReply || waitingOrder || !matchesFilter(conversation, filter, viewerStaffId)) return existing;
        const node = toReference(id);
        if (!node) return existing;
        return { ...existing, edges: [{ __typename: 'ConversationEdge', cursor: `live:${conversation.id}`, node }, ...existing.edges] };
      }) as Modifier<unknown>,
    },
  });
}

/** `conversations:{"filter":{…},"orderBy":…}` → the filter; null when the key can't be read. */
function filterOf(storeFieldName: string): ConversationFilter | null {
  const start = storeFieldName.indexOf('{');
  if (start < 0) return {};
  try {
    return (JSON.parse(storeFieldName.slice(start)) as { filter?: ConversationFilter | null }).filter ?? {};
  } catch {
    return null;
  }
}
