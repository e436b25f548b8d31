import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { DEFAULT_REALTIME_LIMITS, RealtimeCloseCode } from '../../../../gateway/server/websocket/realtime-limits.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../../support/fixtures.js';
import { openProtocolSocket, type ProtocolSocket } from '../../../support/protocol-socket.js';
import { startTestGateway, testRedisUrl, type TestGateway } from '../../../support/test-gateway.js';

const EVENTS = `subscription ($id: ID!, $after: Int) { conversationEvents(conversationId: $id, afterSequence: $after) { kind message { sequence body } } }`;
const TYPING = `subscription ($id: ID!) { typing(conversationId: $id) { typing } }`;
const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;

describe('realtime limits', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  const sockets: ProtocolSocket[] = [];
  const open = (token: string, instance = gateway) => {
    const socket = openProtocolSocket(instance.wsUrl, token);
    sockets.push(socket);
    return socket;
  };
  /** A client's reconnect: the server releases a closed socket's place a moment after the client saw it close. */
  const openOnceThereIsRoom = async (token: string, instance = gateway) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const socket = open(token, instance);
      try {
        return await socket.acknowledged.then(() => socket);
      } catch (error) {
        if (Date.now() > deadline || (await socket.closed) !== RealtimeCloseCode.TooManySockets) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const startConversation = async (token = pharmacy.tokens.pharmacist) =>
    (await gateway.graphql(`mutation ($c: ID!) { startConversation(input: { customerId: $c }) { id } }`, { c: pharmacy.customers[0].id }, token)).data
      .startConversation.id as string;
  const send = (conversationId: string, body: string) =>
    gateway.graphql(SEND, { input: { conversationId, body, clientMessageId: nextClientMessageId() } }, pharmacy.tokens.customer);
  /** `next` frames of operation `id` carrying a message with `body`. */
  const deliveries = (socket: ProtocolSocket, ids: string[], body: string) =>
    ids.flatMap((id) => socket.messagesOf(id)).filter((message) => message.type === 'next' && message.payload?.data?.conversationEvents?.message?.body === body).length;

  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'realtime-limits');
  });
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  });
  afterAll(() => gateway.dispose());

  describe('connecting', () => {
    it("closes a customer's 11th socket with 4029, and lets one in again once another has closed", async () => {
      const { customer } = DEFAULT_REALTIME_LIMITS.socketsPerIdentity;
      const allowed = Array.from({ length: customer }, () => open(pharmacy.tokens.customer));
      await Promise.all(allowed.map((socket) => socket.acknowledged));
      const refused = open(pharmacy.tokens.customer);
      expect(await refused.closed).toBe(RealtimeCloseCode.TooManySockets);
      await allowed[0]!.close();
      await openOnceThereIsRoom(pharmacy.tokens.customer);
      // Refused sockets held nothing: only the open ones count.
      await refused.waitFor('the refused sockets to be gone', () => gateway.websockets.openSockets === customer);
    });

    it('lets staff keep more sockets open than a customer', async () => {
      const staffSockets = Array.from({ length: DEFAULT_REALTIME_LIMITS.socketsPerIdentity.customer + 1 }, () => open(pharmacy.tokens.pharmacist));
      await Promise.all(staffSockets.map((socket) => socket.acknowledged));
    });
  });

  describe('subscribing', () => {
    it('keeps one subscription per conversation on a socket: a newer one replaces the older, and each message arrives once', async () => {
      const conversationId = await startConversation();
      const socket = open(pharmacy.tokens.pharmacist);
      await socket.acknowledged;
      const ids = Array.from({ length: 100 }, (_, index) => String(index + 1));
      for (const id of ids) socket.subscribe(id, EVENTS, { id: conversationId });
      const replaced = ids.slice(0, -1);
      await socket.waitFor('the older ones to complete', () => replaced.every((id) => socket.messagesOf(id).some((message) => message.type === 'complete')));
      await send(conversationId, 'Once only');
      await socket.waitFor('the message', () => deliveries(socket, ids, 'Once only') > 0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(deliveries(socket, ['100'], 'Once only')).toBe(1);
      expect(deliveries(socket, ids, 'Once only')).toBe(1);
      expect(socket.errorCodes().size).toBe(0);
    });

    it('gives a client that subscribes again before completing the old one (Apollo after a reconnect) the new one', async () => {
      const conversationId = await startConversation();
      await send(conversationId, 'Before the reconnect');
      const socket = open(pharmacy.tokens.pharmacist);
      await socket.acknowledged;
      socket.subscribe('old', EVENTS, { id: conversationId, after: 0 });
      await socket.waitFor('the replay', () => socket.messagesOf('old').length > 0);
      socket.subscribe('new', EVENTS, { id: conversationId, after: 1 });
      await socket.waitFor('the old one to complete', () => socket.messagesOf('old').at(-1)?.type === 'complete');
      await send(conversationId, 'After the reconnect');
      await socket.waitFor('the new message', () => deliveries(socket, ['new'], 'After the reconnect') === 1);
      expect(deliveries(socket, ['old'], 'After the reconnect')).toBe(0);
      // The client completing the old one late changes nothing.
      socket.complete('old');
      await send(conversationId, 'Still listening');
      await socket.waitFor('the next message', () => deliveries(socket, ['new'], 'Still listening') === 1);
      expect(socket.errorCodes().size).toBe(0);
    });

    it('lets a client complete a subscription and subscribe again to the same conversation at once', async () => {
      const conversationId = await startConversation();
      await send(conversationId, 'Before the reconnect');
      const socket = open(pharmacy.tokens.pharmacist);
      await socket.acknowledged;
      socket.subscribe('old', EVENTS, { id: conversationId, after: 0 });
      await socket.waitFor('the replay', () => socket.messagesOf('old').length > 0);
      // What Apollo does when afterSequence changes: complete and resubscribe in one go.
      socket.complete('old');
      socket.subscribe('new', EVENTS, { id: conversationId, after: 1 });
      await send(conversationId, 'After the reconnect');
      await socket.waitFor('the new message', () => deliveries(socket, ['new'], 'After the reconnect') === 1);
      expect(socket.errorCodes().size).toBe(0);
    });

    it('holds at most 50 subscriptions on a socket: one more gets RATE_LIMITED and the socket carries on', async () => {
      const limit = DEFAULT_REALTIME_LIMITS.subscriptionsPerSocket;
      const conversations = await Promise.all(Array.from({ length: limit / 2 + 1 }, () => startConversation()));
      const socket = open(pharmacy.tokens.pharmacist);
      await socket.acknowledged;
      conversations.forEach((conversationId, index) => {
        socket.subscribe(`events-${index}`, EVENTS, { id: conversationId });
        socket.subscribe(`typing-${index}`, TYPING, { id: conversationId });
      });
      const last = conversations.length - 1;
      await socket.waitFor('two refusals', () => socket.errorCodes().size >= 2);
      expect(Object.fromEntries(socket.errorCodes())).toEqual({ [`events-${last}`]: 'RATE_LIMITED', [`typing-${last}`]: 'RATE_LIMITED' });
      expect(socket.messagesOf(`events-${last}`)[0]!.payload[0].extensions.limit).toBe(limit);
      // The socket still serves what it holds, and takes a new one once one is completed.
      await send(conversations[0]!, 'Still here');
      await socket.waitFor('the message', () => deliveries(socket, ['events-0'], 'Still here') === 1);
      socket.complete('typing-0');
      socket.subscribe('again', EVENTS, { id: conversations[last]! });
      await send(conversations[last]!, 'Room again');
      await socket.waitFor('the message', () => deliveries(socket, ['again'], 'Room again') === 1);
      expect(socket.errorCodes().size).toBe(2);
    });

    it('lets two sockets follow the same conversation', async () => {
      const conversationId = await startConversation();
      const [first, second] = [open(pharmacy.tokens.pharmacist), open(pharmacy.tokens.pharmacist)];
      await Promise.all([first.acknowledged, second.acknowledged]);
      first.subscribe('1', EVENTS, { id: conversationId });
      second.subscribe('1', EVENTS, { id: conversationId });
      await new Promise((resolve) => setTimeout(resolve, 100));
      await send(conversationId, 'To both');
      await first.waitFor('the message on the first socket', () => deliveries(first, ['1'], 'To both') === 1);
      await second.waitFor('the message on the second socket', () => deliveries(second, ['1'], 'To both') === 1);
    });
  });

  describe('across instances', () => {
    it("counts an identity's sockets on every instance that shares Redis", async () => {
      const limits = { ...DEFAULT_REALTIME_LIMITS, socketsPerIdentity: { ...DEFAULT_REALTIME_LIMITS.socketsPerIdentity, staff: 2 } };
      const instanceA = await startTestGateway({ sharing: gateway, redisUrl: testRedisUrl(), config: { realtimeLimits: limits } });
      const instanceB = await startTestGateway({ sharing: gateway, redisUrl: testRedisUrl(), config: { realtimeLimits: limits } });
      try {
        const onA = open(pharmacy.tokens.admin, instanceA);
        await onA.acknowledged;
        const onB = open(pharmacy.tokens.admin, instanceB);
        await onB.acknowledged;
        expect(await open(pharmacy.tokens.admin, instanceA).closed).toBe(RealtimeCloseCode.TooManySockets);
        expect(await open(pharmacy.tokens.admin, instanceB).closed).toBe(RealtimeCloseCode.TooManySockets);
        // Another identity is not affected; and a closed socket makes room on either instance.
        await open(pharmacy.tokens.pharmacist, instanceA).acknowledged;
        await onB.close();
        await openOnceThereIsRoom(pharmacy.tokens.admin, instanceA);
      } finally {
        await Promise.all(sockets.splice(0).map((socket) => socket.close()));
        await instanceB.dispose();
        await instanceA.dispose();
      }
    });
  });
});
