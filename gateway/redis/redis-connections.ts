import { Redis, type RedisOptions } from 'ioredis';
import { ThrottledLog } from '../logging/throttled-log.js';

/** A connection that stopped answering (Redis paused, a silent network partition) fails a command after this long. */
const COMMAND_TIMEOUT_MS = 2000;

/**
 * What a connection is for decides how it behaves while Redis is away; ioredis
 * reconnects by itself either way (backoff growing to 2 s), and every part of the
 * gateway that uses Redis keeps working without it, on this instance alone.
 *
 * - `commands` (publish, rate limits, presence): while disconnected a command fails at
 *   once instead of waiting in ioredis's offline queue; each caller has its fallback
 *   (local delivery, in-memory rate limits, local presence). With the offline queue and
 *   `maxRetriesPerRequest: 3`, every send waited for up to four reconnect attempts before
 *   its rate limit fell back to memory: 0.3 s early in an outage, up to 8 s once the
 *   backoff reached its 2 s cap (some 40 s in).
 * - `subscriber`: SUBSCRIBE and UNSUBSCRIBE issued while disconnected wait for the
 *   connection and are never dropped (`maxRetriesPerRequest: null`). A dropped SUBSCRIBE
 *   would leave its channel deaf after Redis returns: on reconnect ioredis resubscribes
 *   only the channels it had when the connection was lost.
 */
export function connectRedis(url: string, purpose: 'commands' | 'subscriber'): Redis {
  const options: RedisOptions =
    purpose === 'commands'
      ? { enableOfflineQueue: false, commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 }
      : { enableOfflineQueue: true, maxRetriesPerRequest: null };
  const redis = new Redis(url, options);
  // Without a listener each failed reconnect attempt would be an unhandled 'error' (a crash);
  // with one line per attempt, an outage of minutes would fill the log.
  const errors = new ThrottledLog('Redis connection error');
  redis.on('error', (error) => errors.write({ err: error, purpose }));
  return redis;
}

/** Ends a connection whether or not Redis is there: QUIT only when it can be answered, so shutdown never waits on it. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => {});
  redis.disconnect();
}
