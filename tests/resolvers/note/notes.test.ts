import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiKeyScope } from '../../../entities/api-key.entity.js';
import { apiKeyWith, createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/** Written only in notes: wherever a customer reads, it must not turn up. */
const CANARY = 'Quokkacanary';

const WRITE_NOTE = `mutation ($input: WriteNoteInput!) { writeNote(input: $input) { id kind visibility body sequence sender { __typename } } }`;
const EVENTS = `subscription ($id: ID!, $after: Int) { conversationEvents(conversationId: $id, afterSequence: $after) { kind message { sequence kind body } } }`;
const INBOX = `subscription { inboxEvents { id unreadCount lastMessage { body kind } } }`;
const THREAD = `query ($id: ID!) { conversation(id: $id) { unreadCount lastMessage { body } messages(last: 50) { edges { node { kind body } } } } }`;

describe('internal notes', () => {
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
    gateway.graphql(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, { input: { conversationId, body, clientMessageId: nextClientMessageId() } }, token);
  const writeNote = (token: string, conversationId: string, body: string, clientMessageId = nextClientMessageId()) =>
    gateway.graphql(WRITE_NOTE, { input: { conversationId, body, clientMessageId } }, token);

  beforeAll(async () => {
    gateway = await startTestGateway();
    north = await createPharmacy(gateway.dataSource, gateway.tokens, 'north-notes');
  });
  afterEach(async () => {
    await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
  });
  afterAll(() => gateway.dispose());

  it('writes a note as a TEAM message of kind NOTE, once per client message id', async () => {
    const conversationId = await startThread('Note');
    const clientMessageId = nextClientMessageId();
    const first = await writeNote(north.tokens.pharmacist, conversationId, 'Checked stock', clientMessageId);
    expect(first.data.writeNote).toMatchObject({ kind: 'NOTE', visibility: 'TEAM', body: 'Checked stock', sender: { __typename: 'StaffMember' } });
    const retry = await writeNote(north.tokens.pharmacist, conversationId, 'Checked stock', clientMessageId);
    expect(retry.data.writeNote.id).toBe(first.data.writeNote.id);
  });

  it('is for staff: a customer and a key are FORBIDDEN, an empty note is BAD_USER_INPUT', async () => {
    const conversationId = await startThread('Who writes');
    expect((await writeNote(north.tokens.customer, conversationId, 'x')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await writeNote(north.tokens.partnerWrite, conversationId, 'x')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await writeNote(north.tokens.pharmacist, conversationId, '   ')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('never lets a note’s words reach the customer: queries, unread count, search, live events, inbox feed', async () => {
    const conversationId = await startThread('Canary');
    await send(north.tokens.customer, conversationId, 'When can I pick up?');
    const customerEvents = connect(north.tokens.customer).subscribe(EVENTS, { id: conversationId, after: 0 });
    const customerInbox = connect(north.tokens.customer).subscribe(INBOX);
    const staffEvents = connect(north.tokens.pharmacist).subscribe(EVENTS, { id: conversationId, after: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect((await writeNote(north.tokens.pharmacist, conversationId, `${CANARY} — call the GP first`)).errors).toBeUndefined();
    await send(north.tokens.pharmacist, conversationId, 'This afternoon.');

    expect((await staffEvents.next()).data.conversationEvents.message).toMatchObject({ kind: 'NOTE', body: `${CANARY} — call the GP first` });
    const customerSaw: unknown[] = [];
    customerSaw.push((await customerEvents.next()).data, (await customerEvents.next()).data);
    await customerEvents.expectNothing(200);
    while (customerInbox.pending > 0) customerSaw.push((await customerInbox.next()).data);
    customerSaw.push(await gateway.graphql(THREAD, { id: conversationId }, north.tokens.customer));
    customerSaw.push(await gateway.graphql(`{ conversations(first: 50) { edges { node { lastMessage { body } unreadCount } } } }`, {}, north.tokens.customer));
    customerSaw.push(await gateway.graphql(`query ($q: String!) { searchMessages(query: $q) { edges { node { message { body } } } } }`, { q: CANARY }, north.tokens.customer));
    expect(JSON.stringify(customerSaw)).not.toContain(CANARY);
    const thread = await gateway.graphql(THREAD, { id: conversationId }, north.tokens.customer);
    expect(thread.data.conversation.unreadCount).toBe(1);
    expect(thread.data.conversation.messages.edges.map((edge: any) => edge.node.kind)).toEqual(['TEXT', 'TEXT']);
  });

  it('shows notes to keys with notes:read only', async () => {
    const conversationId = await startThread('Keys');
    await writeNote(north.tokens.pharmacist, conversationId, `${CANARY} for keys`);
    const withNotes = await apiKeyWith(gateway.dataSource, north.organization.id, [ApiKeyScope.CONVERSATIONS_READ, ApiKeyScope.NOTES_READ]);
    const without = await gateway.graphql(THREAD, { id: conversationId }, north.tokens.partnerRead);
    expect(JSON.stringify(without.data)).not.toContain(CANARY);
    expect(without.data.conversation.messages.edges).toEqual([]);
    const withScope = await gateway.graphql(THREAD, { id: conversationId }, withNotes);
    expect(withScope.data.conversation.messages.edges).toEqual([{ node: { kind: 'NOTE', body: `${CANARY} for keys` } }]);
    // Pointing a webhook endpoint at notes needs notes:read too.
    const hooks = await apiKeyWith(gateway.dataSource, north.organization.id, [ApiKeyScope.WEBHOOKS_MANAGE]);
    const refused = await gateway.graphql(
      `mutation { createWebhookEndpoint(input: { url: "https://example.com/notes", events: [MESSAGE_CREATED], audience: TEAM }) { endpoint { id } } }`,
      {},
      hooks,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives a mentioned colleague a badge until they read the conversation', async () => {
    const conversationId = await startThread('Mention');
    const name = north.pharmacist.name.split(' ')[0];
    const note = await writeNote(north.tokens.admin, conversationId, `@${name} can you check the dosage?`);
    const mentions = `{ myMentions { id conversationId conversation { id } message { id body } } }`;
    const before = await gateway.graphql(mentions, {}, north.tokens.pharmacist);
    expect(before.data.myMentions).toEqual([
      expect.objectContaining({ conversationId, message: { id: note.data.writeNote.id, body: `@${name} can you check the dosage?` } }),
    ]);
    expect((await gateway.graphql(mentions, {}, north.tokens.admin)).data.myMentions).toEqual([]);
    await gateway.graphql(`mutation ($id: ID!) { markConversationRead(input: { conversationId: $id }) { id } }`, { id: conversationId }, north.tokens.pharmacist);
    expect((await gateway.graphql(mentions, {}, north.tokens.pharmacist)).data.myMentions).toEqual([]);
  });
});
