import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildSchema, getNamedType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

/** A type carries message text when it has a field by one of these names (Message.body, SnippetPart.text, MessageSearchHit.snippet). */
const TEXT_FIELD_NAMES = new Set(['body', 'text', 'snippet']);

/** What the setup leaves for the operations to read. */
interface Ids {
  conversationId: string;
  customerId: string;
  question: string;
  ownReply: string;
  toDelete: string;
}

type Viewer = 'pharmacist' | 'admin';

/** One way to reach a field: an operation, who runs it, and for subscriptions what makes an event arrive. */
interface Reach {
  viewer: Viewer;
  operation: string;
  variables?: (ids: Ids) => Record<string, unknown>;
  /** Runs over graphql-ws; `event` makes the subscription receive something. */
  socket?: { event?: (ids: Ids) => Promise<unknown> };
}

/**
 * How to make each field that returns message text run, found by the walk below. A field the
 * walk finds without an entry here fails the test: say how to reach it (and it must record a
 * read), or, for an opaque JSON field, why it holds no message text.
 */
const REACH: Record<string, Reach[] | { noMessageText: string } | { reachedIn: string }> = {
  'Conversation.lastMessage': [
    { viewer: 'pharmacist', operation: `query ($id: ID!) { conversation(id: $id) { lastMessage { id } } }`, variables: ({ conversationId }) => ({ id: conversationId }) },
    { viewer: 'pharmacist', operation: `subscription { inboxEvents { id lastMessage { id } } }`, socket: { event: ({ conversationId }) => customerSends(conversationId, 'Inbox event') } },
  ],
  'ConversationEvent.message': [
    {
      viewer: 'pharmacist',
      operation: `subscription ($id: ID!) { conversationEvents(conversationId: $id, afterSequence: 0) { message { id } } }`,
      variables: ({ conversationId }) => ({ id: conversationId }),
      socket: {},
    },
  ],
  'Message.replyTo': [
    { viewer: 'pharmacist', operation: `query ($id: ID!) { conversation(id: $id) { messages { edges { node { replyTo { id } } } } } }`, variables: ({ conversationId }) => ({ id: conversationId }) },
  ],
  'MessageEdge.node': [
    { viewer: 'pharmacist', operation: `query ($id: ID!) { conversation(id: $id) { messages(last: 1) { edges { node { id } } } } }`, variables: ({ conversationId }) => ({ id: conversationId }) },
  ],
  'MessageSearchHitEdge.node': [{ viewer: 'pharmacist', operation: `{ searchMessages(query: "insulin") { edges { node { rank } } } }` }],
  'MessageSearchHit.message': [{ viewer: 'pharmacist', operation: `{ searchMessages(query: "insulin") { edges { node { message { id } } } } }` }],
  'MessageSearchHit.snippet': [{ viewer: 'pharmacist', operation: `{ searchMessages(query: "insulin") { edges { node { snippet { text } } } } }` }],
  'Mutation.sendMessage': [
    {
      viewer: 'pharmacist',
      operation: `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
      variables: ({ conversationId }) => ({ input: { conversationId, body: 'Another reply', clientMessageId: nextClientMessageId() } }),
    },
  ],
  'Mutation.editMessage': [
    { viewer: 'pharmacist', operation: `mutation ($id: ID!) { editMessage(input: { messageId: $id, body: "Edited reply" }) { id } }`, variables: ({ ownReply }) => ({ id: ownReply }) },
  ],
  'Mutation.deleteMessage': [{ viewer: 'pharmacist', operation: `mutation ($id: ID!) { deleteMessage(messageId: $id) { id } }`, variables: ({ toDelete }) => ({ id: toDelete }) }],
  'Mutation.addReaction': [{ viewer: 'pharmacist', operation: `mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👍") { id } }`, variables: ({ question }) => ({ id: question }) }],
  'Mutation.removeReaction': [{ viewer: 'pharmacist', operation: `mutation ($id: ID!) { removeReaction(messageId: $id, emoji: "👍") { id } }`, variables: ({ question }) => ({ id: question }) }],
  'Mutation.writeNote': [
    {
      viewer: 'pharmacist',
      operation: `mutation ($input: WriteNoteInput!) { writeNote(input: $input) { id } }`,
      variables: ({ conversationId }) => ({ input: { conversationId, body: 'Checked with the GP', clientMessageId: nextClientMessageId() } }),
    },
  ],
  // The admin's note in the setup names the pharmacist.
  'NoteMention.message': [{ viewer: 'pharmacist', operation: `{ myMentions { message { id } } }` }],
  'WebhookEvent.data': [{ viewer: 'admin', operation: `{ webhookDeliveries(first: 50) { edges { node { event { data } } } } }` }],
  'CustomerDataExport.data': [{ viewer: 'admin', operation: `mutation ($id: ID!) { exportCustomerData(customerId: $id) { data } }`, variables: ({ customerId }) => ({ id: customerId }) }],
  'AuditEvent.details': { noMessageText: 'ids and states only: the audit log (AuditEntry) never takes message text' },
  // A pharmacy's canned answers (issue 19), written by its staff, not a message of any conversation.
  'Query.savedReplies': { noMessageText: 'saved replies are the pharmacy’s templates, in no conversation' },
  'Mutation.createSavedReply': { noMessageText: 'saved replies are the pharmacy’s templates, in no conversation' },
  'Mutation.updateSavedReply': { noMessageText: 'saved replies are the pharmacy’s templates, in no conversation' },
  'Mutation.deleteSavedReply': { noMessageText: 'saved replies are the pharmacy’s templates, in no conversation' },
  // Needs a WhatsApp connection and the provider's fake: the read is checked where those are.
  'Mutation.sendWhatsAppTemplate': { reachedIn: 'tests/resolvers/channel/whatsapp-channel.test.ts (24-hour window)' },
};

/** Every field whose type carries message text, and every opaque JSON field, as `Type.field`. */
function fieldsReturningMessageText(schema: GraphQLSchema): string[] {
  const objectTypes = Object.values(schema.getTypeMap()).filter(isObjectType).filter((type) => !type.name.startsWith('__'));
  const textTypes = new Set(objectTypes.filter((type) => Object.keys(type.getFields()).some((name) => TEXT_FIELD_NAMES.has(name))).map((type) => type.name));
  return objectTypes.flatMap((type) =>
    Object.values(type.getFields())
      .filter((field) => {
        const named = getNamedType(field.type);
        return textTypes.has(named.name) || (isScalarType(named) && named.name.startsWith('JSON'));
      })
      .map((field) => `${type.name}.${field.name}`),
  );
}

let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let ids: Ids;

async function run(operation: string, variables: Record<string, unknown>, token: string) {
  const response = await gateway.graphql(operation, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data;
}

const customerSends = (conversationId: string, body: string, replyToId?: string) =>
  run(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, { input: { conversationId, body, replyToId, clientMessageId: nextClientMessageId() } }, pharmacy.tokens.customer);

async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function readsOf(conversationId: string, actorId: string): Promise<number> {
  const [row] = await gateway.dataSource.query(`SELECT count(*) AS reads FROM audit_event WHERE action = 'MESSAGES_READ' AND object_id = $1 AND actor_id = $2`, [conversationId, actorId]);
  return Number(row.reads);
}

beforeAll(async () => {
  gateway = await startTestGateway({ config: withoutBackgroundWork });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'read-coverage');
  // Before the messages, so that their webhook events are kept with deliveries to read.
  await run(`mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hook", events: [MESSAGE_CREATED] }) { secret } }`, {}, pharmacy.tokens.admin);
  const conversationId = (await run(`mutation { startConversation(input: {}) { id } }`, {}, pharmacy.tokens.customer)).startConversation.id;
  const question = (await customerSends(conversationId, 'Can I take ibuprofen with my insulin?')).sendMessage.id;
  const reply = async (body: string) =>
    (await run(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, { input: { conversationId, body, replyToId: question, clientMessageId: nextClientMessageId() } }, pharmacy.tokens.pharmacist)).sendMessage.id;
  ids = { conversationId, customerId: pharmacy.customers[0].id, question, ownReply: await reply('Yes, that is fine.'), toDelete: await reply('Sent by mistake') };
  await run(
    `mutation ($input: WriteNoteInput!) { writeNote(input: $input) { id } }`,
    { input: { conversationId, body: `@${pharmacy.pharmacist.name} please check the dosage`, clientMessageId: nextClientMessageId() } },
    pharmacy.tokens.admin,
  );
  // The two replies are reads too, written just after their responses: counts start after them.
  await waitFor('the setup to be audited', async () => (await readsOf(conversationId, pharmacy.pharmacist.id)) === 2, 2000).catch(() => {});
});
afterAll(() => gateway.dispose());

describe('the read audit covers every field that returns message text', () => {
  const schema = buildSchema(readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8'));
  const found = fieldsReturningMessageText(schema);

  it('finds those fields in the schema, each with a way to reach it', () => {
    expect(found).toEqual(expect.arrayContaining(['Conversation.lastMessage', 'MessageSearchHit.snippet', 'Message.replyTo']));
    expect(found.filter((field) => !(field in REACH))).toEqual([]);
    // A stale entry means the walk no longer finds that field: check the walk, not just the list.
    expect(Object.keys(REACH).filter((field) => !found.includes(field))).toEqual([]);
  });

  for (const field of found) {
    const reach = REACH[field];
    if (!reach || !Array.isArray(reach)) continue;
    for (const [index, way] of reach.entries()) {
      it(`records a read of the conversation for ${field}${reach.length > 1 ? ` (${way.socket ? 'over a socket' : 'over HTTP'})` : ''}`, async () => {
        const token = pharmacy.tokens[way.viewer];
        const actorId = pharmacy[way.viewer].id;
        const before = await readsOf(ids.conversationId, actorId);
        const variables = way.variables?.(ids) ?? {};
        if (way.socket) {
          const listeners = gateway.realtime.bus.listenerCount;
          const subscriber = connectSubscriber(gateway.wsUrl, token);
          try {
            const events = subscriber.subscribe(way.operation, variables);
            // Listening before the event is made; a replay (afterSequence) needs no event.
            if (way.socket.event) {
              await waitFor('the subscription to listen', async () => gateway.realtime.bus.listenerCount > listeners);
              await way.socket.event(ids);
            }
            const event = await events.next();
            expect(event.errors).toBeUndefined();
          } finally {
            await subscriber.dispose();
          }
        } else {
          await run(way.operation, variables, token);
        }
        // Reads are written just after the response; a missing one fails below, after the wait.
        await waitFor('the read', async () => (await readsOf(ids.conversationId, actorId)) > before).catch(() => {});
        expect({ field, way: index, reads: (await readsOf(ids.conversationId, actorId)) - before }).toEqual({ field, way: index, reads: 1 });
      });
    }
  }
});
