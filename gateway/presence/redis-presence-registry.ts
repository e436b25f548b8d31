import { randomUUID } from 'node:crypto';
import type { ChainableCommander, Redis } from 'ioredis';
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
 * A socket count untouched this long (its actor neither connected nor closed a socket) expires,
 * so a crashed instance's counts don't stay in Redis forever. An expired count only makes the
 * socket limit more lenient, never stricter.
 */
const SOCKETS_TTL_SECONDS = 24 * 60 * 60;

/**
 * Presence across instances. Each instance keeps its own socket counts and writes
 * the actors it holds into a Redis hash per organization, fields `<actor>|<instance>`,
 * and how many sockets of each into a hash per actor, fields `<instance>`.
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
    const elsewhere = await this.orLocally(0, () => {
      const write = this.redis.multi();
      if (lease.cameOnline) write.hset(hashKey(organizationId), fieldOf(actor, this.instanceId), '1');
      return this.writeSocketCount(write, organizationId, actor);
    });
    return {
      cameOnline: lease.cameOnline && elsewhere === 0,
      sockets: lease.sockets + elsewhere,
      release: async () => {
        const { wentOffline } = await lease.release();
        const stillElsewhere = await this.orLocally(0, () => {
          const write = this.redis.multi();
          if (wentOffline) write.hdel(hashKey(organizationId), fieldOf(actor, this.instanceId));
          return this.writeSocketCount(write, organizationId, actor);
        });
        return { wentOffline: wentOffline && stillElsewhere === 0 };
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
    for (const { organizationId, actor, sockets } of held) {
      write.hset(hashKey(organizationId), fieldOf(actor, this.instanceId), '1');
      write.hset(socketsKey(organizationId, actor), this.instanceId, String(sockets)).expire(socketsKey(organizationId, actor), SOCKETS_TTL_SECONDS);
    }
    await write.exec().catch((error: Error) => logger.warn({ err: error }, 'Could not restore presence in Redis'));
  }

  /**
   * Runs `write` with this instance's count of the actor's sockets added, and answers how many
   * the other live instances hold. The count is read as the command is queued, so the last
   * one sent is always the newest, however connects and closes interleave.
   */
  private async writeSocketCount(write: ChainableCommander, organizationId: string, actor: ActorRef): Promise<number> {
    const key = socketsKey(organizationId, actor);
    const here = this.local.socketsOf(organizationId, actor);
    if (here > 0) write.hset(key, this.instanceId, String(here)).expire(key, SOCKETS_TTL_SECONDS);
    else write.hdel(key, this.instanceId);
    const results = (await write.hgetall(key).exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0];
    const counts = Object.entries(results.at(-1)![1] as Record<string, string>).filter(([instance]) => instance !== this.instanceId);
    if (counts.length === 0) return 0;
    const heartbeats = await this.redis.mget(counts.map(([instance]) => instanceKey(instance)));
    const dead = counts.filter((_, index) => heartbeats[index] === null).map(([instance]) => instance);
    if (dead.length > 0) await this.redis.hdel(key, ...dead);
    return counts.reduce((sum, [, count], index) => (heartbeats[index] === null ? sum : sum + Number(count)), 0);
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
/** Per actor: instance id → that instance's open sockets of the actor. */
const socketsKey = (organizationId: string, actor: ActorRef) => `counterchat:sockets:${organizationId}:${actorKey(actor)}`;
