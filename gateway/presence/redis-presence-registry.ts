import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { ActorRef } from '../../entities/actor-type.js';
import { MemoryPresenceRegistry } from './memory-presence-registry.js';
import { actorKey, parseActorKey, type PresenceLease, type PresenceRegistry } from './presence-registry.js';
import { logger } from '../logging/logger.js';

const HEARTBEAT_MS = 10_000;
/** An instance that missed three heartbeats (crashed, partitioned) no longer counts. */
const INSTANCE_TTL_SECONDS = 30;

/**
 * Presence across instances. Each instance keeps its own socket counts and writes
 * the actors it holds into a Redis hash per organization, fields `<actor>|<instance>`.
 * Readers count a field only while its instance's heartbeat key is alive, so a
 * crashed instance's users drop offline without anyone cleaning up after it.
 */
export class RedisPresenceRegistry implements PresenceRegistry {
  private readonly instanceId = randomUUID();
  private readonly local = new MemoryPresenceRegistry();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly redis: Redis) {
    this.beat();
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  static connectTo(url: string): RedisPresenceRegistry {
    const redis = new Redis(url, { maxRetriesPerRequest: 3 });
    redis.on('error', (error) => logger.warn({ err: error }, 'Redis connection error'));
    return new RedisPresenceRegistry(redis);
  }

  async connect(organizationId: string, actor: ActorRef): Promise<PresenceLease> {
    const lease = await this.local.connect(organizationId, actor);
    const field = `${actorKey(actor)}|${this.instanceId}`;
    if (lease.cameOnline) await this.redis.hset(hashKey(organizationId), field, '1');
    const wasOnlineElsewhere = lease.cameOnline && (await this.isOnlineElsewhere(organizationId, actor));
    return {
      cameOnline: lease.cameOnline && !wasOnlineElsewhere,
      release: async () => {
        const { wentOffline } = await lease.release();
        if (!wentOffline) return { wentOffline: false };
        await this.redis.hdel(hashKey(organizationId), field);
        return { wentOffline: !(await this.isOnlineElsewhere(organizationId, actor)) };
      },
    };
  }

  async online(organizationId: string): Promise<ActorRef[]> {
    const fields = await this.liveFields(organizationId);
    return [...new Set(fields.map((field) => field.actor))].map(parseActorKey);
  }

  async dispose(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.redis.del(instanceKey(this.instanceId)).catch(() => {});
    await this.redis.quit().catch(() => {});
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

const hashKey = (organizationId: string) => `counterchat:presence:${organizationId}`;
const instanceKey = (instanceId: string) => `counterchat:instance:${instanceId}`;
