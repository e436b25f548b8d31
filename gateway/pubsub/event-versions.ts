import type { ActorType } from '../../entities/actor-type.js';
import { ConversationEventKind, EVENT_VERSION, type PublishedMessage, type Topics } from './event-payloads.js';

/**
 * A payload from the bus as this release reads it, or undefined when it can't: a version
 * it doesn't know (a newer instance during a rolling deploy) or no payload at all. The
 * caller drops those; clients catch up by sequence as after any lost event.
 *
 * Payloads without `v` are the previous release's, accepted for this one release so that
 * clients of upgraded instances don't miss what older ones publish while a deploy rolls:
 * every field they have means what it means in version 1, and what they lack (the sender's
 * name, attachments, reactions, the inbox's last message) is left unknown, so subscribers
 * load it as they used to.
 */
export function readPayload<T extends keyof Topics>(topic: T, payload: unknown): Topics[T][1] | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const version = (payload as { v?: unknown }).v;
  if (version === EVENT_VERSION) return payload as Topics[T][1];
  if (version !== undefined) return undefined;
  return fromPreviousRelease(topic, payload as Record<string, unknown>) as Topics[T][1];
}

/** The previous release's message: the entity as JSON, its sender as two columns. */
interface PreviousReleaseMessage extends Omit<PublishedMessage, 'sender'> {
  senderType: ActorType | null;
  senderId: string | null;
}

function fromPreviousRelease(topic: keyof Topics, payload: Record<string, unknown>): unknown {
  if (topic === 'conversation' && payload.kind !== ConversationEventKind.READ && typeof payload.message === 'object' && payload.message !== null) {
    const message = payload.message as PreviousReleaseMessage;
    const sender = message.senderType && message.senderId ? { type: message.senderType, id: message.senderId, name: null } : null;
    return { ...payload, v: EVENT_VERSION, message: { ...message, sender } };
  }
  return { ...payload, v: EVENT_VERSION };
}
