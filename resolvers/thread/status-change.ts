import { ActorType, type ActorRef } from '../../entities/actor-type.js';
import { Conversation, ConversationStatus } from '../../entities/conversation.entity.js';
import { MessageKind, MessageVisibility, SystemEventKind } from '../../entities/message.entity.js';
import { WebhookEventType } from '../../entities/webhook-event-type.js';
import { conversationPayload } from '../../gateway/webhooks/webhook-payloads.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { appendMessage } from './message-append.js';
import type { ThreadEvents } from './thread-events.js';

const STATUS_WORDS: Record<ConversationStatus, string> = {
  [ConversationStatus.OPEN]: 'reopened',
  [ConversationStatus.PENDING]: 'marked as pending',
  [ConversationStatus.RESOLVED]: 'resolved',
  [ConversationStatus.CLOSED]: 'closed',
};

/**
 * Moves a conversation that `tx` holds locked to `status` and records the change as a
 * SYSTEM message, whoever caused it (staff, a partner, or a customer writing again);
 * `statusChangeVisibility` decides whether the customer sees it.
 * Setting the current status changes nothing.
 */
export async function changeStatus(
  tx: TenantScope,
  events: ThreadEvents,
  conversation: Conversation,
  status: ConversationStatus,
  actor: ActorRef,
  wording = `Conversation ${STATUS_WORDS[status]}.`,
): Promise<void> {
  const previous = conversation.status;
  if (previous === status) return;
  // A finished thread has nothing to wake up for: its snooze ends silently with it.
  const snoozedUntil = isFinished(status) ? null : conversation.snoozedUntil;
  await tx.update(Conversation, { id: conversation.id }, { status, snoozedUntil });
  Object.assign(conversation, { status, snoozedUntil });
  await tx.audit(AuditAction.CONVERSATION_STATUS_CHANGED, { type: 'Conversation', id: conversation.id }, { from: previous, to: status });
  await events.webhook(tx, WebhookEventType.CONVERSATION_STATUS_CHANGED, conversation.id, { conversation: conversationPayload(conversation), previousStatus: previous });
  await appendMessage(tx, events, conversation, {
    kind: MessageKind.SYSTEM,
    body: wording,
    systemEvent: { type: SystemEventKind.STATUS_CHANGED, from: previous, to: status, actorType: actor.type, actorId: actor.id },
    visibility: statusChangeVisibility(previous, status, actor),
  });
}

/**
 * What a customer is told of a status change: that the pharmacy finished the thread, or
 * opened a finished one again (the widget words it for them from `systemEvent`). Pending,
 * resolved-to-closed and a customer's own reopening by writing stay in the team's view.
 */
export function statusChangeVisibility(from: ConversationStatus, to: ConversationStatus, actor: ActorRef): MessageVisibility {
  if (actor.type === ActorType.CUSTOMER) return MessageVisibility.TEAM;
  return isFinished(from) !== isFinished(to) ? MessageVisibility.EVERYONE : MessageVisibility.TEAM;
}

/** Resolved and closed threads leave the working inbox; a customer writing again brings them back. */
export function isFinished(status: ConversationStatus): boolean {
  return status === ConversationStatus.RESOLVED || status === ConversationStatus.CLOSED;
}
