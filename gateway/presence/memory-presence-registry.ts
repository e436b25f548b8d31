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

  /** Every actor with a live socket here, with their organization. */
  held(): { organizationId: string; actor: ActorRef }[] {
    return [...this.sockets].flatMap(([organizationId, counts]) => [...counts.keys()].map((key) => ({ organizationId, actor: parseActorKey(key) })));
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
