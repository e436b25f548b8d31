import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { openProtocolSocket } from '../../support/protocol-socket.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const EVENTS = `subscription ($id: ID!, $after: Int) { conversationEvents(conversationId: $id, afterSequence: $after) { kind message { sequence body } } }`;
const INBOX = `subscription { inboxEvents { id lastMessage { body } } }`;

describe('read audit over a socket', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;

  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'socket-reads');
  });
  afterAll(() => gateway.dispose());

  const readsOf = async (conversationId: string, actorId: string): Promise<number> =>
    Number(
      (
        await gateway.dataSource.query(`SELECT count(*) AS reads FROM audit_event WHERE action = 'MESSAGES_READ' AND object_id = $1 AND actor_id = $2`, [
          conversationId,
          actorId,
        ])
      )[0].reads,
    );

  it('records one read per socket and conversation, however many subscriptions and events read it', async () => {
    const conversationId = (await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, pharmacy.tokens.customer)).data.startConversation.id;
    const send = (body: string) =>
      gateway.graphql(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, { input: { conversationId, body, clientMessageId: nextClientMessageId() } }, pharmacy.tokens.customer);
    await send('First');
    const socket = openProtocolSocket(gateway.wsUrl, pharmacy.tokens.pharmacist);
    await socket.acknowledged;
    // Three subscriptions that read the conversation, one after another and side by side, and three events.
    socket.subscribe('1', EVENTS, { id: conversationId, after: 0 });
    await socket.waitFor('the replay', () => socket.messagesOf('1').length === 1);
    socket.complete('1');
    socket.subscribe('2', EVENTS, { id: conversationId, after: 1 });
    socket.subscribe('3', INBOX);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await send('Second');
    await send('Third');
    await socket.waitFor('both messages and inbox rows', () => socket.messagesOf('2').length === 2 && socket.messagesOf('3').length === 2);
    await socket.close();
    // A second socket is a new reader.
    const later = openProtocolSocket(gateway.wsUrl, pharmacy.tokens.pharmacist);
    await later.acknowledged;
    later.subscribe('1', EVENTS, { id: conversationId, after: 2 });
    await later.waitFor('the replay', () => later.messagesOf('1').length === 1);
    await later.close();
    const deadline = Date.now() + 5000;
    while ((await readsOf(conversationId, pharmacy.pharmacist.id)) < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    // Nothing more arrives later either.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await readsOf(conversationId, pharmacy.pharmacist.id)).toBe(2);
  });
});
