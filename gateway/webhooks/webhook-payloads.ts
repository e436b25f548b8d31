import { ActorType, type ActorRef } from '../../entities/actor-type.js';
import type { Attachment } from '../../entities/attachment.entity.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { Message } from '../../entities/message.entity.js';
import { attachmentFileName } from '../files/attachment-file-name.js';

/**
 * The `data` of webhook events, shaped like the GraphQL types (same field names and
 * `__typename`), so a partner reuses the types codegen gives them. Related objects are
 * references (`{ __typename, id }`): query the API for more. Attachments carry no URL,
 * because signed links expire long before a retried delivery arrives.
 */
export type JsonObject = { [key: string]: JsonValue };
type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

const TYPENAME_OF_ACTOR: Record<ActorType, string> = {
  [ActorType.STAFF]: 'StaffMember',
  [ActorType.CUSTOMER]: 'Customer',
  [ActorType.PARTNER]: 'PartnerApp',
};

export function actorReference(actor: ActorRef | null): JsonObject | null {
  return actor ? { __typename: TYPENAME_OF_ACTOR[actor.type], id: actor.id } : null;
}

const iso = (date: Date | null | undefined) => (date ? new Date(date).toISOString() : null);

export function messagePayload(message: Message, attachments: readonly Attachment[] = []): JsonObject {
  return {
    __typename: 'Message',
    id: message.id,
    conversationId: message.conversationId,
    sequence: message.sequence,
    kind: message.kind,
    visibility: message.visibility,
    body: message.body,
    clientMessageId: message.clientMessageId,
    sender: message.senderType && message.senderId ? actorReference({ type: message.senderType, id: message.senderId }) : null,
    replyTo: message.replyToId ? { __typename: 'Message', id: message.replyToId } : null,
    systemEvent: message.systemEvent
      ? { __typename: 'SystemEvent', type: message.systemEvent.type, from: message.systemEvent.from ?? null, to: message.systemEvent.to ?? null }
      : null,
    attachments: attachments.map((attachment) => ({
      __typename: 'Attachment',
      id: attachment.id,
      fileName: attachmentFileName(attachment.fileName, attachment.contentType),
      contentType: attachment.contentType,
      byteSize: attachment.byteSize,
      sha256: attachment.sha256,
      width: attachment.width ?? null,
      height: attachment.height ?? null,
    })),
    createdAt: iso(message.createdAt),
    editedAt: iso(message.editedAt),
    deletedAt: iso(message.deletedAt),
  };
}

/** `labels` ({ __typename: 'Label', id, name }) is put in by `recordEvent` (outbox.ts), as they stand when the event is recorded. */
export function conversationPayload(conversation: Conversation): JsonObject {
  return {
    __typename: 'Conversation',
    id: conversation.id,
    subject: conversation.subject,
    status: conversation.status,
    priority: conversation.priority,
    channel: conversation.channel,
    customer: { __typename: 'Customer', id: conversation.customerId },
    assignee: conversation.assigneeId ? { __typename: 'StaffMember', id: conversation.assigneeId } : null,
    lastSequence: conversation.lastSequence,
    createdAt: iso(conversation.createdAt),
  };
}
