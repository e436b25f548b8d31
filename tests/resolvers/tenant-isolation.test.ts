import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../support/fixtures.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/test-gateway.js';

/**
 * Every id argument of every query and mutation, given an id that exists but belongs
 * to someone the viewer may not see, must answer exactly like an id that exists nowhere:
 * NOT_FOUND with the same message, and no write. Otherwise ids leak across pharmacies
 * (or between customers) through the difference in answers.
 */

const OPERATIONS = {
  conversation: `query ($id: ID!) { conversation(id: $id) { id subject customer { id name } } }`,
  customer: `query ($id: ID!) { customer(id: $id) { id name phone } }`,
  conversationsOfCustomer: `query ($customerId: ID!) {
    conversations(first: 100, filter: { customerId: $customerId }) { totalCount edges { node { id } } }
  }`,
  allConversations: `{ conversations(first: 100) { totalCount edges { node { id customer { id } } } } }`,
  startConversation: `mutation ($customerId: ID) {
    startConversation(input: { customerId: $customerId, subject: "Repeat prescription" }) { id }
  }`,
  startDefaultConversation: `mutation { startConversation(input: {}) { id } }`,
  setConversationStatus: `mutation ($conversationId: ID!) {
    setConversationStatus(input: { conversationId: $conversationId, status: RESOLVED }) { id status }
  }`,
  assignConversation: `mutation ($conversationId: ID!, $assigneeId: ID) {
    assignConversation(input: { conversationId: $conversationId, assigneeId: $assigneeId }) { id assignee { id } }
  }`,
  setConversationPriority: `mutation ($conversationId: ID!) {
    setConversationPriority(input: { conversationId: $conversationId, priority: URGENT }) { id priority }
  }`,
  sendMessage: `mutation ($conversationId: ID!, $replyToId: ID, $clientMessageId: String!) {
    sendMessage(input: { conversationId: $conversationId, replyToId: $replyToId, body: "Is it ready?", clientMessageId: $clientMessageId }) { id }
  }`,
  editMessage: `mutation ($messageId: ID!) { editMessage(input: { messageId: $messageId, body: "Changed" }) { id body } }`,
  deleteMessage: `mutation ($messageId: ID!) { deleteMessage(messageId: $messageId) { id deletedAt } }`,
  markConversationRead: `mutation ($conversationId: ID!) {
    markConversationRead(input: { conversationId: $conversationId }) { id unreadCount }
  }`,
  addReaction: `mutation ($messageId: ID!) { addReaction(messageId: $messageId, emoji: "👍") { id reactions { emoji } } }`,
  removeReaction: `mutation ($messageId: ID!) { removeReaction(messageId: $messageId, emoji: "👍") { id reactions { emoji } } }`,
  issueChatToken: `mutation ($customerId: ID!) { issueChatToken(customerId: $customerId) { token chatLink } }`,
  createApiKey: `mutation { createApiKey(input: { name: "Pharmacy system", scopes: [CONVERSATIONS_READ, MESSAGES_WRITE] }) { apiKey { id } secret } }`,
  revokeApiKey: `mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`,
} as const;

/** Real ids of every kind in one pharmacy, made through the API. */
interface PharmacyIds {
  customerId: string;
  staffId: string;
  /** A thread of customers[0], started by the pharmacist. */
  conversationId: string;
  /** The pharmacist's message in it, with the pharmacist's 👍 on it. */
  messageId: string;
  apiKeyId: string;
}

type ViewerName = 'pharmacist' | 'partner' | 'customer' | 'admin';

const VIEWER_LABELS: Record<ViewerName, string> = {
  pharmacist: 'a pharmacist',
  partner: 'a partner key',
  customer: 'a customer',
  admin: 'an admin',
};

interface IdArgumentCase {
  /** What the id names, e.g. "conversation". */
  what: string;
  /** The operation and the argument under test, e.g. "sendMessage(input.replyToId)". */
  argument: string;
  viewers: ViewerName[];
  query: string;
  /** Variables with `id` in the argument under test and valid own values everywhere else. */
  variables: (id: string) => Record<string, unknown>;
  /** The id of this kind that the viewer must not reach. */
  hiddenId: () => string;
}

