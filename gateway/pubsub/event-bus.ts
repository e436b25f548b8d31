import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Topics } from './event-payloads.js';
import { ChannelListeners } from './channel-listeners.js';
import { readPayload } from './event-versions.js';
import { logger } from '../logging/logger.js';
import { ThrottledLog } from '../logging/throttled-log.js';
import { closeRedis, connectRedis } from '../redis/redis-connections.js';

type Listener<T extends keyof Topics> = (payload: Topics[T][1]) => void;

/**
 * Typed publish/subscribe between gateway instances. Listeners of this instance
 * hear its events straight from memory (channel-listeners.ts), Redis or not; with Redis,
 * graphql-yoga's Redis event target (one channel per topic, subscribed while anyone
 * listens) carries them to the other instances too. So a Redis outage only cuts
 * instances off from each other: each keeps delivering its own events, and clients
 * catch up on what others sent by sequence once Redis is back.
 */
export interface EventBus {
  publish<T extends keyof Topics>(topic: T, id: Topics[T][0], payload: Topics[T][1]): void;
  /** Returns the function that stops listening; call it exactly once. */
  on<T extends keyof Topics>(topic: T, id: Topics[T][0], listener: Listener<T>): () => void;
  /** Listeners attached right now, on this instance: what a leak test watches. */
  readonly listenerCount: number;
  /**
   * Events this instance received and dropped because it can't read them: a payload version
   * it doesn't know (a newer instance sharing Redis during a rolling deploy) or no payload.
   * Each event counts once, however many listeners it reached.
   */
  readonly unreadableEvents: number;
  /** Events this instance published, by topic, since it started (for /metrics). */
  readonly publishedEvents: Readonly<Record<string, number>>;
  /**
   * Where a payload a listener received came from: its topic, and when it was published
   * (`publishTime()`, which for another instance's event is that instance's clock). Undefined
   * for anything the bus did not deliver (a replayed message, a lapsed "typing") and for
   * events of the release before this one.
   */
  originOf(payload: object): EventOrigin | undefined;
  dispose(): Promise<void>;
}

export interface EventOrigin {
  topic: keyof Topics;
  /** Milliseconds since the epoch, with sub-millisecond precision on one machine. */
  publishedAt: number;
}

/** Now, as an event's publication time: wall-clock, so that instances can compare them. */
export const publishTime = (): number => performance.timeOrigin + performance.now();

/** Redis channel names start with this, so Counterchat can share a Redis with others. */
const CHANNEL_PREFIX = 'counterchat:';

/** What travels over Redis: the sender, so it skips its own events (it delivered them already). */
interface Envelope {
  origin: string;
  payload: unknown;
  /** `publishTime()` at the sender; missing from the release before this one. */
  publishedAt?: number;
}

/**
 * A message on a channel that isn't JSON (a future release's encoding, or anyone else's
 * publish) reads as nothing, and is dropped as unreadable: thrown from the Redis client's
 * message handler, the parse error would end the process.
 */
const tolerantJson = {
  stringify: (value: unknown) => JSON.stringify(value),
  parse: (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  },
};

