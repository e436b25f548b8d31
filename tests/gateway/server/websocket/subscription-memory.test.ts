import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { unlimitedRateLimitRules } from '../../../../gateway/rate-limits/rate-limits.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../../support/fixtures.js';
import { liveHeapBytes, mebibytes } from '../../../support/heap.js';
import { openProtocolSocket, type ProtocolSocket } from '../../../support/protocol-socket.js';
import { startTestGateway, testRedisUrl, type TestGateway } from '../../../support/test-gateway.js';

const EVENTS = `subscription ($id: ID!, $after: Int) { conversationEvents(conversationId: $id, afterSequence: $after) { kind message { sequence body } } }`;
const TYPING = `subscription ($id: ID!) { typing(conversationId: $id) { typing } }`;
const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What a gateway holds for live subscriptions, besides heap: listeners, presence, Redis channels. */
describe('memory of subscriptions', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let redis: Redis;

  beforeAll(async () => {
    // Over Redis, so its channel subscriptions are counted too. Redis also keeps the per-IP
    // widget sign-up limit across runs on this machine: not what this file is about.
    gateway = await startTestGateway({ redisUrl: testRedisUrl(), config: { rateLimits: unlimitedRateLimitRules } });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'subscription-memory');
    redis = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    redis.disconnect();
    await gateway.dispose();
  });

  /** Redis channels this instance subscribed to for these conversations. */
  const redisChannels = async (conversationIds: string[]) =>
    (await redis.pubsub('CHANNELS', 'counterchat:*')).filter((channel) => conversationIds.some((id) => String(channel).endsWith(id))).length;

  it("holds a widget visitor's flood of 5 sockets × 2,000 subscriptions to its conversation as 5 subscriptions", async () => {
    const session = await gateway.graphql(
      `mutation ($input: StartWidgetSessionInput!) { startWidgetSession(input: $input) { token } }`,
      { input: { organizationSlug: 'subscription-memory', name: 'Visitor', email: 'visitor@example.com', consentToContact: true } },
    );
    const { token } = session.data.startWidgetSession;
    const conversationId = (await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, token)).data.startConversation.id;
    const visitorId = (await gateway.graphql(`{ viewer { customer { id } } }`, {}, token)).data.viewer.customer.id;
    const send = (body: string) => gateway.graphql(SEND, { input: { conversationId, body, clientMessageId: nextClientMessageId() } }, pharmacy.tokens.pharmacist);
    await send('Hello, how can we help?');
    const listeners = gateway.realtime.bus.listenerCount;
    const heapBefore = await liveHeapBytes();

    const sockets: ProtocolSocket[] = Array.from({ length: 5 }, () => openProtocolSocket(gateway.wsUrl, token, { keep: 'counts' }));
    try {
      await Promise.all(sockets.map((socket) => socket.acknowledged));
      const ids = Array.from({ length: 2000 }, (_, index) => String(index));
      for (const socket of sockets) for (const id of ids) socket.subscribe(id, EVENTS, { id: conversationId, after: 0 });
      // Each subscription answers: the replay of the message, or `complete` when the next replaced it.
      await waitFor('every subscription to be answered', () => sockets.every((socket) => ids.every((id) => socket.countOf(id) > 0)));
      const heapDuring = await liveHeapBytes();
      const frames = () => sockets.reduce((sum, socket) => sum + ids.reduce((count, id) => count + socket.countOf(id), 0), 0);
      const answered = frames();
      await send('One message');
      await waitFor('the message', () => frames() > answered);
      await new Promise((resolve) => setTimeout(resolve, 200));

      // One conversation listener per socket (revocations are watched on one listener for all): nothing per replaced subscription.
      expect(gateway.realtime.bus.listenerCount - listeners).toBe(5);
      expect(frames() - answered).toBe(5);
      expect(sockets.map((socket) => socket.errorCodes().size)).toEqual([0, 0, 0, 0, 0]);
      expect(mebibytes(heapDuring - heapBefore)).toBeLessThan(10);
      const [audit] = await gateway.dataSource.query(`SELECT count(*) AS reads FROM audit_event WHERE action = 'MESSAGES_READ' AND actor_id = $1`, [visitorId]);
      expect(Number(audit.reads)).toBe(5);
    } finally {
      // Also when an expectation failed: the next test starts from no sockets.
      await Promise.all(sockets.map((socket) => socket.close()));
      await waitFor('the sockets to be released', () => gateway.websockets.openSockets === 0 && gateway.realtime.bus.listenerCount === listeners);
    }
  }, 120_000);

  it('loses no subscription when a client completes an id and subscribes with it again at once', async () => {
    const listeners = gateway.realtime.bus.listenerCount;
    const socket = openProtocolSocket(gateway.wsUrl, pharmacy.tokens.pharmacist);
    await socket.acknowledged;
    const INBOX = `subscription { inboxEvents { id } }`;
    socket.subscribe('again', INBOX);
    await waitFor('the subscription to listen', () => gateway.realtime.bus.listenerCount === listeners + 1);
    // graphql-ws deletes an id when its operation ends: a new operation under the same id, started
    // while the old one was ending, was forgotten, and so never stopped, not even with its socket.
    for (let round = 0; round < 50; round += 1) {
      socket.complete('again');
      socket.subscribe('again', INBOX);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await socket.close();
    await waitFor('the socket to be released', () => gateway.websockets.openSockets === 0);
    await waitFor('every listener to go', () => gateway.realtime.bus.listenerCount === listeners, 5000);
  });

  it('gives back what subscriptions held once their sockets close, round after round', async () => {
    const conversations: string[] = [];
    for (let index = 0; index < 25; index += 1) {
      conversations.push(
        (await gateway.graphql(`mutation ($c: ID!) { startConversation(input: { customerId: $c }) { id } }`, { c: pharmacy.customers[index % 2].id }, pharmacy.tokens.pharmacist)).data
          .startConversation.id,
      );
    }
    /** 10 staff sockets of 50 subscriptions each (events and typing of 25 conversations): 500 at once. */
    const round = async () => {
      const tokens = [pharmacy.tokens.pharmacist, pharmacy.tokens.admin];
      const sockets = Array.from({ length: 10 }, (_, index) => openProtocolSocket(gateway.wsUrl, tokens[index % 2]!));
      await Promise.all(sockets.map((socket) => socket.acknowledged));
      for (const socket of sockets) {
        conversations.forEach((conversationId, index) => {
          socket.subscribe(`events-${index}`, EVENTS, { id: conversationId });
          socket.subscribe(`typing-${index}`, TYPING, { id: conversationId });
        });
      }
      await waitFor('500 subscriptions', () => gateway.realtime.bus.listenerCount >= listeners + 500);
      const held = await liveHeapBytes();
      await Promise.all(sockets.map((socket) => socket.close()));
      await waitFor('the listeners to go', () => gateway.websockets.openSockets === 0 && gateway.realtime.bus.listenerCount === listeners);
      return held;
    };

    const listeners = gateway.realtime.bus.listenerCount;
    // The first round warms up what stays for good (compiled code, caches); the baseline comes after it.
    await round();
    const baseline = await liveHeapBytes();
    const peaks: number[] = [];
    for (let index = 0; index < 4; index += 1) peaks.push(await round());
    const after = await liveHeapBytes();

    expect(gateway.realtime.bus.listenerCount).toBe(listeners);
    expect(await gateway.realtime.presence.online(pharmacy.organization.id)).toEqual([]);
    await waitFor('Redis to drop the channels', async () => (await redisChannels(conversations)) === 0, 5000);
    // 500 live subscriptions are worth several MiB; four rounds of them must not stay behind.
    const held = Math.min(...peaks) - baseline;
    expect(mebibytes(held)).toBeGreaterThan(2);
    expect(mebibytes(after - baseline)).toBeLessThan(mebibytes(held) / 2);
  }, 120_000);
});
