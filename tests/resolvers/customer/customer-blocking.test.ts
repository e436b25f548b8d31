import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const BLOCK = `mutation ($id: ID!) { blockCustomer(customerId: $id) { id blockedAt } }`;
const UNBLOCK = `mutation ($id: ID!) { unblockCustomer(customerId: $id) { id blockedAt } }`;

/** The socket's close code, or 'open' if the server has not closed it within 5 s. */
async function closedOrOpen(socket: TestSubscriber): Promise<number | 'open'> {
  let timer: NodeJS.Timeout | undefined;
  const stillOpen = new Promise<'open'>((resolve) => (timer = setTimeout(() => resolve('open'), 5000)));
  try {
    return await Promise.race([socket.closed, stillOpen]);
  } finally {
    clearTimeout(timer);
  }
}

describe('blocking a customer', () => {
  let gateway: TestGateway;
  let north: PharmacyFixture;
  let south: PharmacyFixture;
  const subscribers: TestSubscriber[] = [];

  beforeAll(async () => {
    gateway = await startTestGateway();
    north = await createPharmacy(gateway.dataSource, gateway.tokens, 'north-block');
    south = await createPharmacy(gateway.dataSource, gateway.tokens, 'south-block');
  });
  afterEach(async () => {
    await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
  });
  afterAll(() => gateway.dispose());

  it('closes the customer’s open socket and refuses their token over HTTP, deleting nothing', async () => {
    const customer = north.customers[0];
    const conversationId = (await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, north.tokens.customer)).data.startConversation.id;
    await gateway.graphql(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, { input: { conversationId, body: 'Abusive words', clientMessageId: nextClientMessageId() } }, north.tokens.customer);
    const socket = connectSubscriber(gateway.wsUrl, north.tokens.customer);
    subscribers.push(socket);
    socket.subscribe(`subscription { inboxEvents { id } }`);
    await socket.connected;

    const blocked = await gateway.graphql(BLOCK, { id: customer.id }, north.tokens.pharmacist);
    expect(blocked.errors).toBeUndefined();
    expect(blocked.data.blockCustomer.blockedAt).toEqual(expect.any(String));
    expect(await closedOrOpen(socket)).toBe(4403);

    const refused = await gateway.graphql(`{ conversations(first: 1) { edges { node { id } } } }`, {}, north.tokens.customer);
    expect(refused.errors?.[0]).toMatchObject({ message: 'This chat is not available.', extensions: { code: 'UNAUTHENTICATED' } });
    // A new link does not help while blocked.
    const fresh = (await gateway.tokens.issueChatToken({ organizationId: north.organization.id, customerId: customer.id })).token;
    expect((await gateway.graphql(`{ conversations(first: 1) { edges { node { id } } } }`, {}, fresh)).errors?.[0]?.message).toBe('This chat is not available.');
    // Nothing is deleted: staff still read the thread.
    const thread = await gateway.graphql(`query ($id: ID!) { conversation(id: $id) { messages { edges { node { body } } } } }`, { id: conversationId }, north.tokens.pharmacist);
    expect(thread.data.conversation.messages.edges.map((edge: any) => edge.node.body)).toEqual(['Abusive words']);
    const [audit] = await gateway.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'CUSTOMER_BLOCKED' AND object_id = $1`, [customer.id]);
    expect(audit.n).toBe(1);
  });

  it('closes a socket whose chat token was still being checked when the customer was blocked', async () => {
    const east = await createPharmacy(gateway.dataSource, gateway.tokens, 'east-block');
    // Hold the socket after its token passed the check, before it starts watching for revocations:
    // the moment a block used to slip through, leaving the socket open until the token expired.
    const presence = gateway.realtime.presence;
    const connect = presence.connect.bind(presence);
    let checked!: () => void;
    const tokenChecked = new Promise<void>((resolve) => (checked = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    presence.connect = async (...args) => {
      checked();
      await released;
      return connect(...args);
    };
    try {
      const socket = connectSubscriber(gateway.wsUrl, east.tokens.customer);
      subscribers.push(socket);
      await tokenChecked;
      expect((await gateway.graphql(BLOCK, { id: east.customers[0].id }, east.tokens.pharmacist)).errors).toBeUndefined();
      release();
      expect(await closedOrOpen(socket)).toBe(4403);
    } finally {
      presence.connect = connect;
    }
  });

  it('lets new links work again once unblocked, while old tokens stay revoked', async () => {
    const customer = north.customers[0];
    const old = north.tokens.customer;
    const unblocked = await gateway.graphql(UNBLOCK, { id: customer.id }, north.tokens.pharmacist);
    expect(unblocked.data.unblockCustomer.blockedAt).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1100)); // tokens carry whole-second issue times
    const fresh = (await gateway.tokens.issueChatToken({ organizationId: north.organization.id, customerId: customer.id })).token;
    expect((await gateway.graphql(`{ conversations(first: 1) { edges { node { id } } } }`, {}, fresh)).errors).toBeUndefined();
    expect((await gateway.graphql(`{ conversations(first: 1) { edges { node { id } } } }`, {}, old)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is for the pharmacy only: NOT_FOUND for another pharmacy’s customer, FORBIDDEN for customers and read-only keys; staff only see blockedAt', async () => {
    expect((await gateway.graphql(BLOCK, { id: south.customers[0].id }, north.tokens.pharmacist)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gateway.graphql(BLOCK, { id: north.customers[1].id }, north.tokens.otherCustomer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gateway.graphql(BLOCK, { id: north.customers[1].id }, north.tokens.partnerRead)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await gateway.graphql(BLOCK, { id: north.customers[1].id }, north.tokens.partnerWrite);
    const asKey = await gateway.graphql(`query ($id: ID!) { customer(id: $id) { blockedAt } }`, { id: north.customers[1].id }, north.tokens.partnerWrite);
    expect(asKey.data.customer.blockedAt).toBeNull();
    const asStaff = await gateway.graphql(`query ($id: ID!) { customer(id: $id) { blockedAt } }`, { id: north.customers[1].id }, north.tokens.admin);
    expect(asStaff.data.customer.blockedAt).toEqual(expect.any(String));
  });
});
