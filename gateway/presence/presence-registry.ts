import type { ActorRef } from '../../entities/actor-type.js';

/**
 * Who is online, derived from live sockets across every gateway instance.
 * `connect` is called once per authenticated socket; the returned function once
 * when it closes.
 */
export interface PresenceRegistry {
  connect(organizationId: string, actor: ActorRef): Promise<PresenceLease>;
  online(organizationId: string): Promise<ActorRef[]>;
  dispose(): Promise<void>;
}

export interface PresenceLease {
  /** True when this socket made the actor go from offline to online here. */
  cameOnline: boolean;
  /**
   * The actor's open sockets with this one, on every instance (this instance's alone while
   * Redis is away): what the per-identity socket limit counts.
   */
  sockets: number;
  /** Ends this socket's presence; resolves to whether the actor is now offline everywhere. */
  release(): Promise<{ wentOffline: boolean }>;
}

export const actorKey = (actor: ActorRef) => `${actor.type}:${actor.id}`;

export function parseActorKey(key: string): ActorRef {
  const [type, id] = key.split(':');
  return { type: type as ActorRef['type'], id: id! };
}
