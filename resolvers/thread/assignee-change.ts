import { ActorType, type ActorRef } from '../../entities/actor-type.js';
import { Conversation } from '../../entities/conversation.entity.js';
import { MessageKind, MessageVisibility, SystemEventKind } from '../../entities/message.entity.js';
import { ParticipantRole } from '../../entities/participant.entity.js';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import { WebhookEventType } from '../../entities/webhook-event-type.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { conversationPayload } from '../../gateway/webhooks/webhook-payloads.js';
import { appendMessage } from './message-append.js';
import { joinAndRead } from './read-position.js';
import type { ThreadEvents } from './thread-events.js';

/**
 * Hands a conversation that `tx` holds locked to `assignee` (null: nobody) and records it as
 * a SYSTEM message for the team. The previous assignee stays a participant as an agent; the new one
 * becomes the assignee participant. Assigning the current assignee changes nothing.
 */
export async function changeAssignee(
  tx: TenantScope,
  events: ThreadEvents,
  conversation: Conversation,
  assignee: Pick<StaffUser, 'id' | 'name'> | null,
  actor: ActorRef,
): Promise<void> {
  const previous = conversation.assigneeId;
  if (previous === (assignee?.id ?? null)) return;
  await tx.update(Conversation, { id: conversation.id }, { assigneeId: assignee?.id ?? null });
  conversation.assigneeId = assignee?.id ?? null;
  await tx.audit(AuditAction.CONVERSATION_ASSIGNED, { type: 'Conversation', id: conversation.id }, { from: previous, to: conversation.assigneeId });
  await events.webhook(tx, WebhookEventType.CONVERSATION_ASSIGNED, conversation.id, {
    conversation: conversationPayload(conversation),
    previousAssignee: previous ? { __typename: 'StaffMember', id: previous } : null,
  });
  if (previous) {
    await joinAndRead(tx, conversation, { type: ActorType.STAFF, id: previous }, { role: ParticipantRole.AGENT, changeRole: true });
  }
  if (assignee) {
    await joinAndRead(tx, conversation, { type: ActorType.STAFF, id: assignee.id }, { role: ParticipantRole.ASSIGNEE, changeRole: true });
  }
  await appendMessage(tx, events, conversation, {
    kind: MessageKind.SYSTEM,
    body: assignee ? `Conversation assigned to ${assignee.name}.` : 'Conversation unassigned.',
    systemEvent: { type: SystemEventKind.ASSIGNEE_CHANGED, from: previous, to: assignee?.id ?? null, actorType: actor.type, actorId: actor.id },
    // Who handles a thread is the team's business: customers never see assignments.
    visibility: MessageVisibility.TEAM,
  });
}
