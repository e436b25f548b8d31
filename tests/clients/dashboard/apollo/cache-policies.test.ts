import { gql, type InMemoryCache } from '@apollo/client';
import { createCache } from '../../../../clients/shared/apollo/create-cache.js';
import { addConversationToLists } from '../../../../clients/dashboard/src/apollo/inbox-cache.js';
import { addMessageToThread } from '../../../../clients/dashboard/src/apollo/message-cache.js';
import { typePolicies } from '../../../../clients/dashboard/src/apollo/type-policies.js';

const Thread = gql`
  query Thread($id: ID!, $last: Int, $before: String) {
    conversation(id: $id) {
      id
      lastSequence
      messages(last: $last, before: $before) {
        pageInfo {
          hasPreviousPage
          hasNextPage
          startCursor
          endCursor
        }
        edges {
          cursor
          node {
            id
            sequence
            body
          }
        }
      }
    }
  }
`;

const message = (sequence: number) => ({ __typename: 'Message', id: `m${sequence}`, sequence, body: `Message ${sequence}` });
const page = (sequences: number[], hasPreviousPage: boolean) => ({
  __typename: 'MessageConnection',
  pageInfo: { __typename: 'PageInfo', hasPreviousPage, hasNextPage: false, startCursor: `c${sequences[0]}`, endCursor: `c${sequences.at(-1)}` },
  edges: sequences.map((sequence) => ({ __typename: 'MessageEdge', cursor: `c${sequence}`, node: message(sequence) })),
});

function threadCache() {
  const cache = createCache(typePolicies);
  const write = (sequences: number[], hasPreviousPage: boolean, before?: string) =>
    cache.writeQuery({
      query: Thread,
      variables: { id: 'c1', last: 3, before },
      data: { conversation: { __typename: 'Conversation', id: 'c1', lastSequence: 6, messages: page(sequences, hasPreviousPage) } },
    });
  const read = () => cache.readQuery<any>({ query: Thread, variables: { id: 'c1', last: 3 } })!.conversation;
  const sequences = () => read().messages.edges.map((edge: any) => edge.node.sequence);
  return { cache, write, read, sequences };
}

