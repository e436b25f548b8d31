import { graphql } from './gql/index.js';

/** What the example needs from the API. Typed by codegen: `npm run codegen` after editing. */

export const OpenConversationsQuery = graphql(`
  query OpenConversations($first: Int!) {
    conversations(first: $first, filter: { status: [OPEN, PENDING] }) {
      edges {
        node {
          id
          subject
          status
          unreadCount
          lastSequence
          customer {
            id
            name
          }
          lastMessage {
            body
            createdAt
          }
        }
      }
    }
  }
`);

export const PostReplyMutation = graphql(`
  mutation PostReply($conversationId: ID!, $body: String!, $clientMessageId: String!) {
    sendMessage(input: { conversationId: $conversationId, body: $body, clientMessageId: $clientMessageId }) {
      id
      sequence
      createdAt
    }
  }
`);

export const ConversationEventsSubscription = graphql(`
  subscription WatchConversation($conversationId: ID!, $afterSequence: Int) {
    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {
      kind
      message {
        id
        sequence
        body
        sender {
          ...ActorFields
        }
      }
    }
  }
`);
