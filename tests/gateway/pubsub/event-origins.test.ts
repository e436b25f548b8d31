import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createEventBus, publishTime, type EventBus } from '../../../gateway/pubsub/event-bus.js';
import { EVENT_VERSION, type Topics } from '../../../gateway/pubsub/event-payloads.js';
import { ActorType } from '../../../entities/actor-type.js';
import { testRedisUrl } from '../../support/test-gateway.js';
import { waitUntil } from '../../support/wait-until.js';

const typing = (conversationId: string): Topics['typing'][1] => ({ v: EVENT_VERSION, conversationId, actor: { type: ActorType.STAFF, id: randomUUID() }, typing: true });

/** When and on which channel an event was published: what /metrics measures commit-to-send from. */
describe('event origins', () => {
  const buses: EventBus[] = [];
  afterAll(() => Promise.all(buses.map((bus) => bus.dispose())));

  it('knows the topic and publication time of an event delivered in memory, and counts what it published by topic', async () => {
    const bus = createEventBus(undefined);
    buses.push(bus);
    const conversationId = randomUUID();
    const received: object[] = [];
    const stop = bus.on('typing', conversationId, (payload) => received.push(payload));
    const before = publishTime();
    bus.publish('typing', conversationId, typing(conversationId));
    stop();
    expect(received).toHaveLength(1);
    const origin = bus.originOf(received[0]!);
    expect(origin?.topic).toBe('typing');
    expect(origin!.publishedAt).toBeGreaterThanOrEqual(before);
    expect(origin!.publishedAt).toBeLessThanOrEqual(publishTime());
    expect(bus.publishedEvents).toEqual({ typing: 1 });
    expect(bus.originOf({ ...received[0]! })).toBeUndefined();
  });

  it("carries the publication time to another instance over Redis, in the envelope and not in the payload", async () => {
    const [sender, receiver] = [createEventBus(testRedisUrl()), createEventBus(testRedisUrl())];
    buses.push(sender, receiver);
    const conversationId = randomUUID();
    const received: object[] = [];
    const stop = receiver.on('typing', conversationId, (payload) => received.push(payload));
    // Until Redis has the receiver's subscription, a publish reaches nobody: publish until one arrives.
    const firstPublished = publishTime();
    await waitUntil('an event over Redis', () => {
      sender.publish('typing', conversationId, typing(conversationId));
      return received.length > 0;
    });
    stop();
    const origin = receiver.originOf(received[0]!);
    expect(origin?.topic).toBe('typing');
    // One machine, one clock: the sender's time of one of the attempts.
    expect(origin!.publishedAt).toBeGreaterThanOrEqual(firstPublished);
    expect(origin!.publishedAt).toBeLessThanOrEqual(publishTime());
    expect(received[0]).not.toHaveProperty('publishedAt');
    expect(receiver.publishedEvents).toEqual({});
  });
});
