import type { ApolloCache } from '@apollo/client';
import type { Modifier, ModifierDetails } from '@apollo/client/cache';
import { useSubscription } from '@apollo/client/react';
import { addMessageToThread } from '../apollo/message-cache.js';
import { graphql, readFragment } from '../gql/index.js';
import { ActorFieldsFragmentDoc } from '../gql/graphql.js';

const ConversationEventsSubscription = graphql(`
  subscription ConversationEvents($conversationId: ID!, $afterSequence: Int) {
    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {
      conversationId
      kind
      message {
        id
        sequence
        ...TimelineMessageFields
      }
      read {
        sequence
        reader {
          ...ActorFields
        }
      }
    }
  }
`);

/**
 * The thread's live stream. The gateway first replays every message after
 * `afterSequence`, then goes live; graphql-ws resubscribes after a reconnect, so a drop
 * is caught up the same way. Messages land in the cache by id and are added to the
 * thread by sequence, so a replayed message never shows twice. Edits, deletions and
 * reactions update the normalized message by id on their own.
 *
 * `afterSequence` null: not subscribed yet (the first page is still loading).
 */
export function useConversationEvents(conversationId: string, afterSequence: number | null): void {
  useSubscription(ConversationEventsSubscription, {
    variables: { conversationId, afterSequence: afterSequence ?? 0 },
    skip: afterSequence === null,
    ignoreResults: true,
    onData: ({ client, data }) => {
      const event = data.data?.conversationEvents;
      if (!event) return;
      if (event.kind === 'MESSAGE_ADDED' && event.message) {
        addMessageToThread(client.cache, { id: event.message.id, sequence: event.message.sequence, conversationId });
      }
      if (event.kind === 'READ' && event.read?.reader) {
        recordReadPosition(client.cache, conversationId, readFragment(ActorFieldsFragmentDoc, event.read.reader).id, event.read.sequence);
      }
    },
  });
}

/** Moves a participant's read position (drives "Seen"), never backwards. */
function recordReadPosition(cache: ApolloCache, conversationId: string, readerId: string, sequence: number): void {
  const conversation = cache.identify({ __typename: 'Conversation', id: conversationId });
  if (!conversation) return;
  const readers: string[] = [];
  cache.modify({
    id: conversation,
    fields: {
      participants: ((participants: readonly unknown[], { readField, isReference }: ModifierDetails) => {
        for (const participant of participants) {
          if (!isReference(participant)) continue;
          const actor = readField<unknown>('actor', participant);
          if (actor && isReference(actor) && readField('id', actor) === readerId && participant.__ref) readers.push(participant.__ref);
        }
        return participants;
      }) as Modifier<unknown>,
    },
  });
  for (const id of readers) {
    cache.modify({ id, fields: { lastReadSequence: (existing: number) => Math.max(existing ?? 0, sequence) } });
  }
}
