import { ApolloClient, ApolloLink, gql } from '@apollo/client';
import { Observable, type Subscriber } from 'rxjs';
import { createCache } from '../../../../clients/shared/apollo/create-cache.js';
import { mergeOnRefetch } from '../../../../clients/shared/apollo/last-message-policy.js';
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

describe("a refetch of the customer's threads answered after the live event", () => {
  // The widget's race: creating a thread refetches the list before the first message is sent;
  // the message's live event can arrive before that refetch's (older) answer.
  async function race(options: object) {
    const answers: Subscriber<ApolloLink.Result>[] = [];
    const link = new ApolloLink(() => new Observable<ApolloLink.Result>((subscriber) => void answers.push(subscriber)));
    const client = new ApolloClient({ cache: createCache(), link });
    const answer = (lastMessage: ReturnType<typeof message> | null) => {
      const subscriber = answers.shift()!;
      subscriber.next({ data: { conversations: { __typename: 'ConversationConnection', edges: [{ __typename: 'ConversationEdge', node: conversation(lastMessage) }] } } });
      subscriber.complete();
    };
    const query = client.watchQuery({ query: Threads, ...options });
    const seen = query.subscribe(() => {});
    await waitFor(() => answers.length === 1);
    answer(null);
    const refetched = query.refetch();
    await waitFor(() => answers.length === 1);
    client.cache.writeFragment({ fragment: LiveEvent, data: conversation(message(1)) });
    answer(null);
    await refetched;
    const preview = client.cache.readFragment<any>({ fragment: LiveEvent, id: 'Conversation:c1' })?.lastMessage?.body ?? null;
    seen.unsubscribe();
    return preview;
  }

  it('keeps the message the event brought when the query merges on refetch (the widget does)', async () => {
    expect(await race(mergeOnRefetch)).toBe('Message 1');
  });

  it("loses it with Apollo's default refetch, which overwrites (why the widget asks for a merge)", async () => {
    expect(await race({})).toBeNull();
  });
});

async function waitFor(condition: () => boolean) {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 100) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
