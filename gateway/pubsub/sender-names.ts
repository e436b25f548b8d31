import { LRUCache } from 'lru-cache';
import type { ActorRef } from '../../entities/actor-type.js';
import type { PublishedActor } from './event-payloads.js';

/** What is remembered of a sender: the name, and for staff whether they are active. */
export type KnownSender = Pick<PublishedActor, 'active'> & { name: string };

/** Long enough to spare a busy thread's every send a lookup; short enough that a rename shows soon. */
const NAME_TTL_MS = 30_000;
const MAX_NAMES = 10_000;

/**
 * The names of recent senders (and whether staff are active), as new-message events carry
 * them. Looking the sender up in the send's own transaction held the conversation's row lock
 * one statement longer and cost the send path about a tenth of its throughput (bench `--only
 * send`); an active sender sends again within seconds. A rename or a deactivation reaches live
 * events within NAME_TTL_MS on every instance (queries always read the row; a deactivated
 * member's sessions end at once, so they send nothing more); erased customers cannot send, so
 * no erased name is served. One per RealtimePublisher (per gateway instance), keyed by
 * organization too.
 */
export class SenderNames {
  private readonly names = new LRUCache<string, KnownSender>({ max: MAX_NAMES, ttl: NAME_TTL_MS });

  get(organizationId: string, actor: ActorRef): KnownSender | undefined {
    return this.names.get(key(organizationId, actor));
  }

  remember(organizationId: string, actor: ActorRef, known: KnownSender): void {
    this.names.set(key(organizationId, actor), known);
  }
}

const key = (organizationId: string, actor: ActorRef) => `${organizationId}:${actor.type}:${actor.id}`;
