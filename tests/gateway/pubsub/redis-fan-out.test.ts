import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, testRedisUrl, type TestGateway } from '../../support/test-gateway.js';

/** Two gateway instances on different ports, one PostgreSQL, one Redis: a load-balanced pharmacy. */
describe('fan-out across instances through Redis', () => {
  let instanceA: TestGateway;
  let instanceB: TestGateway;
  let pharmacy: PharmacyFixture;
  const subscribers: TestSubscriber[] = [];

  beforeAll(async () => {
    instanceA = await startTestGateway({ redisUrl: testRedisUrl() });
    instanceB = await startTestGateway({ sharing: instanceA, redisUrl: testRedisUrl() });
    pharmacy = await createPharmacy(instanceA.dataSource, instanceA.tokens, 'fan-out');
  });
  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.dispose()));
    await instanceB.dispose();
    await instanceA.dispose();
  });

  const connect = (instance: TestGateway, token: string) => {
    const subscriber = connectSubscriber(instance.wsUrl, token);
    subscribers.push(subscriber);
    return subscriber;
  };

  it('delivers a message sent through instance A to a subscriber on instance B', async () => {
    expect(instanceA.url).not.toBe(instanceB.url);
    const started = await instanceA.graphql(`mutation { startConversation(input: { subject: "Across" }) { id } }`, {}, pharmacy.tokens.customer);
    const conversationId = started.data.startConversation.id;
    const onB = connect(instanceB, pharmacy.tokens.pharmacist).subscribe(
      `subscription ($id: ID!) { conversationEvents(conversationId: $id, afterSequence: 0) { kind message { sequence body } } }`,
      { id: conversationId },
    );
    const inboxOnB = connect(instanceB, pharmacy.tokens.pharmacist).subscribe(`subscription { inboxEvents { id unreadCount } }`);
    // Redis SUBSCRIBE is asynchronous; give it a moment before publishing.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await instanceA.graphql(
      `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
      { input: { conversationId, body: 'Hello from A', clientMessageId: nextClientMessageId() } },
      pharmacy.tokens.customer,
    );
    expect((await onB.next()).data.conversationEvents).toEqual({ kind: 'MESSAGE_ADDED', message: { sequence: 1, body: 'Hello from A' } });
    expect((await inboxOnB.next()).data.inboxEvents).toEqual({ id: conversationId, unreadCount: 1 });
  });

  it('sees presence across both instances', async () => {
    const presenceOnB = connect(instanceB, pharmacy.tokens.pharmacist).subscribe(
      `subscription { presenceChanged { online actor { ... on Customer { id } } } }`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const customerOnA = connectSubscriber(instanceA.wsUrl, pharmacy.tokens.customer);
    customerOnA.subscribe(`subscription { inboxEvents { id } }`);
    expect((await presenceOnB.next()).data.presenceChanged).toEqual({ online: true, actor: { id: pharmacy.customers[0].id } });

    const onlineStaff = async (instance: TestGateway) =>
      (await instance.graphql(`{ onlineStaff { id } }`, {}, pharmacy.tokens.customer)).data.onlineStaff.map((staff: { id: string }) => staff.id);
    // The pharmacist's socket lives on B; A knows through Redis.
    expect(await onlineStaff(instanceA)).toContain(pharmacy.pharmacist.id);

    // Online on both instances at once: leaving one keeps the customer online.
    const customerOnB = connectSubscriber(instanceB.wsUrl, pharmacy.tokens.customer);
    customerOnB.subscribe(`subscription { inboxEvents { id } }`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await customerOnA.dispose();
    await presenceOnB.expectNothing(300);
    await customerOnB.dispose();
    expect((await presenceOnB.next()).data.presenceChanged).toEqual({ online: false, actor: { id: pharmacy.customers[0].id } });
  });

  it('closes a revoked key’s socket on the other instance', async () => {
    const created = await instanceA.graphql(
      `mutation { createApiKey(input: { name: "Elsewhere", scopes: [CONVERSATIONS_READ] }) { apiKey { id } secret } }`,
      {},
      pharmacy.tokens.admin,
    );
    const subscriber = connect(instanceB, created.data.createApiKey.secret);
    await subscriber.subscribe(`subscription { inboxEvents { id } }`).expectNothing(300);
    await instanceA.graphql(`mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: created.data.createApiKey.apiKey.id }, pharmacy.tokens.admin);
    expect(await subscriber.closed).toBe(4403);
  });
});
