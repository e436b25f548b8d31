import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const STATUS = `query ($id: ID!) { conversation(id: $id) { status messages(last: 50) { edges { node { kind body systemEvent { from to } } } } } }`;

describe('a PENDING thread (waiting on the customer)', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;

  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'pending-open');
  });
  afterAll(() => gateway.dispose());

  const send = (token: string, conversationId: string, body: string) =>
    gateway.graphql(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, { input: { conversationId, body, clientMessageId: nextClientMessageId() } }, token);
  const pendingThread = async () => {
    const conversationId = (await gateway.graphql(`mutation { startConversation(input: { subject: "Waiting" }) { id } }`, {}, pharmacy.tokens.customer)).data.startConversation.id;
    await gateway.graphql(`mutation ($id: ID!) { setConversationStatus(input: { conversationId: $id, status: PENDING }) { status } }`, { id: conversationId }, pharmacy.tokens.pharmacist);
    return conversationId as string;
  };

  it('moves back to OPEN when the customer writes, with a SYSTEM message saying so', async () => {
    const conversationId = await pendingThread();
    expect((await send(pharmacy.tokens.customer, conversationId, 'Here is my insurance number')).errors).toBeUndefined();
    const thread = await gateway.graphql(STATUS, { id: conversationId }, pharmacy.tokens.pharmacist);
    expect(thread.data.conversation.status).toBe('OPEN');
    const last = thread.data.conversation.messages.edges.map((edge: any) => edge.node).slice(-2);
    expect(last).toEqual([
      { kind: 'SYSTEM', body: 'The customer answered: back to open.', systemEvent: { from: 'PENDING', to: 'OPEN' } },
      { kind: 'TEXT', body: 'Here is my insurance number', systemEvent: null },
    ]);
    const open = await gateway.graphql(`{ conversations(first: 50, filter: { status: [OPEN] }) { edges { node { id } } } }`, {}, pharmacy.tokens.pharmacist);
    expect(open.data.conversations.edges.map((edge: any) => edge.node.id)).toContain(conversationId);
  });

  it('stays PENDING when staff or a partner write, or a note is added', async () => {
    const conversationId = await pendingThread();
    await send(pharmacy.tokens.pharmacist, conversationId, 'Still waiting for your number');
    await send(pharmacy.tokens.partnerWrite, conversationId, 'Reminder sent by SMS');
    await gateway.graphql(
      `mutation ($input: WriteNoteInput!) { writeNote(input: $input) { id } }`,
      { input: { conversationId, body: 'Called, no answer', clientMessageId: nextClientMessageId() } },
      pharmacy.tokens.pharmacist,
    );
    expect((await gateway.graphql(STATUS, { id: conversationId }, pharmacy.tokens.pharmacist)).data.conversation.status).toBe('PENDING');
  });
});
