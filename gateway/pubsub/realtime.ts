import { createEventBus, type EventBus } from './event-bus.js';
import { RealtimePublisher } from './realtime-publisher.js';
import { SharedStarts } from './shared-starts.js';
import { MemoryPresenceRegistry } from '../presence/memory-presence-registry.js';
import type { PresenceRegistry } from '../presence/presence-registry.js';
import { RedisPresenceRegistry } from '../presence/redis-presence-registry.js';

/** The parts that make a gateway realtime: the bus, what publishes on it, presence, and the streams' shared starts. */
export interface Realtime {
  bus: EventBus;
  publisher: RealtimePublisher;
  presence: PresenceRegistry;
  starts: SharedStarts;
  dispose(): Promise<void>;
}

/** In memory for one instance; over Redis (fan-out and presence) when `redisUrl` is set. */
export function startRealtime(redisUrl: string | undefined): Realtime {
  const bus = createEventBus(redisUrl);
  const presence = redisUrl ? RedisPresenceRegistry.connectTo(redisUrl) : new MemoryPresenceRegistry();
  return {
    bus,
    publisher: new RealtimePublisher(bus),
    presence,
    starts: new SharedStarts(),
    dispose: async () => {
      await presence.dispose();
      await bus.dispose();
    },
  };
}