const STAFF_AND_PARTNER: ViewerName[] = ['pharmacist', 'partner'];
const EVERY_SENDER: ViewerName[] = ['pharmacist', 'partner', 'customer'];

describe('tenant isolation', () => {
  let gateway: TestGateway;
  /** The viewers' pharmacy. */
  let north: PharmacyFixture;
  /** Another pharmacy, whose ids north's viewers try. */
  let south: PharmacyFixture;
  let own: PharmacyIds;
  let foreign: PharmacyIds;
  /** North's second customer: their default thread and a message in it. */
  let otherCustomerConversationId: string;
  let otherCustomerMessageId: string;
  let databaseBefore: Record<string, unknown[]>;

  const tokenOf = (viewer: ViewerName): string =>
    ({
      pharmacist: north.tokens.pharmacist,
      partner: north.tokens.partnerWrite,
      customer: north.tokens.customer,
      admin: north.tokens.admin,
    })[viewer];

  /** Runs an operation that must succeed and returns its data. */
  async function succeed(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
    const response = await gateway.graphql(query, variables, token);
    expect(response.errors).toBeUndefined();
    return response.data;
  }

  async function createIds(pharmacy: PharmacyFixture): Promise<PharmacyIds> {
    const { pharmacist, admin } = pharmacy.tokens;
    const started = await succeed(OPERATIONS.startConversation, { customerId: pharmacy.customers[0].id }, pharmacist);
    const conversationId: string = started.startConversation.id;
    const sent = await succeed(OPERATIONS.sendMessage, { conversationId, clientMessageId: nextClientMessageId() }, pharmacist);
    const messageId: string = sent.sendMessage.id;
    await succeed(OPERATIONS.addReaction, { messageId }, pharmacist);
    // The customer answers, so the thread has messages from both sides.
    await succeed(OPERATIONS.sendMessage, { conversationId, clientMessageId: nextClientMessageId() }, pharmacy.tokens.customer);
    const created = await succeed(OPERATIONS.createApiKey, {}, admin);
    return {
      customerId: pharmacy.customers[0].id,
      staffId: pharmacy.pharmacist.id,
      conversationId,
      messageId,
      apiKeyId: created.createApiKey.apiKey.id,
    };
  }

  /** Every row of every tenant table; api_key without last_used_at, which authentication itself bumps. */
  async function snapshotDatabase(): Promise<Record<string, unknown[]>> {
    const queries: Record<string, string> = {
      organization: 'SELECT * FROM organization ORDER BY id',
      staff_user: 'SELECT * FROM staff_user ORDER BY id',
      customer: 'SELECT * FROM customer ORDER BY id',
      conversation: 'SELECT * FROM conversation ORDER BY id',
      participant: 'SELECT * FROM participant ORDER BY id',
      message: 'SELECT * FROM message ORDER BY id',
      attachment: 'SELECT * FROM attachment ORDER BY id',
      reaction: 'SELECT * FROM reaction ORDER BY id',
      api_key: `SELECT id, organization_id, name, prefix, secret_hash, scopes, created_by_id, created_at, expires_at, revoked_at
                FROM api_key ORDER BY id`,
    };
    const snapshot: Record<string, unknown[]> = {};
    for (const [table, sql] of Object.entries(queries)) snapshot[table] = await gateway.dataSource.query(sql);
    return snapshot;
  }

  /** The same operation with the hidden id and with an id that exists nowhere must get the same answer. */
  async function expectSameAsUnknownId(testCase: IdArgumentCase, token: string): Promise<GraphQLResponse> {
    const hidden = await gateway.graphql(testCase.query, testCase.variables(testCase.hiddenId()), token);
    const unknown = await gateway.graphql(testCase.query, testCase.variables(randomUUID()), token);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(hidden.errors).toHaveLength(1);
    expect(hidden.data ?? null).toBeNull();
    expect(hidden).toEqual(unknown);
    return hidden;
  }

  beforeAll(async () => {
    gateway = await startTestGateway();
    north = await createPharmacy(gateway.dataSource, gateway.tokens, 'north');
    south = await createPharmacy(gateway.dataSource, gateway.tokens, 'south');
    own = await createIds(north);
    foreign = await createIds(south);
    const defaultThread = await succeed(OPERATIONS.startDefaultConversation, {}, north.tokens.otherCustomer);
    otherCustomerConversationId = defaultThread.startConversation.id;
    const sent = await succeed(
      OPERATIONS.sendMessage,
      { conversationId: otherCustomerConversationId, clientMessageId: nextClientMessageId() },
      north.tokens.otherCustomer,
    );
    otherCustomerMessageId = sent.sendMessage.id;
    await succeed(OPERATIONS.addReaction, { messageId: otherCustomerMessageId }, north.tokens.otherCustomer);
    databaseBefore = await snapshotDatabase();
  });
  afterAll(() => gateway.dispose());

  describe("another pharmacy's ids", () => {
    const cases: IdArgumentCase[] = [
      {
        what: 'conversation',
        argument: 'conversation(id)',
        viewers: EVERY_SENDER,
        query: OPERATIONS.conversation,
        variables: (id) => ({ id }),
        hiddenId: () => foreign.conversationId,
      },
      {
        what: 'customer',
        argument: 'customer(id)',
        viewers: STAFF_AND_PARTNER,
        query: OPERATIONS.customer,
        variables: (id) => ({ id }),
        hiddenId: () => foreign.customerId,
      },
      {
        what: 'customer',
        argument: 'startConversation(input.customerId)',
        viewers: STAFF_AND_PARTNER,
        query: OPERATIONS.startConversation,
        variables: (customerId) => ({ customerId }),
        hiddenId: () => foreign.customerId,
      },
      {
        what: 'conversation',
        argument: 'setConversationStatus(input.conversationId)',
        viewers: STAFF_AND_PARTNER,
        query: OPERATIONS.setConversationStatus,
        variables: (conversationId) => ({ conversationId }),
        hiddenId: () => foreign.conversationId,
      },
      {
        what: 'conversation',
        argument: 'assignConversation(input.conversationId) with an own assignee',
        viewers: STAFF_AND_PARTNER,
        query: OPERATIONS.assignConversation,
        variables: (conversationId) => ({ conversationId, assigneeId: own.staffId }),
        hiddenId: () => foreign.conversationId,
      },
      {
        what: 'staff member',
        argument: 'assignConversation(input.assigneeId) in an own conversation',
        viewers: STAFF_AND_PARTNER,
        query: OPERATIONS.assignConversation,
        variables: (assigneeId) => ({ conversationId: own.conversationId, assigneeId }),
        hiddenId: () => foreign.staffId,
      },
      {
        what: 'conversation',
        argument: 'setConversationPriority(input.conversationId)',
        viewers: STAFF_AND_PARTNER,
        query: OPERATIONS.setConversationPriority,
        variables: (conversationId) => ({ conversationId }),
        hiddenId: () => foreign.conversationId,
      },
      {
        what: 'conversation',
        argument: 'sendMessage(input.conversationId)',
        viewers: EVERY_SENDER,
        query: OPERATIONS.sendMessage,
        variables: (conversationId) => ({ conversationId, clientMessageId: nextClientMessageId() }),
        hiddenId: () => foreign.conversationId,
      },
      {
        what: 'message',
        argument: 'sendMessage(input.replyToId) in an own conversation',
        viewers: EVERY_SENDER,
        query: OPERATIONS.sendMessage,
        variables: (replyToId) => ({ conversationId: own.conversationId, replyToId, clientMessageId: nextClientMessageId() }),
        hiddenId: () => foreign.messageId,
      },
      {
        what: 'message',
        argument: 'editMessage(input.messageId)',
        viewers: EVERY_SENDER,
        query: OPERATIONS.editMessage,
        variables: (messageId) => ({ messageId }),
        hiddenId: () => foreign.messageId,
      },
      {
        what: 'message',
        argument: 'deleteMessage(messageId)',
        viewers: EVERY_SENDER,
        query: OPERATIONS.deleteMessage,
        variables: (messageId) => ({ messageId }),
        hiddenId: () => foreign.messageId,
      },
      {
        what: 'conversation',
        argument: 'markConversationRead(input.conversationId)',
        viewers: EVERY_SENDER,
        query: OPERATIONS.markConversationRead,
        variables: (conversationId) => ({ conversationId }),
        hiddenId: () => foreign.conversationId,
      },
      {
        what: 'message',
        argument: 'addReaction(messageId)',
        viewers: EVERY_SENDER,
        query: OPERATIONS.addReaction,
        variables: (messageId) => ({ messageId }),
        hiddenId: () => foreign.messageId,
      },
      {
        what: 'message',
        argument: 'removeReaction(messageId)',
        viewers: EVERY_SENDER,
        query: OPERATIONS.removeReaction,
        variables: (messageId) => ({ messageId }),
        hiddenId: () => foreign.messageId,
      },
      {
        what: 'customer',
        argument: 'issueChatToken(customerId)',
        viewers: STAFF_AND_PARTNER,
        query: OPERATIONS.issueChatToken,
        variables: (customerId) => ({ customerId }),
        hiddenId: () => foreign.customerId,
      },
      {
        what: 'API key',
        argument: 'revokeApiKey(id)',
        viewers: ['admin'],
        query: OPERATIONS.revokeApiKey,
        variables: (id) => ({ id }),
        hiddenId: () => foreign.apiKeyId,
      },
    ];
    const rows = cases.flatMap((testCase) =>
      testCase.viewers.map((viewer) => [`${testCase.what} in ${testCase.argument}, as ${VIEWER_LABELS[viewer]}`, testCase, viewer] as const),
    );

    it.each(rows)("returns NOT_FOUND for another pharmacy's %s, exactly as for an unknown id", async (_title, testCase, viewer) => {
      await expectSameAsUnknownId(testCase, tokenOf(viewer));
    });

    it.each(EVERY_SENDER.map((viewer) => [VIEWER_LABELS[viewer], viewer] as const))(
      "returns an empty list, not an error, when %s filters conversations by another pharmacy's customer",
      async (_label, viewer) => {
        const hidden = await gateway.graphql(OPERATIONS.conversationsOfCustomer, { customerId: foreign.customerId }, tokenOf(viewer));
        expect(hidden.errors).toBeUndefined();
        expect(hidden.data.conversations).toEqual({ totalCount: 0, edges: [] });
        const unknown = await gateway.graphql(OPERATIONS.conversationsOfCustomer, { customerId: randomUUID() }, tokenOf(viewer));
        expect(hidden).toEqual(unknown);
      },
    );

    it("shows a partner key none of another pharmacy's conversations", async () => {
      const southConversations = await gateway.dataSource.query(
        'SELECT id FROM conversation WHERE organization_id = $1',
        [south.organization.id],
      );
      const northConversations = await gateway.dataSource.query(
        'SELECT id FROM conversation WHERE organization_id = $1',
        [north.organization.id],
      );
      expect(northConversations.length).toBeGreaterThan(0);
      const seen = await succeed(OPERATIONS.allConversations, {}, south.tokens.partnerRead);
      const seenIds = seen.conversations.edges.map((edge: { node: { id: string } }) => edge.node.id).sort();
      expect(seenIds).toEqual(southConversations.map((row: { id: string }) => row.id).sort());
      expect(seen.conversations.totalCount).toBe(southConversations.length);
      for (const { id } of northConversations) expect(seenIds).not.toContain(id);
    });

    it("shows staff none of another pharmacy's conversations", async () => {
      const seen = await succeed(OPERATIONS.allConversations, {}, north.tokens.pharmacist);
      const customerIds = seen.conversations.edges.map((edge: { node: { customer: { id: string } } }) => edge.node.customer.id);
      expect(customerIds.length).toBeGreaterThan(0);
      const northCustomerIds = north.customers.map((customer) => customer.id);
      for (const customerId of customerIds) expect(northCustomerIds).toContain(customerId);
      expect(seen.conversations.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(foreign.conversationId);
    });
  });

  describe("another customer's ids in the same pharmacy", () => {
    const cases: IdArgumentCase[] = [
      {
        what: 'conversation',
        argument: 'conversation(id)',
        viewers: ['customer'],
        query: OPERATIONS.conversation,
        variables: (id) => ({ id }),
        hiddenId: () => otherCustomerConversationId,
      },
      {
        what: 'conversation',
        argument: 'sendMessage(input.conversationId)',
        viewers: ['customer'],
        query: OPERATIONS.sendMessage,
        variables: (conversationId) => ({ conversationId, clientMessageId: nextClientMessageId() }),
        hiddenId: () => otherCustomerConversationId,
      },
      {
        what: 'message',
        argument: "sendMessage(input.replyToId) in the customer's own conversation",
        viewers: ['customer'],
        query: OPERATIONS.sendMessage,
        variables: (replyToId) => ({ conversationId: own.conversationId, replyToId, clientMessageId: nextClientMessageId() }),
        hiddenId: () => otherCustomerMessageId,
      },
      {
        what: 'conversation',
        argument: 'markConversationRead(input.conversationId)',
        viewers: ['customer'],
        query: OPERATIONS.markConversationRead,
        variables: (conversationId) => ({ conversationId }),
        hiddenId: () => otherCustomerConversationId,
      },
      {
        what: 'message',
        argument: 'addReaction(messageId)',
        viewers: ['customer'],
        query: OPERATIONS.addReaction,
        variables: (messageId) => ({ messageId }),
        hiddenId: () => otherCustomerMessageId,
      },
      {
        what: 'message',
        argument: 'removeReaction(messageId)',
        viewers: ['customer'],
        query: OPERATIONS.removeReaction,
        variables: (messageId) => ({ messageId }),
        hiddenId: () => otherCustomerMessageId,
      },
      {
        what: 'message',
        argument: 'editMessage(input.messageId)',
        viewers: ['customer'],
        query: OPERATIONS.editMessage,
        variables: (messageId) => ({ messageId }),
        hiddenId: () => otherCustomerMessageId,
      },
      {
        what: 'message',
        argument: 'deleteMessage(messageId)',
        viewers: ['customer'],
        query: OPERATIONS.deleteMessage,
        variables: (messageId) => ({ messageId }),
        hiddenId: () => otherCustomerMessageId,
      },
    ];

    it.each(cases.map((testCase) => [`${testCase.what} in ${testCase.argument}`, testCase] as const))(
      "returns NOT_FOUND to a customer for another customer's %s, exactly as for an unknown id",
      async (_title, testCase) => {
        await expectSameAsUnknownId(testCase, north.tokens.customer);
      },
    );

    it("returns an empty list when a customer filters conversations by another customer of the pharmacy", async () => {
      const hidden = await gateway.graphql(OPERATIONS.conversationsOfCustomer, { customerId: north.customers[1].id }, north.tokens.customer);
      expect(hidden.errors).toBeUndefined();
      expect(hidden.data.conversations).toEqual({ totalCount: 0, edges: [] });
    });

    it("lists none of another customer's conversations to a customer", async () => {
      const seen = await succeed(OPERATIONS.allConversations, {}, north.tokens.customer);
      const customerIds = seen.conversations.edges.map((edge: { node: { customer: { id: string } } }) => edge.node.customer.id);
      expect(customerIds.length).toBeGreaterThan(0);
      expect(new Set(customerIds)).toEqual(new Set([north.customers[0].id]));
    });
  });

  // Runs last (Jest keeps the order within a file): every refused call above must have written nothing.
  it('leaves every table exactly as it was after all those calls', async () => {
    expect(await snapshotDatabase()).toEqual(databaseBefore);
  });
});
