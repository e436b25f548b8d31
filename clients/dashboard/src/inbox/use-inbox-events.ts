import { useSubscription } from '@apollo/client/react';
import { addConversationToLists } from '../apollo/inbox-cache.js';
import { graphql } from '../gql/index.js';

const InboxEventsSubscription = graphql(`
  subscription InboxEvents {
    inboxEvents {
      id
      status
      unreadCount
      lastActivityAt
      lastSequence
      assignee {
        id
      }
      customer {
        id
      }
      ...ConversationRowFields
    }
  }
`);

/**
 * Keeps every conversation list live: the event's row is normalized into the cache by id
 * (so counts, previews and status update everywhere), and a conversation no list holds
 * yet is added to the lists it belongs in.
 */
export function useInboxEvents(viewerStaffId: string, onChange?: () => void): void {
  useSubscription(InboxEventsSubscription, {
    ignoreResults: true,
    onData: ({ client, data }) => {
      const conversation = data.data?.inboxEvents;
      if (conversation) addConversationToLists(client.cache, conversation, viewerStaffId);
      if (conversation) onChange?.();
    },
  });
}
