import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ActorRef } from '../../entities/actor-type.js';
import { MemoryPresenceRegistry } from './memory-presence-registry.js';
import { actorKey, parseActorKey, type PresenceLease, type PresenceRegistry } from './presence-registry.js';
import { logger } from '../logging/logger.js';
import { ThrottledLog } from '../logging/throttled-log.js';
import { closeRedis, connectRedis } from '../redis/redis-connections.js';

const HEARTBEAT_MS = 10_000;
/** An instance that missed three heartbeats (crashed, partitioned) no longer counts. */
const INSTANCE_TTL_SECONDS = 30;

/**
 * Presence across instances. Each instance keeps its own socket counts and writes
 * the actors it holds into a Redis hash per organization, fields `<actor>|<instance>`.
 * Readers count a field only while its instance's heartbeat key is alive, so a
 * crashed instance's users drop offline without anyone cleaning up after it.
 *
 * While Redis is away each instance answers from its own sockets (sockets still
 * connect and close); when it is back, each writes what it holds again, since a
 * restarted Redis may have lost every field.
 */
export class RedisPresenceRegistry implements PresenceRegistry {
  private readonly instanceId = randomUUID();
  private readonly local = new MemoryPresenceRegistry();
  /** Every presence question fails while Redis is away. */
  private readonly fallbacks = new ThrottledLog('Presence answered from this instance only: Redis is unavailable');
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly redis: Redis) {
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
    // 'ready' follows the first connection and every reconnect: the first heartbeat, and after
    // an outage whatever this instance holds.
    this.redis.on('ready', () => void this.restore());
  }

  static connectTo(url: string): RedisPresenceRegistry {
    return new RedisPresenceRegistry(connectRedis(url, 'commands'));
  }

  async connect(organizationId: string, actor: ActorRef): Promise<PresenceLease> {
    const lease = await this.local.connect(organizationId, actor);
    const field = fieldOf(actor, this.instanceId);
    const wasOnlineElsewhere =
      lease.cameOnline &&
      (await this.orLocally(false, async () => {
        await this.redis.hset(hashKey(organizationId), field, '1');
        return this.isOnlineElsewhere(organizationId, actor);
      }));
    return {
      cameOnline: lease.cameOnline && !wasOnlineElsewhere,
      release: async () => {
        const { wentOffline } = await lease.release();
        if (!wentOffline) return { wentOffline: false };
        const onlineElsewhere = await this.orLocally(false, async () => {
          await this.redis.hdel(hashKey(organizationId), field);
          return this.isOnlineElsewhere(organizationId, actor);
        });
        return { wentOffline: !onlineElsewhere };
      },
    };
  }

  async online(organizationId: string): Promise<ActorRef[]> {
    const fields = await this.orLocally(undefined, () => this.liveFields(organizationId));
    if (!fields) return this.local.online(organizationId);
    return [...new Set(fields.map((field) => field.actor))].map(parseActorKey);
  }

  async dispose(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.redis.del(instanceKey(this.instanceId)).catch(() => {});
    await closeRedis(this.redis);
  }

  /** Redis's answer, or `fallback` (this instance's own view) while Redis can't give one. */
  private async orLocally<T>(fallback: T, ask: () => Promise<T>): Promise<T> {
    try {
      return await ask();
    } catch (error) {
      this.fallbacks.write({ err: error });
      return fallback;
    }
  }

  /** Writes this instance's heartbeat and every actor it holds, in that order (readers drop fields of dead instances). */
  private async restore(): Promise<void> {
    const held = this.local.held();
    const write = this.redis.multi().set(instanceKey(this.instanceId), '1', 'EX', INSTANCE_TTL_SECONDS);
    for (const { organizationId, actor } of held) write.hset(hashKey(organizationId), fieldOf(actor, this.instanceId), '1');
    await write.exec().catch((error: Error) => logger.warn({ err: error }, 'Could not restore presence in Redis'));
  }

  private async isOnlineElsewhere(organizationId: string, actor: ActorRef): Promise<boolean> {
    const key = actorKey(actor);
    return (await this.liveFields(organizationId)).some((field) => field.actor === key && field.instance !== this.instanceId);
  }

  /** Hash fields whose instance is alive; fields of dead instances are removed on the way. */
  private async liveFields(organizationId: string): Promise<{ actor: string; instance: string }[]> {
    const fields = (await this.redis.hkeys(hashKey(organizationId))).map((field) => {
      const [actor, instance] = field.split('|');
      return { field, actor: actor!, instance: instance! };
    });
    if (fields.length === 0) return [];
    const instances = [...new Set(fields.map((field) => field.instance))];
    const heartbeats = await this.redis.mget(instances.map(instanceKey));
    const alive = new Set(instances.filter((_, index) => heartbeats[index] !== null));
    const dead = fields.filter((field) => !alive.has(field.instance)).map((field) => field.field);
    if (dead.length > 0) await this.redis.hdel(hashKey(organizationId), ...dead);
    return fields.filter((field) => alive.has(field.instance));
  }

  private beat(): void {
    this.redis.set(instanceKey(this.instanceId), '1', 'EX', INSTANCE_TTL_SECONDS).catch(() => {});
  }
}

const fieldOf = (actor: ActorRef, instanceId: string) => `${actorKey(actor)}|${instanceId}`;
const hashKey = (organizationId: string) => `counterchat:presence:${organizationId}`;
const instanceKey = (instanceId: string) => `counterchat:instance:${instanceId}`;
