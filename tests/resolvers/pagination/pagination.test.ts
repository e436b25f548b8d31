import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../../support/test-gateway.js';

const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

const CONVERSATIONS = `query ($first: Int, $after: String, $last: Int, $before: String, $filter: ConversationFilter) {
  conversations(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    edges { cursor node { id lastActivityAt } }
    ${PAGE_INFO}
  }
}`;
const CONVERSATION_COUNT = `query ($filter: ConversationFilter) { conversations(first: 1, filter: $filter) { totalCount } }`;
const MESSAGES = `query ($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  conversation(id: $id) {
    messages(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id sequence body } }
      ${PAGE_INFO}
    }
  }
}`;
const DEFAULT_MESSAGES = `query ($id: ID!) {
  conversation(id: $id) { messages { edges { node { sequence } } ${PAGE_INFO} } }
}`;
const CUSTOMERS = `query ($first: Int, $after: String, $last: Int, $before: String, $search: String) {
  customers(first: $first, after: $after, last: $last, before: $before, search: $search) {
    edges { cursor node { id name } }
    ${PAGE_INFO}
  }
}`;
const CREATE_CUSTOMER = `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id name } }`;
const START_CONVERSATION = `mutation ($input: StartConversationInput!) { startConversation(input: $input) { id } }`;
const SEND_MESSAGE = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id sequence } }`;

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** A cursor made by hand in the server's format (base64url of a tagged JSON array). */
const forged = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** The first error's code, after checking the response leaks nothing internal. */
function errorOf(response: GraphQLResponse) {
  expect(JSON.stringify(response)).not.toMatch(/stack|QueryFailedError|SELECT /);
  expect(response.errors?.length).toBeGreaterThan(0);
  return response.errors![0]!;
}

describe('paginating conversations, messages and customers', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let staff: string;
  /** The conversation holding messages 1..25. */
  let busyConversationId: string;
  const createdConversationIds: string[] = [];

  const startConversation = async (customerId: string, subject: string): Promise<string> => {
    const response = await gateway.graphql(START_CONVERSATION, { input: { customerId, subject } }, staff);
    expect(response.errors).toBeUndefined();
    return response.data.startConversation.id;
  };
  const sendMessage = async (conversationId: string, body: string) => {
    const response = await gateway.graphql(
      SEND_MESSAGE,
      { input: { conversationId, body, clientMessageId: nextClientMessageId() } },
      staff,
    );
    expect(response.errors).toBeUndefined();
    return response.data.sendMessage as { id: string; sequence: number };
  };
  const conversations = async (variables: Record<string, unknown>): Promise<Connection<{ id: string }>> => {
    const response = await gateway.graphql(CONVERSATIONS, variables, staff);
    expect(response.errors).toBeUndefined();
    return response.data.conversations;
  };
  const messages = async (variables: Record<string, unknown>, id = busyConversationId): Promise<Connection<{ sequence: number; body: string }>> => {
    const response = await gateway.graphql(MESSAGES, { id, ...variables }, staff);
    expect(response.errors).toBeUndefined();
    return response.data.conversation.messages;
  };
  const customers = async (variables: Record<string, unknown>): Promise<Connection<{ id: string; name: string }>> => {
    const response = await gateway.graphql(CUSTOMERS, variables, staff);
    expect(response.errors).toBeUndefined();
    return response.data.customers;
  };
  /** The inbox order straight from the database: newest activity first, id breaking ties. */
  const inboxOrder = async (): Promise<string[]> => {
    const rows: { id: string }[] = await gateway.dataSource.query(
      `SELECT id FROM conversation WHERE organization_id = $1 ORDER BY last_activity_at DESC, id DESC`,
      [pharmacy.organization.id],
    );
    return rows.map((row) => row.id);
  };

  /** Pages forward with `first: size` to the end; checks every page's pageInfo on the way. */
  const pageForward = async <T>(
    fetchPage: (variables: Record<string, unknown>) => Promise<Connection<T>>,
    size: number,
    extra: Record<string, unknown> = {},
  ): Promise<T[]> => {
    const visited: T[] = [];
    let after: string | undefined;
    for (let pageNumber = 0; pageNumber < 100; pageNumber++) {
      const page = await fetchPage({ ...extra, first: size, ...(after ? { after } : {}) });
      expect(page.edges.length).toBeLessThanOrEqual(size);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      visited.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) return visited;
      expect(page.edges).toHaveLength(size);
      after = page.pageInfo.endCursor!;
    }
    throw new Error('Paging forward never reached the end.');
  };

  /** Pages backward with `last: size` from the end to the start; returns the nodes in list order. */
  const pageBackward = async <T>(
    fetchPage: (variables: Record<string, unknown>) => Promise<Connection<T>>,
    size: number,
    extra: Record<string, unknown> = {},
  ): Promise<T[]> => {
    let visited: T[] = [];
    let before: string | undefined;
    for (let pageNumber = 0; pageNumber < 100; pageNumber++) {
      const page = await fetchPage({ ...extra, last: size, ...(before ? { before } : {}) });
      expect(page.edges.length).toBeLessThanOrEqual(size);
      expect(page.pageInfo.hasNextPage).toBe(before !== undefined);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      visited = [...page.edges.map((edge) => edge.node), ...visited];
      if (!page.pageInfo.hasPreviousPage) return visited;
      expect(page.edges).toHaveLength(size);
      before = page.pageInfo.startCursor!;
    }
    throw new Error('Paging backward never reached the start.');
  };

  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'paging');
    staff = pharmacy.tokens.pharmacist;
    const customerIds = pharmacy.customers.map((customer) => customer.id);
    for (const name of ['Carol paging', 'Dave paging', 'Eve paging']) {
      const created = await gateway.graphql(CREATE_CUSTOMER, { input: { name } }, staff);
      expect(created.errors).toBeUndefined();
      customerIds.push(created.data.createCustomer.id);
    }
    // Seven threads over five customers, then 25 messages in the second one (which moves it to the top).
    for (let index = 0; index < 7; index++) {
      createdConversationIds.push(await startConversation(customerIds[index % customerIds.length]!, `Thread ${index + 1}`));
    }
    busyConversationId = createdConversationIds[1]!;
    for (let sequence = 1; sequence <= 25; sequence++) {
      await sendMessage(busyConversationId, `message ${sequence}`);
    }
  });
  afterAll(() => gateway.dispose());

  describe('conversations', () => {
    it('visits every conversation exactly once, newest activity first, when paging forward with first: 2', async () => {
      const expected = await inboxOrder();
      expect(expected).toHaveLength(7);
      expect(expected[0]).toBe(busyConversationId);
      const visited = await pageForward(conversations, 2);
      expect(visited.map((node) => node.id)).toEqual(expected);
    });

    it('reports hasNextPage, hasPreviousPage and the cursors of each forward page', async () => {
      const first = await conversations({ first: 2 });
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      expect(first.pageInfo.endCursor).toBe(first.edges[1]!.cursor);
      const second = await conversations({ first: 2, after: first.pageInfo.endCursor });
      expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
      const rest = await conversations({ first: 5, after: second.pageInfo.endCursor });
      expect(rest.edges).toHaveLength(3);
      expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      expect(rest.pageInfo.endCursor).toBe(rest.edges[2]!.cursor);
    });

    it('visits the same conversations in the same order when paging backward with last/before from the end', async () => {
      const forward = await pageForward(conversations, 2);
      const backward = await pageBackward(conversations, 2);
      expect(backward.map((node) => node.id)).toEqual(forward.map((node) => node.id));
      const lastPage = await conversations({ last: 2 });
      expect(lastPage.edges.map((edge) => edge.node.id)).toEqual(forward.slice(-2).map((node) => node.id));
      expect(lastPage.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    });

    it('pages backward from a forward cursor to the conversations before it', async () => {
      const order = await inboxOrder();
      const firstFour = await conversations({ first: 4 });
      const before = await conversations({ last: 2, before: firstFour.pageInfo.endCursor });
      expect(before.edges.map((edge) => edge.node.id)).toEqual(order.slice(1, 3));
      expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    });

    it('counts every matching conversation in totalCount, whatever the page size', async () => {
      const response = await gateway.graphql(CONVERSATION_COUNT, {}, staff);
      expect(response.errors).toBeUndefined();
      expect(response.data.conversations.totalCount).toBe(createdConversationIds.length);
      const filtered = await gateway.graphql(CONVERSATION_COUNT, { filter: { customerId: pharmacy.customers[0].id } }, staff);
      // Threads 1 and 6 are Alice's.
      expect(filtered.data.conversations.totalCount).toBe(2);
    });

    it('returns no edges for first: 0 and last: 0', async () => {
      const none = await conversations({ first: 0 });
      expect(none.edges).toEqual([]);
      expect(none.pageInfo.startCursor).toBeNull();
      expect(none.pageInfo.endCursor).toBeNull();
      expect((await conversations({ last: 0 })).edges).toEqual([]);
    });
  });

  describe('messages', () => {
    it('returns sequences 16..25 oldest first for last: 10, with an earlier page', async () => {
      const page = await messages({ last: 10 });
      expect(page.edges.map((edge) => edge.node.sequence)).toEqual(range(16, 25));
      expect(page.edges.map((edge) => edge.node.body)).toEqual(range(16, 25).map((sequence) => `message ${sequence}`));
      expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
      expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges[9]!.cursor);
    });

    it('pages back with before: startCursor through 6..15 and then 1..5', async () => {
      const newest = await messages({ last: 10 });
      const middle = await messages({ last: 10, before: newest.pageInfo.startCursor });
      expect(middle.edges.map((edge) => edge.node.sequence)).toEqual(range(6, 15));
      expect(middle.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
      const oldest = await messages({ last: 10, before: middle.pageInfo.startCursor });
      expect(oldest.edges.map((edge) => edge.node.sequence)).toEqual(range(1, 5));
      expect(oldest.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    });

    it('visits 1..25 in order paging forward from the start with first: 10', async () => {
      const visited = await pageForward(messages, 10);
      expect(visited.map((node) => node.sequence)).toEqual(range(1, 25));
      const lastPage = await messages({ first: 10, after: (await messages({ first: 20 })).pageInfo.endCursor });
      expect(lastPage.edges.map((edge) => edge.node.sequence)).toEqual(range(21, 25));
      expect(lastPage.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    });

    it('visits 1..25 in order paging backward to the start with last: 7', async () => {
      const visited = await pageBackward(messages, 7);
      expect(visited.map((node) => node.sequence)).toEqual(range(1, 25));
    });

    it('defaults to the newest 20 messages without arguments', async () => {
      const response = await gateway.graphql(DEFAULT_MESSAGES, { id: busyConversationId }, staff);
      expect(response.errors).toBeUndefined();
      const page = response.data.conversation.messages;
      expect(page.edges.map((edge: { node: { sequence: number } }) => edge.node.sequence)).toEqual(range(6, 25));
      expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    });

    it('returns no edges for first: 0, and an empty thread has no pages at all', async () => {
      expect((await messages({ first: 0 })).edges).toEqual([]);
      expect((await messages({ last: 0 })).edges).toEqual([]);
      const empty = await messages({ last: 10 }, createdConversationIds[0]!);
      expect(empty.edges).toEqual([]);
      expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    });
  });

  describe('customers', () => {
    it('lists customers alphabetically, forward with first/after and backward with last/before', async () => {
      const names = ['Alice paging', 'Bob paging', 'Carol paging', 'Dave paging', 'Eve paging'];
      const forward = await pageForward(customers, 2);
      expect(forward.map((node) => node.name)).toEqual(names);
      const backward = await pageBackward(customers, 2);
      expect(backward.map((node) => node.name)).toEqual(names);
    });

    it('pages through a search result without leaving it', async () => {
      const forward = await pageForward(customers, 1, { search: 'Dave' });
      expect(forward.map((node) => node.name)).toEqual(['Dave paging']);
    });
  });

  describe('invalid page arguments', () => {
    const expectBadInput = (response: GraphQLResponse, field?: string) => {
      const error = errorOf(response);
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      if (field) expect(error.extensions?.field).toBe(field);
    };

    it('caps every page at 100', async () => {
      expect((await conversations({ first: 100 })).edges).toHaveLength(7);
      expectBadInput(await gateway.graphql(CONVERSATIONS, { first: 101 }, staff), 'first');
      expectBadInput(await gateway.graphql(CONVERSATIONS, { last: 101 }, staff), 'last');
      expectBadInput(await gateway.graphql(CUSTOMERS, { first: 101 }, staff), 'first');
      expectBadInput(await gateway.graphql(MESSAGES, { id: busyConversationId, first: 101 }, staff), 'first');
      expectBadInput(await gateway.graphql(MESSAGES, { id: busyConversationId, last: 101 }, staff), 'last');
    });

    it('rejects a negative page size', async () => {
      expectBadInput(await gateway.graphql(CONVERSATIONS, { first: -1 }, staff), 'first');
      expectBadInput(await gateway.graphql(MESSAGES, { id: busyConversationId, last: -1 }, staff), 'last');
    });

    it('rejects first together with last, first with before, and last with after', async () => {
      const page = await conversations({ first: 2 });
      const cursor = page.pageInfo.endCursor;
      expectBadInput(await gateway.graphql(CONVERSATIONS, { first: 2, last: 2 }, staff));
      expectBadInput(await gateway.graphql(CONVERSATIONS, { first: 2, before: cursor }, staff), 'before');
      expectBadInput(await gateway.graphql(CONVERSATIONS, { last: 2, after: cursor }, staff), 'after');
      expectBadInput(await gateway.graphql(CUSTOMERS, { first: 2, last: 2 }, staff));
      const messagePage = await messages({ last: 5 });
      expectBadInput(await gateway.graphql(MESSAGES, { id: busyConversationId, first: 2, last: 2 }, staff));
      expectBadInput(
        await gateway.graphql(MESSAGES, { id: busyConversationId, first: 2, before: messagePage.pageInfo.startCursor }, staff),
        'before',
      );
      expectBadInput(
        await gateway.graphql(MESSAGES, { id: busyConversationId, last: 2, after: messagePage.pageInfo.startCursor }, staff),
        'after',
      );
    });

    it('rejects a garbage cursor naming the argument it came in', async () => {
      const garbageCursors = ['garbage', '!!!', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')];
      for (const garbage of garbageCursors) {
        expectBadInput(await gateway.graphql(CONVERSATIONS, { first: 2, after: garbage }, staff), 'after');
        expectBadInput(await gateway.graphql(CONVERSATIONS, { last: 2, before: garbage }, staff), 'before');
        expectBadInput(await gateway.graphql(MESSAGES, { id: busyConversationId, first: 2, after: garbage }, staff), 'after');
        expectBadInput(await gateway.graphql(MESSAGES, { id: busyConversationId, last: 2, before: garbage }, staff), 'before');
        expectBadInput(await gateway.graphql(CUSTOMERS, { first: 2, after: garbage }, staff), 'after');
      }
    });

    it('rejects an empty cursor in every list, as messages already do', async () => {
      expectBadInput(await gateway.graphql(MESSAGES, { id: busyConversationId, first: 2, after: '' }, staff), 'after');
      expectBadInput(await gateway.graphql(MESSAGES, { id: busyConversationId, last: 2, before: '' }, staff), 'before');
      expectBadInput(await gateway.graphql(CONVERSATIONS, { first: 2, after: '' }, staff), 'after');
      expectBadInput(await gateway.graphql(CONVERSATIONS, { last: 2, before: '' }, staff), 'before');
      expectBadInput(await gateway.graphql(CUSTOMERS, { first: 2, after: '' }, staff), 'after');
    });

    it('rejects hand-made message cursors that point at impossible positions', async () => {
      for (const cursor of [forged(['message', -1]), forged(['message', 2.5]), forged(['message']), forged(['message', null]), forged(['message', 1e300])]) {
        expectBadInput(await gateway.graphql(MESSAGES, { id: busyConversationId, first: 2, after: cursor }, staff), 'after');
      }
      expectBadInput(await gateway.graphql(CONVERSATIONS, { first: 2, after: forged(['conversation', 'x']) }, staff), 'after');
    });

    it('rejects hand-made conversation and customer cursors whose values are not a time, a name or an id', async () => {
      const now = new Date().toISOString();
      for (const cursor of [
        forged(['conversation', 'not a date', pharmacy.customers[0].id]),
        forged(['conversation', now, 'not-a-uuid']),
        forged(['conversation', 5, 6]),
      ]) {
        expectBadInput(await gateway.graphql(CONVERSATIONS, { first: 2, after: cursor }, staff), 'after');
        expectBadInput(await gateway.graphql(CONVERSATIONS, { last: 2, before: cursor }, staff), 'before');
      }
      for (const cursor of [forged(['customer', 'Alice', 'not-a-uuid']), forged(['customer', 5, 6])]) {
        expectBadInput(await gateway.graphql(CUSTOMERS, { first: 2, after: cursor }, staff), 'after');
      }
    });

    it('rejects a cursor from another list', async () => {
      const conversationCursor = (await conversations({ first: 1 })).pageInfo.endCursor;
      const messageCursor = (await messages({ last: 1 })).pageInfo.endCursor;
      const customerCursor = (await customers({ first: 1 })).pageInfo.endCursor;
      expectBadInput(await gateway.graphql(MESSAGES, { id: busyConversationId, first: 2, after: conversationCursor }, staff), 'after');
      expectBadInput(await gateway.graphql(MESSAGES, { id: busyConversationId, last: 2, before: conversationCursor }, staff), 'before');
      expectBadInput(await gateway.graphql(CONVERSATIONS, { first: 2, after: messageCursor }, staff), 'after');
      expectBadInput(await gateway.graphql(CONVERSATIONS, { last: 2, before: customerCursor }, staff), 'before');
      expectBadInput(await gateway.graphql(CUSTOMERS, { first: 2, after: conversationCursor }, staff), 'after');
    });
  });

  // These change the data, so they run last and work out what to expect as they go.
  describe('keyset stability while data changes', () => {
    it('neither repeats nor skips conversations when a new one starts mid-way through paging', async () => {
      const before = await inboxOrder();
      const firstPage = await conversations({ first: 3 });
      expect(firstPage.edges.map((edge) => edge.node.id)).toEqual(before.slice(0, 3));
      // The new thread goes to the top of the inbox, above the page already read.
      const newId = await startConversation(pharmacy.customers[1].id, 'Started while paging');
      expect((await inboxOrder())[0]).toBe(newId);
      const remaining: string[] = [];
      let after = firstPage.pageInfo.endCursor;
      for (;;) {
        const page = await conversations({ first: 3, after });
        remaining.push(...page.edges.map((edge) => edge.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(remaining).toEqual(before.slice(3));
      expect(remaining).not.toContain(newId);
    });

    it('neither repeats nor skips conversations when one of the later ones gets a message mid-way', async () => {
      const order = await inboxOrder();
      const firstPage = await conversations({ first: 3 });
      expect(firstPage.edges.map((edge) => edge.node.id)).toEqual(order.slice(0, 3));
      // The oldest thread becomes the newest: it leaves the pages still to come.
      const moved = order.at(-1)!;
      await sendMessage(moved, 'bump');
      const remaining: string[] = [];
      let after = firstPage.pageInfo.endCursor;
      for (;;) {
        const page = await conversations({ first: 3, after });
        remaining.push(...page.edges.map((edge) => edge.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(remaining).toEqual(order.slice(3, -1));
    });

    it('keeps paging back through older messages unchanged when a new message arrives', async () => {
      const thread = await startConversation(pharmacy.customers[0].id, 'Stable messages');
      for (let sequence = 1; sequence <= 12; sequence++) await sendMessage(thread, `stable ${sequence}`);
      const newest = await messages({ last: 5 }, thread);
      expect(newest.edges.map((edge) => edge.node.sequence)).toEqual(range(8, 12));
      await sendMessage(thread, 'stable 13');
      const middle = await messages({ last: 5, before: newest.pageInfo.startCursor }, thread);
      expect(middle.edges.map((edge) => edge.node.sequence)).toEqual(range(3, 7));
      expect(middle.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
      const oldest = await messages({ last: 5, before: middle.pageInfo.startCursor }, thread);
      expect(oldest.edges.map((edge) => edge.node.sequence)).toEqual([1, 2]);
      expect(oldest.pageInfo.hasPreviousPage).toBe(false);
    });

    it('picks up a message sent while paging forward exactly once, at the end', async () => {
      const thread = await startConversation(pharmacy.customers[1].id, 'Forward while sending');
      for (let sequence = 1; sequence <= 8; sequence++) await sendMessage(thread, `forward ${sequence}`);
      const seen: number[] = [];
      let page = await messages({ first: 3 }, thread);
      seen.push(...page.edges.map((edge) => edge.node.sequence));
      await sendMessage(thread, 'forward 9');
      while (page.pageInfo.hasNextPage) {
        page = await messages({ first: 3, after: page.pageInfo.endCursor }, thread);
        seen.push(...page.edges.map((edge) => edge.node.sequence));
      }
      expect(seen).toEqual(range(1, 9));
    });
  });
});
