import type { ActorRef } from '../../entities/actor-type.js';
import { actorKey, parseActorKey, type PresenceLease, type PresenceRegistry } from './presence-registry.js';

/** Presence within one process: socket counts per actor. */
export class MemoryPresenceRegistry implements PresenceRegistry {
  private readonly sockets = new Map<string, Map<string, number>>();

  async connect(organizationId: string, actor: ActorRef): Promise<PresenceLease> {
    const counts = this.sockets.get(organizationId) ?? new Map<string, number>();
    this.sockets.set(organizationId, counts);
    const key = actorKey(actor);
    const before = counts.get(key) ?? 0;
    counts.set(key, before + 1);
    let released = false;
    return {
      cameOnline: before === 0,
      sockets: before + 1,
      release: async () => {
        if (released) return { wentOffline: false };
        released = true;
        const remaining = (counts.get(key) ?? 1) - 1;
        if (remaining > 0) counts.set(key, remaining);
        else counts.delete(key);
        if (counts.size === 0) this.sockets.delete(organizationId);
        return { wentOffline: remaining === 0 };
      },
    };
  }

  async online(organizationId: string): Promise<ActorRef[]> {
    return [...(this.sockets.get(organizationId)?.keys() ?? [])].map(parseActorKey);
  }

  /** The actor's open sockets here. */
  socketsOf(organizationId: string, actor: ActorRef): number {
    return this.sockets.get(organizationId)?.get(actorKey(actor)) ?? 0;
  }

  /** Every actor with a live socket here, with their organization and how many sockets. */
  held(): { organizationId: string; actor: ActorRef; sockets: number }[] {
    return [...this.sockets].flatMap(([organizationId, counts]) =>
      [...counts].map(([key, sockets]) => ({ organizationId, actor: parseActorKey(key), sockets })),
    );
  }

  /** Actors with live sockets, all organizations: what a leak test watches. */
  get size(): number {
    let total = 0;
    for (const counts of this.sockets.values()) total += counts.size;
    return total;
  }

  async dispose(): Promise<void> {
    this.sockets.clear();
  }
}
