import { ActorType, type ActorRef } from '../../entities/actor-type.js';
import type { PublishedActor } from '../../gateway/pubsub/event-payloads.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import type { KnownSender, SenderNames } from '../../gateway/pubsub/sender-names.js';
import { actorOf } from '../../gateway/auth/viewer.js';

const key = (ref: ActorRef) => `${ref.type}:${ref.id}`;

/**
 * Actors as events carry them, with the name clients show: looked up once by whoever
 * publishes, one query per kind of actor, instead of once by every subscriber. An actor
 * the scope can't see (an account since deleted) gets a null name: subscribers then
 * resolve it as they would without the event.
 */
export async function publishedActors(scope: TenantScope, refs: readonly ActorRef[]): Promise<PublishedActor[]> {
  const idsOf = (type: ActorType) => [...new Set(refs.filter((ref) => ref.type === type).map((ref) => ref.id))];
  const lookups = [
    { type: ActorType.STAFF, query: () => scope.staff('actor') },
    { type: ActorType.CUSTOMER, query: () => scope.customers('actor') },
    { type: ActorType.PARTNER, query: () => scope.apiKeys('actor') },
  ] as const;
  const known = new Map<string, KnownSender>();
  for (const { type, query } of lookups) {
    const ids = idsOf(type);
    if (ids.length === 0) continue;
    // A staff member's deactivation too: the dashboard marks former staff in every thread.
    const columns = type === ActorType.STAFF ? ['actor.id', 'actor.name', 'actor.deactivatedAt'] : ['actor.id', 'actor.name'];
    const rows: { id: string; name: string; deactivatedAt?: Date | null }[] = await query().select(columns).andWhere('actor.id IN (:...actorIds)', { actorIds: ids }).getMany();
    for (const row of rows) known.set(key({ type, id: row.id }), type === ActorType.STAFF ? { name: row.name, active: !row.deactivatedAt } : { name: row.name });
  }
  return refs.map((ref) => ({ type: ref.type, id: ref.id, name: null, ...known.get(key(ref)) }));
}

export async function publishedActor(scope: TenantScope, ref: ActorRef): Promise<PublishedActor> {
  return (await publishedActors(scope, [ref]))[0]!;
}

/**
 * The viewer as the sender of a new message: from the publisher's recent senders when it
 * sent lately, else looked up (and remembered).
 */
export async function publishedSender(scope: TenantScope, names: SenderNames): Promise<PublishedActor> {
  const sender = actorOf(scope.viewer);
  const known = names.get(scope.viewer.organizationId, sender);
  if (known !== undefined) return { ...sender, ...known };
  const looked = await publishedActor(scope, sender);
  if (looked.name !== null) names.remember(scope.viewer.organizationId, sender, { name: looked.name, active: looked.active });
  return looked;
}
