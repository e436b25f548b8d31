import type { ApolloCache } from '@apollo/client';
import type { Modifier, ModifierDetails } from '@apollo/client/cache';
import type { StoredMessageEdge, StoredMessagePage } from './type-policies.js';

/**
 * Puts a message that is already normalized in the cache (from a mutation result or a
 * subscription event) into its thread's list, in sequence order, once. Whichever of the
 * two arrives first adds it; the second finds it there. A thread that was never loaded
 * has no list to add to and loads the message with its first page.
 */
export function addMessageToThread(cache: ApolloCache, message: { id: string; sequence: number; conversationId: string }): void {
  const conversation = cache.identify({ __typename: 'Conversation', id: message.conversationId });
  const messageId = cache.identify({ __typename: 'Message', id: message.id });
  if (!conversation || !messageId) return;
  cache.modify({
    id: conversation,
    fields: {
      messages: ((existing: StoredMessagePage | undefined, { readField, toReference }: ModifierDetails) => {
        if (!existing?.edges) return existing;
        const sequenceOf = (edge: StoredMessageEdge) => readField<number>('sequence', edge.node) ?? 0;
        if (existing.edges.some((edge) => sequenceOf(edge) === message.sequence)) return existing;
        const node = toReference(messageId);
        if (!node) return existing;
        const edges = [...existing.edges, { __typename: 'MessageEdge', cursor: `live:${message.sequence}`, node }];
        edges.sort((a, b) => sequenceOf(a) - sequenceOf(b));
        return { ...existing, edges };
      }) as Modifier<unknown>,
      lastSequence: (existing: number) => Math.max(existing ?? 0, message.sequence),
    },
  });
}
