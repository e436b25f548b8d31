import { Conversation } from '../../entities/conversation.entity.js';
import { Message, MessageVisibility } from '../../entities/message.entity.js';
import { Reaction } from '../../entities/reaction.entity.js';
import type { PublishedConversation, PublishedMessage } from './event-payloads.js';
import {
  publishedAttachments,
  publishedDelivery,
  publishedLastMessage,
  publishedReactions,
  publishedSender,
  type RevivedAttachment,
} from './published-relations.js';

const date = (value: string | null | undefined) => (value ? new Date(value) : null);

/**
 * The message a subscriber resolves fields on: an entity with the row's fields, and what
 * the event carried of its relations beside it (published-relations.ts).
 */
export function reviveMessage(published: PublishedMessage): Message {
  const message = Object.assign(new Message(), {
    id: published.id,
    conversationId: published.conversationId,
    sequence: published.sequence,
    kind: published.kind,
    visibility: published.visibility ?? MessageVisibility.EVERYONE,
    senderType: published.sender?.type ?? null,
    senderId: published.sender?.id ?? null,
    body: published.body,
    systemEvent: published.systemEvent,
    replyToId: published.replyToId,
    clientMessageId: published.clientMessageId,
    createdAt: new Date(published.createdAt),
    editedAt: date(published.editedAt),
    deletedAt: date(published.deletedAt),
  });
  if (published.sender?.name !== null && published.sender?.name !== undefined) publishedSender.attach(message, published.sender);
  if (published.attachments) {
    publishedAttachments.attach(
      message,
      published.attachments.map((attachment): RevivedAttachment => ({
        ...attachment,
        conversationId: published.conversationId,
        messageId: published.id,
        createdAt: new Date(attachment.createdAt),
      })),
    );
  }
  if (published.reactions) {
    publishedReactions.attach(
      message,
      published.reactions.map(({ id, emoji, actor, createdAt }) =>
        Object.assign(new Reaction(), { id, messageId: published.id, emoji, actorType: actor.type, actorId: actor.id, createdAt: new Date(createdAt) }),
      ),
    );
  }
  if (published.delivery !== undefined) {
    const delivery = published.delivery;
    publishedDelivery.attach(message, delivery && { ...delivery, messageId: published.id, conversationId: published.conversationId, updatedAt: new Date(delivery.updatedAt) });
  }
  return message;
}

/** The inbox row; its last message beside it when the event carried it (null: none yet). */
export function reviveConversation({ lastMessage, ...published }: PublishedConversation): Conversation {
  const conversation = Object.assign(new Conversation(), published, {
    lastMessageAt: date(published.lastMessageAt),
    lastActivityAt: new Date(published.lastActivityAt),
    createdAt: new Date(published.createdAt),
    updatedAt: new Date(published.updatedAt),
    snoozedUntil: date(published.snoozedUntil),
    awaitingSince: date(published.awaitingSince),
  });
  // Only the message the row names: a payload that disagrees with itself is not trusted.
  if (lastMessage === null && conversation.lastMessageId === null) publishedLastMessage.attach(conversation, null);
  if (lastMessage && lastMessage.id === conversation.lastMessageId) publishedLastMessage.attach(conversation, reviveMessage(lastMessage));
  return conversation;
}