describe('the thread cache', () => {
  it('merges an older page in front, in sequence order, and takes its hasPreviousPage', () => {
    const thread = threadCache();
    thread.write([4, 5, 6], true);
    thread.write([1, 2, 3], false, 'c4');
    expect(thread.sequences()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(thread.read().messages.pageInfo).toMatchObject({ hasPreviousPage: false, startCursor: 'c1' });
  });

  it('keeps each message once when pages overlap (a refetch, a replay after reconnect)', () => {
    const thread = threadCache();
    thread.write([4, 5, 6], true);
    thread.write([5, 6, 7], true);
    expect(thread.sequences()).toEqual([4, 5, 6, 7]);
    // A refetch of the newest page does not forget that older ones were loaded.
    thread.write([2, 3, 4], false, 'c5');
    thread.write([5, 6, 7], true);
    expect(thread.sequences()).toEqual([2, 3, 4, 5, 6, 7]);
    expect(thread.read().messages.pageInfo.hasPreviousPage).toBe(false);
  });

  it('adds a sent or live message once, whichever of mutation result and subscription comes first', () => {
    const thread = threadCache();
    thread.write([1, 2], false);
    thread.cache.writeFragment({ id: 'Message:m3', fragment: gql`fragment M on Message { id sequence body }`, data: message(3) });
    addMessageToThread(thread.cache, { id: 'm3', sequence: 3, conversationId: 'c1' });
    addMessageToThread(thread.cache, { id: 'm3', sequence: 3, conversationId: 'c1' });
    expect(thread.sequences()).toEqual([1, 2, 3]);
    expect(thread.read().lastSequence).toBe(6);
  });

  it('does nothing for a thread that was never loaded', () => {
    const thread = threadCache();
    addMessageToThread(thread.cache, { id: 'm1', sequence: 1, conversationId: 'c1' });
    expect(thread.cache.extract()).toEqual({});
  });
});

const Inbox = gql`
  query Inbox($filter: ConversationFilter) {
    conversations(first: 25, filter: $filter) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          status
          unreadCount
          assignee {
            id
          }
        }
      }
    }
  }
`;

describe('the inbox lists', () => {
  const conversation = (id: string, status: 'OPEN' | 'RESOLVED', unreadCount: number) => ({ __typename: 'Conversation', id, status, unreadCount, assignee: null });
  const list = (ids: string[]) => ({
    __typename: 'ConversationConnection',
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'x' },
    edges: ids.map((id) => ({ __typename: 'ConversationEdge', cursor: id, node: conversation(id, 'OPEN', 0) })),
  });
  const ids = (cache: InMemoryCache, filter: object) =>
    cache.readQuery<any>({ query: Inbox, variables: { filter } })!.conversations.edges.map((edge: any) => edge.node.id);

  it('adds a new conversation to the lists whose filter it matches, once', () => {
    const cache = createCache(typePolicies);
    for (const filter of [{ status: ['OPEN'] }, { status: ['RESOLVED'] }, { unreadOnly: true }, { search: 'Al' }]) {
      cache.writeQuery({ query: Inbox, variables: { filter }, data: { conversations: list(['a']) } });
    }
    const incoming = conversation('b', 'OPEN', 1);
    cache.writeFragment({ id: 'Conversation:b', fragment: gql`fragment C on Conversation { id status unreadCount assignee { id } }`, data: incoming });
    addConversationToLists(cache, incoming, 'staff-1');
    addConversationToLists(cache, incoming, 'staff-1');

    expect(ids(cache, { status: ['OPEN'] })).toEqual(['b', 'a']);
    expect(ids(cache, { unreadOnly: true })).toEqual(['b', 'a']);
    expect(ids(cache, { status: ['RESOLVED'] })).toEqual(['a']);
    // Only the server knows what its prefix search matches.
    expect(ids(cache, { search: 'Al' })).toEqual(['a']);
  });
});

const Deliveries = gql`
  query Deliveries($endpointId: ID!, $status: WebhookDeliveryStatus, $after: String) {
    webhookDeliveries(endpointId: $endpointId, status: $status, first: 2, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
        }
      }
    }
  }
`;

describe('the paged lists behind a "more" button', () => {
  const deliveries = (ids: string[], endCursor: string, hasNextPage: boolean) => ({
    webhookDeliveries: {
      __typename: 'WebhookDeliveryConnection',
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
      edges: ids.map((id) => ({ __typename: 'WebhookDeliveryEdge', node: { __typename: 'WebhookDelivery', id } })),
    },
  });

  it('appends the next page of webhook deliveries, keeps each endpoint and status apart, and replaces on refresh', () => {
    const cache = createCache(typePolicies);
    const read = (status: string | null) =>
      cache.readQuery<any>({ query: Deliveries, variables: { endpointId: 'e1', status } })!.webhookDeliveries;
    cache.writeQuery({ query: Deliveries, variables: { endpointId: 'e1', status: null }, data: deliveries(['d1', 'd2'], 'p1', true) });
    cache.writeQuery({ query: Deliveries, variables: { endpointId: 'e1', status: 'FAILED' }, data: deliveries(['d9'], 'f1', false) });
    cache.writeQuery({ query: Deliveries, variables: { endpointId: 'e1', status: null, after: 'p1' }, data: deliveries(['d3'], 'p2', false) });
    expect(read(null).edges.map((edge: any) => edge.node.id)).toEqual(['d1', 'd2', 'd3']);
    expect(read(null).pageInfo).toMatchObject({ hasNextPage: false, endCursor: 'p2' });
    expect(read('FAILED').edges.map((edge: any) => edge.node.id)).toEqual(['d9']);
    cache.writeQuery({ query: Deliveries, variables: { endpointId: 'e1', status: null }, data: deliveries(['d0', 'd1'], 'p0', true) });
    expect(read(null).edges.map((edge: any) => edge.node.id)).toEqual(['d0', 'd1']);
  });
});
