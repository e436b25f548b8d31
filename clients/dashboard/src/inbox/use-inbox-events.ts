import { useSubscription } from '@apollo/client/react';
import { addConversationToLists } from '../apollo/inbox-cache.js';
import { graphql } from '../gql/index.js';
import type { AlertableConversation } from '../notifications/customer-message-alerts.js';

const InboxEventsSubscription = graphql(`
  subscription InboxEvents {
    inboxEvents {
      id
      status
      priority
      unreadCount
      lastActivityAt
      updatedAt
      snoozedUntil
      waitingSince
      lastSequence
      assignee {
        id
      }
      labels {
        id
      }
      customer {
        id
        name
      }
      lastMessage {
        id
        createdAt
        sender {
          __typename
        }
      }
      ...ConversationRowFields
    }
  }
`);

/**
 * Keeps every conversation list live: the event's row is normalized into the cache by id
 * (so counts, previews and status update everywhere), and a conversation no list holds
 * yet is added to the lists it belongs in. `onConversation` hears every event too (the
 * notifications of new customer messages), and `onChange` that one came (the waiting count).
 */
export function useInboxEvents(viewerStaffId: string, onConversation?: (conversation: AlertableConversation) => void, onChange?: () => void): void {
  useSubscription(InboxEventsSubscription, {
    ignoreResults: true,
    onData: ({ client, data }) => {
      const conversation = data.data?.inboxEvents;
      if (!conversation) return;
      addConversationToLists(client.cache, conversation, viewerStaffId);
      onConversation?.(conversation);
      onChange?.();
    },
  });
}
