import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import { setMaxListeners } from 'node:events';
import type { Topics } from './event-payloads.js';
import { logger } from '../logging/logger.js';

type Listener<T extends keyof Topics> = (payload: Topics[T][1]) => void;

/**
 * Typed publish/subscribe between gateway instances. The transport is an
 * EventTarget: in memory for one process, or graphql-yoga's Redis event target
 * (one Redis channel per topic, subscribed while anyone listens) for several.
 */
export interface EventBus {
  publish<T extends keyof Topics>(topic: T, id: Topics[T][0], payload: Topics[T][1]): void;
  /** Returns the function that stops listening; call it exactly once. */
  on<T extends keyof Topics>(topic: T, id: Topics[T][0], listener: Listener<T>): () => void;
  /** Listeners attached right now, on this instance: what a leak test watches. */
  readonly listenerCount: number;
  dispose(): Promise<void>;
}

/** Redis channel names start with this, so Counterchat can share a Redis with others. */
const CHANNEL_PREFIX = 'counterchat:';

export function createEventBus(redisUrl: string | undefined): EventBus {
  if (!redisUrl) {
    const target = new EventTarget();
    // One listener per subscribed socket on a busy conversation or inbox: hundreds are normal, not a leak.
    setMaxListeners(0, target);
    return busOver(target as unknown as MinimalEventTarget, async () => {});
  }
  // A subscribed ioredis connection can't publish, hence two.
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  for (const client of [publishClient, subscribeClient]) {
    // ioredis reconnects by itself; without a listener each failed attempt would be an unhandled 'error'.
    client.on('error', (error) => logger.warn({ err: error }, 'Redis connection error'));
  }
  // The event target drops publish()'s promise; catch here so a Redis outage can't crash the process.
  const safePublisher = {
    publish: (channel: string, message: string) =>
      publishClient.publish(channel, message).catch((error: Error) => logger.warn({ err: error }, 'Redis publish failed')),
  } as unknown as Redis;
  const target = createRedisEventTarget<CustomEvent>({ publishClient: safePublisher, subscribeClient });
  return busOver(target, async () => {
    await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
  });
}

interface MinimalEventTarget {
  addEventListener(type: string, listener: (event: CustomEvent) => void): void;
  removeEventListener(type: string, listener: (event: CustomEvent) => void): void;
  dispatchEvent(event: CustomEvent): boolean;
}

function busOver(target: MinimalEventTarget, close: () => Promise<void>): EventBus {
  let listenerCount = 0;
  const channel = (topic: string, id: string) => `${CHANNEL_PREFIX}${topic}:${id}`;
  return {
    publish(topic, id, payload) {
      // Round-trip through JSON in memory too, so nobody depends on sharing objects with the publisher.
      target.dispatchEvent(new CustomEvent(channel(topic, id), { detail: JSON.parse(JSON.stringify(payload)) }));
    },
    on(topic, id, listener) {
      const handler = (event: CustomEvent) => listener(event.detail);
      const name = channel(topic, id);
      target.addEventListener(name, handler);
      listenerCount += 1;
      let attached = true;
      return () => {
        if (!attached) return;
        attached = false;
        listenerCount -= 1;
        target.removeEventListener(name, handler);
      };
    },
    get listenerCount() {
      return listenerCount;
    },
    dispose: close,
  };
}
