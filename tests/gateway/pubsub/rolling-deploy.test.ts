import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, testRedisUrl, type TestGateway } from '../../support/test-gateway.js';
import { waitFor } from '../../support/wait-for.js';

const EVENTS = `subscription ($id: ID!) {
  conversationEvents(conversationId: $id) { kind message { id sequence body sender { __typename ... on Customer { id name } } } }
}`;

/**
 * Instances of two releases share Redis while a deploy rolls. This one stands in for the
 * others by publishing on the gateway's channels itself, as they would.
 */
describe('events from instances of other releases', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let redis: Redis;
  const subscribers: TestSubscriber[] = [];

  beforeAll(async () => {
    gateway = await startTestGateway({ redisUrl: testRedisUrl() });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'rolling-deploy');
    redis = new Redis(testRedisUrl());
  });
  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.dispose()));
    redis.disconnect();
    await gateway.dispose();
  });

  it('ignores a version it does not know without an error, counts it once, and delivers the next event', async () => {
    const started = await gateway.graphql(`mutation { startConversation(input: { subject: "Rolling" }) { id } }`, {}, pharmacy.tokens.customer);
    const conversationId: string = started.data.startConversation.id;
    const channel = `counterchat:conversation:${conversationId}`;
    // Two sockets on the conversation: an event is counted once, however many listeners it reaches.
    const watching = [0, 1].map(() => {
      const subscriber = connectSubscriber(gateway.wsUrl, pharmacy.tokens.pharmacist);
      subscribers.push(subscriber);
      return subscriber.subscribe(EVENTS, { id: conversationId });
    });
    await waitFor('the gateway to subscribe to the channel', async () => {
      const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
      return count > 0;
    });

    const unreadable = gateway.realtime.bus.unreadableEvents;
    const fromNextRelease = { v: 2, kind: 'MESSAGE_ADDED', conversationId, message: { id: 'x', sequence: 1, sender: { kind: 'customer' } } };
    await redis.publish(channel, JSON.stringify({ origin: 'an-instance-of-the-next-release', payload: fromNextRelease }));
    await redis.publish(channel, 'not JSON at all');
    await redis.publish(channel, '');
    await waitFor('the three events to be dropped', () => gateway.realtime.bus.unreadableEvents >= unreadable + 3);

    await gateway.graphql(
      `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
      { input: { conversationId, body: 'Still here?', clientMessageId: nextClientMessageId() } },
      pharmacy.tokens.customer,
    );
    const customer = { __typename: 'Customer', id: pharmacy.customers[0].id, name: pharmacy.customers[0].name };
    for (const events of watching) {
      const next = await events.next();
      expect(next.errors).toBeUndefined();
      expect(next.data.conversationEvents).toMatchObject({ kind: 'MESSAGE_ADDED', message: { sequence: 1, body: 'Still here?', sender: customer } });
    }
    expect(gateway.realtime.bus.unreadableEvents).toBe(unreadable + 3);
    for (const events of watching) expect(events.pending).toBe(0);
  });

  it("delivers the previous release's payloads (no v), loading what they don't carry", async () => {
    const started = await gateway.graphql(`mutation { startConversation(input: { subject: "Older" }) { id } }`, {}, pharmacy.tokens.customer);
    const conversationId: string = started.data.startConversation.id;
    const channel = `counterchat:conversation:${conversationId}`;
    const subscriber = connectSubscriber(gateway.wsUrl, pharmacy.tokens.pharmacist);
    subscribers.push(subscriber);
    const events = subscriber.subscribe(EVENTS, { id: conversationId });
    await waitFor('the gateway to subscribe to the channel', async () => ((await redis.pubsub('NUMSUB', channel)) as [string, number])[1] > 0);

    const sent = await gateway.graphql(
      `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id createdAt clientMessageId } }`,
      { input: { conversationId, body: 'Hello', clientMessageId: nextClientMessageId() } },
      pharmacy.tokens.customer,
    );
    expect((await events.next()).data.conversationEvents.message.sequence).toBe(1);

    // What an instance of the previous release publishes for an edit: the entity as JSON.
    const { id, createdAt, clientMessageId } = sent.data.sendMessage;
    const customer = pharmacy.customers[0];
    const entity = {
      id, organizationId: pharmacy.organization.id, conversationId, sequence: 1, kind: 'TEXT', senderType: 'CUSTOMER', senderId: customer.id,
      body: 'Hello there', systemEvent: null, replyToId: null, clientMessageId, createdAt, editedAt: new Date().toISOString(), deletedAt: null,
    };
    await redis.publish(channel, JSON.stringify({ origin: 'an-instance-of-the-previous-release', payload: { kind: 'MESSAGE_EDITED', conversationId, message: entity } }));
    const edited = await events.next();
    expect(edited.errors).toBeUndefined();
    expect(edited.data.conversationEvents).toEqual({
      kind: 'MESSAGE_EDITED',
      message: { id, sequence: 1, body: 'Hello there', sender: { __typename: 'Customer', id: customer.id, name: customer.name } },
    });
  });
});
