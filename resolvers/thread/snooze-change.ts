import type { ActorRef } from '../../entities/actor-type.js';
import { Conversation } from '../../entities/conversation.entity.js';
import { MessageKind, MessageVisibility, SystemEventKind } from '../../entities/message.entity.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { appendMessage } from './message-append.js';
import type { ThreadEvents } from './thread-events.js';

/**
 * Puts a conversation that `tx` holds locked out of the Open tab until `until`, with a SYSTEM
 * message for the team (a customer never hears that their thread waits). The status stays what
 * it was: partners and the widget see the thread as before, and the job that ends the snooze
 * is the caller's to schedule.
 */
export async function snooze(tx: TenantScope, events: ThreadEvents, conversation: Conversation, until: Date, actor: ActorRef): Promise<void> {
  const previous = conversation.snoozedUntil;
  await tx.update(Conversation, { id: conversation.id }, { snoozedUntil: until });
  conversation.snoozedUntil = until;
  await appendMessage(tx, events, conversation, {
    kind: MessageKind.SYSTEM,
    body: `Snoozed until ${until.toISOString()}.`,
    systemEvent: { type: SystemEventKind.SNOOZED, from: previous?.toISOString() ?? null, to: until.toISOString(), actorType: actor.type, actorId: actor.id },
    visibility: MessageVisibility.TEAM,
  });
}

/** Ends the snooze of a conversation `tx` holds locked, with a SYSTEM message for the team; not snoozed: nothing. */
export async function endSnooze(tx: TenantScope, events: ThreadEvents, conversation: Conversation, actor: ActorRef, wording: string): Promise<void> {
  const previous = conversation.snoozedUntil;
  if (!previous) return;
  await tx.update(Conversation, { id: conversation.id }, { snoozedUntil: null });
  conversation.snoozedUntil = null;
  await appendMessage(tx, events, conversation, {
    kind: MessageKind.SYSTEM,
    body: wording,
    systemEvent: { type: SystemEventKind.UNSNOOZED, from: previous.toISOString(), to: null, actorType: actor.type, actorId: actor.id },
    visibility: MessageVisibility.TEAM,
  });
}