export function createEventBus(redisUrl: string | undefined): EventBus {
  if (!redisUrl) return busOver();

  // A subscribed ioredis connection can't publish, hence two.
  const publishClient = connectRedis(redisUrl, 'commands');
  const subscribeClient = connectRedis(redisUrl, 'subscriber');
  // The event target drops the promises of publish() and subscribe(); catch them here, so a
  // Redis outage can't crash the process with an unhandled rejection.
  const publishFailures = new ThrottledLog('Redis publish failed; other instances miss these events');
  const safePublisher = {
    publish: (channel: string, message: string) => publishClient.publish(channel, message).catch((error: Error) => publishFailures.write({ err: error })),
  } as unknown as Redis;
  const safeSubscriber = {
    on: (event: string, listener: (...args: any[]) => void) => subscribeClient.on(event, listener),
    subscribe: (channel: string) => subscribeClient.subscribe(channel).catch((error: Error) => logger.warn({ err: error, channel }, 'Redis subscribe failed')),
    unsubscribe: (channel: string) => subscribeClient.unsubscribe(channel).catch((error: Error) => logger.warn({ err: error, channel }, 'Redis unsubscribe failed')),
  } as unknown as Redis;
  const remote = createRedisEventTarget<CustomEvent>({ publishClient: safePublisher, subscribeClient: safeSubscriber, serializer: tolerantJson });
  const origin = randomUUID();
  return busOver({
    publish: (channel, payload, publishedAt) => remote.dispatchEvent(new CustomEvent(channel, { detail: { origin, payload, publishedAt } satisfies Envelope })),
    listen(channel, deliver) {
      // One handler per channel and instance (the bus fans out to its listeners), so the
      // Redis target's own EventTarget never holds more than one listener per channel.
      const handler = (event: CustomEvent) => {
        const envelope = event.detail as Partial<Envelope> | null | undefined;
        if (envelope?.origin !== origin) deliver(envelope?.payload, typeof envelope?.publishedAt === 'number' ? envelope.publishedAt : undefined);
      };
      remote.addEventListener(channel, handler);
      return () => remote.removeEventListener(channel, handler);
    },
    dispose: () => Promise.all([closeRedis(publishClient), closeRedis(subscribeClient)]).then(() => {}),
  });
}

/** Carries events to and from other instances. */
interface Relay {
  publish(channel: string, payload: unknown, publishedAt: number): void;
  /** Delivers other instances' events on `channel` (once per event); returns the function that stops. */
  listen(channel: string, deliver: (payload: unknown, publishedAt?: number) => void): () => void;
  dispose(): Promise<void>;
}

function busOver(relay?: Relay): EventBus {
  const local = new ChannelListeners<[payload: unknown]>();
  const relayed = new Map<string, () => void>();
  let listenerCount = 0;
  let unreadableEvents = 0;
  const publishedEvents: Record<string, number> = {};
  // Keyed by the payload object every listener of one event shares (one JSON copy per event
  // and instance), so a subscriber's result can be traced back to when its event was published.
  const origins = new WeakMap<object, EventOrigin>();
  const channel = (topic: string, id: string) => `${CHANNEL_PREFIX}${topic}:${id}`;
  /**
   * An event reaches this instance's listeners of `name`: read once for all of them (a
   * previous release's payload is upgraded into one object they share, so a subscriber group
   * still resolves it once), or dropped and counted once if this release can't read it.
   */
  const arrive = (topic: keyof Topics, name: string, payload: unknown, publishedAt: number | undefined) => {
    const readable = readPayload(topic, payload);
    if (!readable) {
      unreadableEvents += 1;
      const version = typeof payload === 'object' && payload !== null ? (payload as { v?: unknown }).v : undefined;
      logger.debug({ topic, version }, 'Dropped an event this release cannot read; its clients catch up by sequence');
      return;
    }
    if (publishedAt !== undefined) origins.set(readable, { topic, publishedAt });
    local.deliver(name, readable);
  };
  return {
    publish(topic, id, payload) {
      const publishedAt = publishTime();
      publishedEvents[topic] = (publishedEvents[topic] ?? 0) + 1;
      // Round-trip through JSON in memory too, so nobody depends on sharing objects with the publisher.
      const json: unknown = JSON.parse(JSON.stringify(payload));
      arrive(topic, channel(topic, id), json, publishedAt);
      relay?.publish(channel(topic, id), json, publishedAt);
    },
    on(topic, id, listener) {
      // A function of its own per call, so listening twice with one listener means two listeners.
      const receive = (payload: unknown) => listener(payload as Topics[typeof topic][1]);
      const name = channel(topic, id);
      if (local.add(name, receive) && relay) {
        relayed.set(name, relay.listen(name, (payload, publishedAt) => arrive(topic, name, payload, publishedAt)));
      }
      listenerCount += 1;
      let attached = true;
      return () => {
        if (!attached) return;
        attached = false;
        listenerCount -= 1;
        if (local.remove(name, receive)) {
          relayed.get(name)?.();
          relayed.delete(name);
        }
      };
    },
    get listenerCount() {
      return listenerCount;
    },
    get unreadableEvents() {
      return unreadableEvents;
    },
    publishedEvents,
    originOf: (payload) => origins.get(payload),
    dispose: async () => {
      await relay?.dispose();
    },
  };
}
