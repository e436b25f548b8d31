import type { Attachment } from '../../entities/attachment.entity.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { Message } from '../../entities/message.entity.js';
import type { MessageDelivery } from '../../entities/message-delivery.entity.js';
import type { Reaction } from '../../entities/reaction.entity.js';
import type { PublishedActor } from './event-payloads.js';

/** An attachment as an event described it: its metadata, not where it is stored. */
export type RevivedAttachment = Pick<
  Attachment,
  'id' | 'conversationId' | 'messageId' | 'fileName' | 'contentType' | 'byteSize' | 'sha256' | 'width' | 'height' | 'createdAt'
> & { hasThumbnail: boolean };

/** A delivery as an event described it: what the API shows of it. */
export type RevivedDelivery = Pick<MessageDelivery, 'messageId' | 'conversationId' | 'state' | 'reason' | 'updatedAt'>;

/**
 * What an event told a subscriber about one relation of a row it revived, kept beside the
 * row rather than on it (entities stay entities). Field resolvers ask here first and fall
 * back to their loaders when the event didn't say. Each subscriber revives its own rows
 * from the payload, and the map holds them weakly, so nothing crosses viewers or outlives
 * the event.
 */
export class PublishedRelation<Row extends object, Value> {
  private readonly values = new WeakMap<Row, Value>();

  attach(row: Row, value: Value): void {
    this.values.set(row, value);
  }

  /** Undefined: the event didn't carry it; load it. */
  of(row: Row): Value | undefined {
    return this.values.get(row);
  }
}

/** Only senders whose name the publisher knew. */
export const publishedSender = new PublishedRelation<Message, PublishedActor>();
export const publishedAttachments = new PublishedRelation<Message, RevivedAttachment[]>();
export const publishedReactions = new PublishedRelation<Message, Reaction[]>();
/** Null: the message has no delivery (not a reply through WhatsApp or SMS). */
export const publishedDelivery = new PublishedRelation<Message, RevivedDelivery | null>();
/** Null: the conversation has no message yet. */
export const publishedLastMessage = new PublishedRelation<Conversation, Message | null>();
