import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ActorType } from '../../../entities/actor-type.js';
import { MessageKind, MessageVisibility } from '../../../entities/message.entity.js';
import { WebhookEventType } from '../../../entities/webhook-event-type.js';
import { ThreadService } from '../../../resolvers/thread/thread.service.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/** A word that only a team-only message holds: wherever a customer reads, it must not turn up. */
const CANARY = 'Zebracanary';

const EVENTS = `subscription ($id: ID!, $after: Int) {
  conversationEvents(conversationId: $id, afterSequence: $after) { kind message { sequence body visibility } }
}`;
const INBOX = `subscription { inboxEvents { id unreadCount lastMessage { body visibility } } }`;
const THREAD = `query ($id: ID!) {
  conversation(id: $id) { unreadCount lastMessage { body } messages(last: 50) { edges { node { body visibility } } } }
}`;

describe('what a customer sees of a thread (message-audience.ts)', () => {
  let gateway: TestGateway;
  let north: PharmacyFixture;
  const subscribers: TestSubscriber[] = [];
  const connect = (token: string) => {
    const subscriber = connectSubscriber(gateway.wsUrl, token);
    subscribers.push(subscriber);
    return subscriber;
  };
  const startThread = async (subject: string) =>
    (await gateway.graphql(`mutation ($s: String) { startConversation(input: { subject: $s }) { id } }`, { s: subject }, north.tokens.customer)).data
      .startConversation.id as string;
  const send = (token: string, conversationId: string, body: string) =>
    gateway.graphql(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id sequence } }`, { input: { conversationId, body, clientMessageId: nextClientMessageId() } }, token);

  /** A message for the team only, written the way the thread writes every message (lock, append, events after commit). */
  const appendTeamMessage = async (conversationId: string, body: string) => {
    const scope = gateway.ownerDatabase.scopeFor({ kind: 'staff', organizationId: north.organization.id, staffId: north.pharmacist.id, role: north.pharmacist.role });
    const thread = new ThreadService(scope, gateway.realtime.publisher);
    return scope.transaction(async (tx) => {
      const conversation = await thread.lock(tx, conversationId);
      return thread.append(tx, conversation, {
        kind: MessageKind.TEXT,
        sender: { type: ActorType.STAFF, id: north.pharmacist.id },
        body,
        clientMessageId: nextClientMessageId(),
        replyToId: null,
        visibility: MessageVisibility.TEAM,
      });
    });
  };

  beforeAll(async () => {
    gateway = await startTestGateway();
    north = await createPharmacy(gateway.dataSource, gateway.tokens, 'north-audience');
  });
  afterEach(async () => {
    await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
  });
  afterAll(() => gateway.dispose());

  it('leaves team-only messages out of a customer’s thread, preview and unread count, and keeps them for staff', async () => {
    const conversationId = await startThread('Audience');
    await send(north.tokens.customer, conversationId, 'Is my insulin ready?');
    await send(north.tokens.pharmacist, conversationId, 'Tomorrow morning.');
    await appendTeamMessage(conversationId, `${CANARY}: check the fridge first`);

    const customerView = await gateway.graphql(THREAD, { id: conversationId }, north.tokens.customer);
    expect(JSON.stringify(customerView)).not.toContain(CANARY);
    expect(customerView.data.conversation).toMatchObject({ unreadCount: 1, lastMessage: { body: 'Tomorrow morning.' } });
    expect(customerView.data.conversation.messages.edges.map((edge: any) => edge.node.body)).toEqual(['Is my insulin ready?', 'Tomorrow morning.']);

    const list = await gateway.graphql(`{ conversations(first: 20) { edges { node { id lastMessage { body } } } } }`, {}, north.tokens.customer);
    expect(JSON.stringify(list)).not.toContain(CANARY);
    expect(list.data.conversations.edges.find((edge: any) => edge.node.id === conversationId).node.lastMessage.body).toBe('Tomorrow morning.');

    const staffView = await gateway.graphql(THREAD, { id: conversationId }, north.tokens.pharmacist);
    expect(staffView.data.conversation.lastMessage.body).toContain(CANARY);
    expect(staffView.data.conversation.messages.edges.at(-1).node).toEqual({ body: `${CANARY}: check the fridge first`, visibility: 'TEAM' });
  });

  it('does not count a team-only message as unread for the customer, nor list it under unreadOnly', async () => {
    const conversationId = await startThread('Unread');
    await send(north.tokens.customer, conversationId, 'Hello');
    await appendTeamMessage(conversationId, `${CANARY} only`);
    const customerView = await gateway.graphql(
      `{ conversations(first: 50, filter: { unreadOnly: true }) { edges { node { id unreadCount } } } }`,
      {},
      north.tokens.customer,
    );
    expect(customerView.data.conversations.edges.map((edge: any) => edge.node.id)).not.toContain(conversationId);
  });

  it('never sends a team-only message to a customer’s live events, replay or inbox feed', async () => {
    const conversationId = await startThread('Live');
    await send(north.tokens.customer, conversationId, 'First');
    const customerEvents = connect(north.tokens.customer).subscribe(EVENTS, { id: conversationId, after: 1 });
    const staffEvents = connect(north.tokens.pharmacist).subscribe(EVENTS, { id: conversationId, after: 1 });
    const customerInbox = connect(north.tokens.customer).subscribe(INBOX);
    await new Promise((resolve) => setTimeout(resolve, 100));

    await appendTeamMessage(conversationId, `${CANARY} live`);
    await send(north.tokens.pharmacist, conversationId, 'Visible reply');

    expect((await staffEvents.next()).data.conversationEvents.message).toMatchObject({ sequence: 2, body: `${CANARY} live`, visibility: 'TEAM' });
    expect((await staffEvents.next()).data.conversationEvents.message).toMatchObject({ sequence: 3, body: 'Visible reply' });
    expect((await customerEvents.next()).data.conversationEvents.message).toMatchObject({ sequence: 3, body: 'Visible reply', visibility: 'EVERYONE' });
    await customerEvents.expectNothing(200);

    // Whatever the inbox feed says after the team message, its preview is never that message.
    const inboxSeen: unknown[] = [];
    while (customerInbox.pending > 0) inboxSeen.push((await customerInbox.next()).data);
    expect(inboxSeen.length).toBeGreaterThan(0);
    expect(JSON.stringify(inboxSeen)).not.toContain(CANARY);

    // A reconnecting customer replays from the start: the team message is not among them.
    const replay = connect(north.tokens.customer).subscribe(EVENTS, { id: conversationId, after: 0 });
    expect((await replay.next()).data.conversationEvents.message.sequence).toBe(1);
    expect((await replay.next()).data.conversationEvents.message.sequence).toBe(3);
    await replay.expectNothing(200);
  });

  it('finds team-only words for staff but not for the customer', async () => {
    const conversationId = await startThread('Search');
    await appendTeamMessage(conversationId, `${CANARY} searchable`);
    const search = `query ($q: String!) { searchMessages(query: $q) { edges { node { message { body } } } } }`;
    const forCustomer = await gateway.graphql(search, { q: CANARY }, north.tokens.customer);
    expect(forCustomer.errors).toBeUndefined();
    expect(forCustomer.data.searchMessages.edges).toEqual([]);
    const forStaff = await gateway.graphql(search, { q: CANARY }, north.tokens.pharmacist);
    expect(forStaff.data.searchMessages.edges.length).toBeGreaterThan(0);
  });

  it('leaves team-only messages out of the data export made for the customer', async () => {
    const conversationId = await startThread('Export');
    await send(north.tokens.customer, conversationId, 'Please export my data');
    await appendTeamMessage(conversationId, `${CANARY} export`);
    const exported = await gateway.graphql(`mutation ($id: ID!) { exportCustomerData(customerId: $id) { data } }`, { id: north.customers[0].id }, north.tokens.admin);
    expect(exported.errors).toBeUndefined();
    expect(JSON.stringify(exported.data)).toContain('Please export my data');
    expect(JSON.stringify(exported.data)).not.toContain(CANARY);
  });

  it('queues team-only messages for team endpoints only, and customer-visible ones for both', async () => {
    const create = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id audience } } }`;
    const forCustomers = await gateway.graphql(create, { input: { url: 'http://127.0.0.1:9/customers', events: ['MESSAGE_CREATED'] } }, north.tokens.admin);
    const forTeam = await gateway.graphql(create, { input: { url: 'http://127.0.0.1:9/team', events: ['MESSAGE_CREATED'], audience: 'TEAM' } }, north.tokens.admin);
    expect(forCustomers.data.createWebhookEndpoint.endpoint.audience).toBe('CUSTOMER');
    expect(forTeam.data.createWebhookEndpoint.endpoint.audience).toBe('TEAM');
    const conversationId = await startThread('Webhooks');
    await send(north.tokens.customer, conversationId, 'Visible to all');
    const team = await appendTeamMessage(conversationId, `${CANARY} hook`);

    const queued = async (endpointId: string) =>
      (
        await gateway.dataSource.query(
          `SELECT e.payload FROM webhook_delivery d JOIN outbox_event e ON e.id = d.event_id WHERE d.endpoint_id = $1 AND e.type = $2 AND e.conversation_id = $3`,
          [endpointId, WebhookEventType.MESSAGE_CREATED, conversationId],
        )
      ).map((row: { payload: { message: { id: string; body: string } } }) => row.payload.message);
    const customerQueue = await queued(forCustomers.data.createWebhookEndpoint.endpoint.id);
    const teamQueue = await queued(forTeam.data.createWebhookEndpoint.endpoint.id);
    expect(customerQueue.map((message: { body: string }) => message.body)).toEqual(['Visible to all']);
    expect(teamQueue.map((message: { id: string }) => message.id)).toContain(team.id);
  });
});
