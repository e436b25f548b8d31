import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { createEventBus, type EventBus } from '../../../gateway/pubsub/event-bus.js';
import { EVENT_VERSION } from '../../../gateway/pubsub/event-payloads.js';
import { ActorType } from '../../../entities/actor-type.js';
import { testRedisUrl } from '../../support/test-gateway.js';
import { waitUntil } from '../../support/wait-until.js';

/**
 * One event reaches all of an instance's listeners of its channel as one object: the event
 * multiplexer resolves it once for a group of subscribers by that identity.
 */
describe('the event bus', () => {
  const buses: EventBus[] = [];
  const redis = new Redis(testRedisUrl());
  afterAll(async () => {
    redis.disconnect();
    await Promise.all(buses.map((bus) => bus.dispose()));
  });

  it("reads another release's event once for all listeners, and counts one it can't read once", async () => {
    const bus = createEventBus(testRedisUrl());
    buses.push(bus);
    const conversationId = randomUUID();
    const channel = `counterchat:typing:${conversationId}`;
    const heard: [object[], object[]] = [[], []];
    const stops = heard.map((list) => bus.on('typing', conversationId, (payload) => list.push(payload)));
    const unreadable = bus.unreadableEvents;
    // The previous release's payload has no version: it is upgraded into the current shape.
    const previous = { conversationId, actor: { type: ActorType.STAFF, id: randomUUID() }, typing: true };
    await waitUntil('the bus to hear Redis', async () => {
      await redis.publish(channel, JSON.stringify({ origin: 'an-instance-of-the-previous-release', payload: previous }));
      return heard[0].length > 0;
    });
    await redis.publish(channel, JSON.stringify({ origin: 'an-instance-of-the-next-release', payload: { ...previous, v: EVENT_VERSION + 1 } }));
    await waitUntil('the unreadable event', () => bus.unreadableEvents > unreadable);
    for (const stop of stops) stop();

    expect(heard[0]).toHaveLength(heard[1].length);
    expect(heard[0][0]).toEqual({ ...previous, v: EVENT_VERSION });
    heard[0].forEach((payload, index) => expect(heard[1][index]).toBe(payload));
    expect(bus.unreadableEvents).toBe(unreadable + 1);
  });
});
