import { gql } from '@apollo/client';
import { createCache } from '../../../../clients/shared/apollo/create-cache.js';
import { typePolicies } from '../../../../clients/dashboard/src/apollo/type-policies.js';

const Threads = gql`
  query Threads {
    conversations(first: 20) {
      edges {
        node {
          id
          lastMessage {
            id
            sequence
            body
          }
        }
      }
    }
  }
`;

const LiveEvent = gql`
  fragment LiveEvent on Conversation {
    id
    lastMessage {
      id
      sequence
      body
    }
  }
`;

const message = (sequence: number) => ({ __typename: 'Message', id: `m${sequence}`, sequence, body: `Message ${sequence}` });
const conversation = (lastMessage: ReturnType<typeof message> | null) => ({ __typename: 'Conversation', id: 'c1', lastMessage });

function threadsCache() {
  const cache = createCache(typePolicies);
  const answer = (lastMessage: ReturnType<typeof message> | null) =>
    cache.writeQuery({
      query: Threads,
      data: { conversations: { __typename: 'ConversationConnection', edges: [{ __typename: 'ConversationEdge', node: conversation(lastMessage) }] } },
    });
  const event = (lastMessage: ReturnType<typeof message>) => cache.writeFragment({ fragment: LiveEvent, data: conversation(lastMessage) });
  const preview = () => cache.readFragment<any>({ fragment: LiveEvent, id: 'Conversation:c1' })?.lastMessage?.body ?? null;
  return { answer, event, preview };
}

describe("a conversation's last message in the cache", () => {
  it('is not wound back to nothing by a query answered before the first message', () => {
    const threads = threadsCache();
    threads.event(message(1));
    threads.answer(null);
    expect(threads.preview()).toBe('Message 1');
  });

  it('is not wound back to an older message by a late answer', () => {
    const threads = threadsCache();
    threads.answer(message(2));
    threads.event(message(3));
    threads.answer(message(2));
    expect(threads.preview()).toBe('Message 3');
  });

  it('moves forward with newer messages from queries and events alike', () => {
    const threads = threadsCache();
    threads.answer(null);
    expect(threads.preview()).toBeNull();
    threads.event(message(1));
    threads.answer(message(2));
    expect(threads.preview()).toBe('Message 2');
  });
});
