import { describe, expect, it } from '@jest/globals';
import { ActorType } from '../../../entities/actor-type.js';
import { busStream } from '../../../gateway/pubsub/bus-stream.js';
import { createEventBus } from '../../../gateway/pubsub/event-bus.js';
import { EVENT_VERSION, type PresenceEventPayload } from '../../../gateway/pubsub/event-payloads.js';

const presence = (id: string, online: boolean): PresenceEventPayload => ({ v: EVENT_VERSION, actor: { type: ActorType.STAFF, id }, online });
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('busStream', () => {
  it('yields the events its filter lets through, and stops listening when its consumer stops', async () => {
    const bus = createEventBus(undefined);
    const stream = busStream(bus, 'presence', 'org-1', (event) => event.online)[Symbol.asyncIterator]();
    const first = stream.next();
    await settle();
    bus.publish('presence', 'org-1', presence('staff-1', false));
    bus.publish('presence', 'org-1', presence('staff-2', true));
    expect((await first).value).toMatchObject({ actor: { id: 'staff-2' }, online: true });
    await stream.return?.();
    expect(bus.listenerCount).toBe(0);
  });

  it('hands what its filter lets through to a tail, in order, and yields nothing itself', async () => {
    const bus = createEventBus(undefined);
    const handed: string[] = [];
    const stream = busStream(bus, 'presence', 'org-1', (event) => event.online, { live: (event) => void handed.push(event.actor.id) })[Symbol.asyncIterator]();
    let yielded = false;
    const pulled = stream.next().then(() => (yielded = true));
    await settle();
    for (const [id, online] of [['staff-1', true], ['staff-2', false], ['staff-3', true]] as const) bus.publish('presence', 'org-1', presence(id, online));
    await settle();
    expect(handed).toEqual(['staff-1', 'staff-3']);
    expect(yielded).toBe(false);
    await stream.return?.();
    await pulled;
    expect(bus.listenerCount).toBe(0);
  });
});
