import { randomUUID } from 'node:crypto';
import { ActorType, type ActorRef } from '../../entities/actor-type.js';
import { Attachment } from '../../entities/attachment.entity.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import { WebhookEventType } from '../../entities/webhook-event-type.js';
import { messagePayload } from '../../gateway/webhooks/webhook-payloads.js';
import { Message, MessageKind, MessageVisibility, type SystemEvent } from '../../entities/message.entity.js';
import { hasDeliveries } from '../../entities/message-delivery.entity.js';
import { ConversationEventKind, type PublishedActor } from '../../gateway/pubsub/event-payloads.js';
import { publishedAttachments, publishedDelivery, publishedReactions, publishedSender } from '../../gateway/pubsub/published-relations.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { awaitingSinceAfter } from './awaiting-since.js';
import type { ThreadEvents } from './thread-events.js';
import { queueStaffAlerts } from '../staff-notification/staff-alerts.task.js';
import { answeredTogether } from '../../gateway/tenancy/answered-together.js';

/** A stored file to attach, as attachment intake produced it. */
export type NewAttachment = Omit<Attachment, 'id' | 'organizationId' | 'conversationId' | 'messageId' | 'message' | 'createdAt'>;

export type NewMessage = (
  | { kind: MessageKind.TEXT; sender: ActorRef; body: string; clientMessageId: string; replyToId: string | null; attachments?: readonly NewAttachment[] }
  | { kind: MessageKind.SYSTEM; body: string; systemEvent: SystemEvent }
  | { kind: MessageKind.NOTE; sender: ActorRef; body: string; clientMessageId: string }
) & {
  /** Who may read it (gateway/tenancy/message-audience.ts); EVERYONE unless said. */
  visibility?: MessageVisibility;
};

/** What someone wrote: a message or a note (a SYSTEM message has no writer). */
export type WrittenMessage = Extract<NewMessage, { sender: ActorRef }>;

/**
 * Appends a message to a conversation that `tx` holds locked (FOR UPDATE) in its
 * transaction. The row lock serializes appends per conversation, so sequence numbers
 * are dense and commit order equals sequence order: a client that has seen N never
 * later receives a new message numbered below N. Subscribers hear of it after commit.
 */
export async function appendMessage(
  tx: TenantScope,
  events: ThreadEvents,
  conversation: Conversation,
  message: NewMessage,
  /** Statements of the caller's that need only the new row (its id, its sequence): they go out with the insert. */
  alongside: (row: Message) => readonly (Promise<unknown> | undefined)[] = () => [],
): Promise<Message> {
  const sequence = conversation.lastSequence + 1;
  const now = new Date();
  const row = Object.assign(new Message(), {
    id: randomUUID(),
    organizationId: tx.organizationId,
    conversationId: conversation.id,
    sequence,
    kind: message.kind,
    // A note is for the team, whatever was asked.
    visibility: message.kind === MessageKind.NOTE ? MessageVisibility.TEAM : (message.visibility ?? MessageVisibility.EVERYONE),
    senderType: message.kind === MessageKind.SYSTEM ? null : message.sender.type,
    senderId: message.kind === MessageKind.SYSTEM ? null : message.sender.id,
    body: message.body,
    systemEvent: message.kind === MessageKind.SYSTEM ? message.systemEvent : null,
    replyToId: message.kind === MessageKind.TEXT ? message.replyToId : null,
    clientMessageId: message.kind === MessageKind.SYSTEM ? null : message.clientMessageId,
    createdAt: now,
    editedAt: null,
    deletedAt: null,
  });
  const lastActivity = { lastSequence: sequence, lastMessageId: row.id, lastMessageAt: now, lastActivityAt: now, awaitingSince: awaitingSinceAfter(conversation, row) };
  const inserted = insertAndMoveThread(tx, row, lastActivity.awaitingSince);
  const files = message.kind === MessageKind.TEXT ? (message.attachments ?? []) : [];
  // A file's row refers to the message's, and the webhook's payload carries the files: a message with files waits for both.
  const attachments =
    files.length === 0
      ? []
      : await inserted.then(() => tx.insertMany(Attachment, files.map((file) => ({ ...file, conversationId: conversation.id, messageId: row.id }))));
  // The rest needs nothing from the insert's answer: one round trip for all. Should the insert
  // fail (a retried send's duplicate), the others are refused behind it and the transaction rolls back.
  const [, , , sender] = await answeredTogether([
    inserted,
    // Staff hear of a customer's message with no dashboard open: Web Push now, the e-mail digest if it waits.
    message.kind === MessageKind.TEXT && message.sender.type === ActorType.CUSTOMER ? queueStaffAlerts(tx, row) : undefined,
    events.webhook(tx, WebhookEventType.MESSAGE_CREATED, row.conversationId, { message: messagePayload(row, attachments) }, row),
    // Known or looked up here, not after commit: events must leave in commit order.
    message.kind === MessageKind.SYSTEM ? null : events.sender(tx, message.sender),
    ...alongside(row),
  ]);
  Object.assign(conversation, lastActivity, { messageCount: conversation.messageCount + 1, updatedAt: now });
  // A reply's delivery is written after it (queueChannelDelivery): known here only where there is none.
  const relations = {
    sender,
    attachments,
    reactions: [],
    ...(hasDeliveries(conversation) ? {} : { delivery: null }),
  };
  // The answer to the send resolves on this row: what is known of it costs no statement there either.
  attachKnownRelations(row, relations);
  events.message(tx, ConversationEventKind.MESSAGE_ADDED, row, relations);
  events.inbox(tx, conversation, { message: { message: row, ...relations } });
  return row;
}

/**
 * The message row and the thread's last activity in one statement (one round trip on every
 * send): the insert is a data-modifying CTE, so a duplicate client message id (the unique
 * index) fails the statement and the thread doesn't move.
 */
async function insertAndMoveThread(tx: TenantScope, row: Message, awaitingSince: Date | null): Promise<void> {
  await tx.execute(
    `WITH inserted AS (
       INSERT INTO message (id, organization_id, conversation_id, sequence, kind, visibility, sender_type, sender_id, body, system_event, reply_to_id, client_message_id, created_at)
       VALUES ($2, $1, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13)
     )
     UPDATE conversation SET last_sequence = $4, last_message_id = $2, last_message_at = $13, last_activity_at = $13, awaiting_since = $14,
       message_count = message_count + 1, updated_at = $13
     WHERE organization_id = $1 AND id = $3`,
    [
      row.id,
      row.conversationId,
      row.sequence,
      row.kind,
      row.visibility,
      row.senderType,
      row.senderId,
      row.body,
      row.systemEvent === null ? null : JSON.stringify(row.systemEvent),
      row.replyToId,
      row.clientMessageId,
      row.createdAt,
      awaitingSince,
    ],
  );
}

/** A new message's attachments (the ones just stored), reactions (none yet), sender's name and delivery (when none), beside the row. */
function attachKnownRelations(row: Message, relations: { sender: PublishedActor | null; attachments: readonly Attachment[]; delivery?: null }): void {
  publishedAttachments.attach(
    row,
    relations.attachments.map((attachment) => ({ ...attachment, hasThumbnail: Boolean(attachment.thumbnailStorageKey) })),
  );
  publishedReactions.attach(row, []);
  if (relations.delivery === null) publishedDelivery.attach(row, null);
  if (relations.sender?.name !== null && relations.sender?.name !== undefined) publishedSender.attach(row, relations.sender);
}
