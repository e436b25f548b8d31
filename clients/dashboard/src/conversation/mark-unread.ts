import { useMutation } from '@apollo/client/react';
import { graphql } from '../gql/index.js';
import { openInbox } from '../routing/use-route.js';

const MarkConversationUnreadMutation = graphql(`
  mutation MarkConversationUnread($input: ConversationRefInput!) {
    markConversationUnread(input: $input) {
      id
      unreadCount
    }
  }
`);

/**
 * "Mark as unread" for the viewer alone: back to the inbox first, so the open thread doesn't
 * mark itself read again, then the server moves the read position back; the row's count
 * comes with the answer (and on the viewer's other tabs with the inbox event).
 */
export function useMarkUnread(conversationId: string): { markUnread(): void; loading: boolean } {
  const [mutate, { loading }] = useMutation(MarkConversationUnreadMutation);
  return {
    loading,
    markUnread() {
      openInbox();
      void mutate({ variables: { input: { conversationId } } }).catch(() => {});
    },
  };
}
