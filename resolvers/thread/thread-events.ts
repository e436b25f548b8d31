import type { ActorRef } from '../../entities/actor-type.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { Message } from '../../entities/message.entity.js';
import type { WebhookEventType } from '../../entities/webhook-event-type.js';
import { ConversationEventKind, type MessageEventKind, type PublishedActor } from '../../gateway/pubsub/event-payloads.js';
import { actorOf } from '../../gateway/auth/viewer.js';
import { publishedActor, publishedSender } from '../actor/actor-names.js';
import type { MessageRelations } from '../../gateway/pubsub/published-rows.js';
import type { ConversationChange, RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { recordEvent } from '../../gateway/webhooks/outbox.js';
import type { JsonObject } from '../../gateway/webhooks/webhook-payloads.js';

/**
 * What others hear of a thread's changes: webhook receivers through the outbox, written in
 * the change's own transaction, and live subscribers through the bus once it has committed
 * (`afterCommit`; at once outside a transaction). The thread module's one door to the
 * RealtimePublisher.
 */
export class ThreadEvents {
  constructor(private readonly realtime: RealtimePublisher) {}

  /**
   * A webhook event about the conversation, recorded in `tx` (gateway/webhooks/outbox.ts);
   * `about`: the message it carries, whose visibility decides which endpoints may have it.
   */
  webhook(tx: TenantScope, type: WebhookEventType, conversationId: string, data: JsonObject, about?: Message): Promise<void> {
    return recordEvent(tx, this.realtime, type, conversationId, data, about);
  }

  /**
   * The thread's subscribers hear of a message added, edited or deleted, with what they would
   * otherwise each look up (`relations`, looked up before commit: events leave in commit order).
   */
  message(tx: TenantScope, kind: MessageEventKind, message: Message, relations: MessageRelations): void {
    tx.afterCommit(`message:${message.id}`, () => this.realtime.message(kind, message, relations));
  }

  /**
   * A new message's sender as its event carries it. The viewer (who sends almost every
   * message) comes from the publisher's recent senders, sparing the locked transaction a
   * lookup; anyone else is looked up in `tx`.
   */
  sender(tx: TenantScope, sender: ActorRef): Promise<PublishedActor> {
    const viewer = actorOf(tx.viewer);
    return viewer.type === sender.type && viewer.id === sender.id ? publishedSender(tx, this.realtime.senderNames) : publishedActor(tx, sender);
  }

  /** Reactions are written outside a transaction: subscribers hear of them at once. */
  reactionsChanged(message: Message, relations: MessageRelations): void {
    this.realtime.message(ConversationEventKind.REACTIONS_CHANGED, message, relations);
  }

  /**
   * The inbox row changed (a message, a status, an assignee, a priority, a read position).
   * Published once per transaction, with the row's final state and what changed it.
   */
  inbox(tx: TenantScope, conversation: Conversation, change?: ConversationChange): void {
    tx.afterCommit(`conversation:${conversation.id}`, () => this.realtime.conversationChanged(conversation, change));
  }

  /** Someone read up to `sequence` (the read position is written outside a transaction). */
  read(conversationId: string, reader: ActorRef, sequence: number, readAt: Date): void {
    this.realtime.read(conversationId, reader, sequence, readAt);
  }
}
