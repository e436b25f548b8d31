import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { OutboxEventConversation1763830200000 } from '../../../entities/migrations/1763830200000-outbox-event-conversation.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

let gateway: TestGateway;
let pharmacy: PharmacyFixture;

beforeAll(async () => {
  gateway = await startTestGateway({ config: withoutBackgroundWork });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'outbox-conversation');
  const endpoint = await gateway.graphql(
    `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hooks", events: [CONVERSATION_CREATED, MESSAGE_CREATED, CONVERSATION_STATUS_CHANGED] }) { endpoint { id } } }`,
    {},
    pharmacy.tokens.admin,
  );
  expect(endpoint.errors).toBeUndefined();
});

afterAll(() => gateway?.dispose());

async function startConversationWithEvents(): Promise<string> {
  const started = await gateway.graphql(`mutation { startConversation(input: { subject: "Refill" }) { id } }`, {}, pharmacy.tokens.customer);
  const id: string = started.data.startConversation.id;
  const sent = await gateway.graphql(
    `mutation ($id: ID!, $c: String!) { sendMessage(input: { conversationId: $id, body: "Refill please", clientMessageId: $c }) { id } }`,
    { id, c: nextClientMessageId() },
    pharmacy.tokens.customer,
  );
  expect(sent.errors).toBeUndefined();
  const resolved = await gateway.graphql(`mutation ($id: ID!) { setConversationStatus(input: { conversationId: $id, status: RESOLVED }) { id } }`, { id }, pharmacy.tokens.pharmacist);
  expect(resolved.errors).toBeUndefined();
  return id;
}

const eventsByConversation = async () =>
  (await gateway.dataSource.query(`SELECT type, conversation_id FROM outbox_event WHERE organization_id = $1 ORDER BY type, conversation_id`, [pharmacy.organization.id])) as {
    type: string;
    conversation_id: string;
  }[];

it('gives each existing webhook event the conversation its payload names', async () => {
  const conversations = [await startConversationWithEvents(), await startConversationWithEvents()];
  const written = await eventsByConversation();
  for (const id of conversations) {
    const types = written.filter((event) => event.conversation_id === id).map((event) => event.type);
    expect(new Set(types)).toEqual(new Set(['conversation.created', 'message.created', 'conversation.status_changed']));
  }
  expect(written.every((event) => conversations.includes(event.conversation_id))).toBe(true);

  const migration = new OutboxEventConversation1763830200000();
  const runner = gateway.dataSource.createQueryRunner();
  try {
    await migration.down(runner);
    await migration.up(runner);
  } finally {
    await runner.release();
  }
  expect(await eventsByConversation()).toEqual(written);
});
