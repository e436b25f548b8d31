import type { Attachment } from '../../entities/attachment.entity.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { Message } from '../../entities/message.entity.js';
import type { MessageDelivery } from '../../entities/message-delivery.entity.js';
import type { Reaction } from '../../entities/reaction.entity.js';
import type {
  PreviousReleaseMessageFields,
  PublishedActor,
  PublishedAttachment,
  PublishedConversation,
  PublishedMessage,
  PublishedReaction,
} from './event-payloads.js';

/** What the publisher knows of a message beyond its row; subscribers resolve these without a query. */
export interface MessageRelations {
  /** Null for SYSTEM messages. A name of null (an account gone) leaves it to subscribers' loaders. */
  sender: PublishedActor | null;
  /** Leave out when not at hand: subscribers load them. */
  attachments?: readonly Attachment[];
  /** Leave out when not at hand: subscribers load them. A new message has none. */
  reactions?: readonly Reaction[];
  /** Null: it has none (a message of a thread without a channel connection). Leave out when not at hand. */
  delivery?: Pick<MessageDelivery, 'state' | 'reason' | 'updatedAt'> | null;
}

/** A date as JSON writes it, whether the row holds a Date or already its string (what JSON.stringify accepted before). */
const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null | undefined) => (value === null || value === undefined ? null : iso(value));

/** Entities to payloads, field by field: nothing reaches the bus because an entity happened to hold it. */
export function publishedMessage(message: Message, relations: MessageRelations): PublishedMessage & PreviousReleaseMessageFields {
  return {
    id: message.id,
    conversationId: message.conversationId,
    sequence: message.sequence,
    kind: message.kind,
    visibility: message.visibility,
    sender: relations.sender,
    body: message.body,
    systemEvent: message.systemEvent,
    replyToId: message.replyToId,
    clientMessageId: message.clientMessageId,
    createdAt: iso(message.createdAt),
    editedAt: isoOrNull(message.editedAt),
    deletedAt: isoOrNull(message.deletedAt),
    ...(relations.attachments && { attachments: relations.attachments.map(publishedAttachment) }),
    ...(relations.reactions && { reactions: relations.reactions.map(publishedReaction) }),
    ...(relations.delivery !== undefined && { delivery: relations.delivery && { state: relations.delivery.state, reason: relations.delivery.reason, updatedAt: iso(relations.delivery.updatedAt) } }),
    senderType: message.senderType,
    senderId: message.senderId,
  };
}

function publishedAttachment(attachment: Attachment): PublishedAttachment {
  return {
    id: attachment.id,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    byteSize: attachment.byteSize,
    sha256: attachment.sha256,
    width: attachment.width ?? null,
    height: attachment.height ?? null,
    hasThumbnail: Boolean(attachment.thumbnailStorageKey),
    createdAt: iso(attachment.createdAt),
  };
}

function publishedReaction(reaction: Reaction): PublishedReaction {
  return { id: reaction.id, emoji: reaction.emoji, actor: { type: reaction.actorType, id: reaction.actorId }, createdAt: iso(reaction.createdAt) };
}

export function publishedConversation(conversation: Conversation): PublishedConversation {
  return {
    id: conversation.id,
    organizationId: conversation.organizationId,
    customerId: conversation.customerId,
    subject: conversation.subject,
    status: conversation.status,
    priority: conversation.priority,
    channel: conversation.channel,
    assigneeId: conversation.assigneeId,
    isDefault: conversation.isDefault,
    lastSequence: conversation.lastSequence,
    messageCount: conversation.messageCount,
    lastMessageId: conversation.lastMessageId,
    lastMessageAt: isoOrNull(conversation.lastMessageAt),
    lastActivityAt: iso(conversation.lastActivityAt),
    createdAt: iso(conversation.createdAt),
    updatedAt: iso(conversation.updatedAt),
    snoozedUntil: isoOrNull(conversation.snoozedUntil),
    awaitingSince: isoOrNull(conversation.awaitingSince),
  };
}
