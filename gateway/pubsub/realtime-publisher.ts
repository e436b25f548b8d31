import type { ActorRef } from '../../entities/actor-type.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { Message } from '../../entities/message.entity.js';
import type { EventBus } from './event-bus.js';
import type { CallEventPayload } from './call-payloads.js';
import { type AccessRevokedPayload, ConversationEventKind, EVENT_VERSION, type InboxEventPayload, type MessageEventKind } from './event-payloads.js';
import { publishedConversation, publishedMessage, type MessageRelations } from './published-rows.js';
import { logger } from '../logging/logger.js';
import { SenderNames } from './sender-names.js';

/** What an inbox event may carry beyond the row. */
export interface ConversationChange {
  /** The message just added or changed, with what is known of it: embedded when it is the row's last message. */
  message?: { message: Message } & MessageRelations;
  /**
   * Someone's read position moved to `sequence`: up by reading, back by "mark as unread".
   * Written without locking the row: subscribers read the row afresh (inbox-events.resolver.ts).
   */
  read?: { reader: ActorRef; sequence: number };
}

/**
 * The domain events clients see live, as the versioned payloads of event-payloads.ts. Call
 * only after the change committed (see TenantScope.afterCommit): a subscriber must never
 * see what a rollback undid. Publishing never fails the caller: clients catch up by
 * sequence after a lost event.
 */
export class RealtimePublisher {
  /** Recent senders' names, so a send need not look its sender up (sender-names.ts). */
  readonly senderNames = new SenderNames();

  constructor(private readonly bus: EventBus) {}

  /** `relations`: what every subscriber would otherwise load for itself, the sender's name first. */
  message(kind: MessageEventKind, message: Message, relations: MessageRelations): void {
    this.safely(() =>
      this.bus.publish('conversation', message.conversationId, {
        v: EVENT_VERSION,
        kind,
        conversationId: message.conversationId,
        message: publishedMessage(message, relations),
      }),
    );
  }

  read(conversationId: string, reader: ActorRef, sequence: number, readAt: Date): void {
    this.safely(() =>
      this.bus.publish('conversation', conversationId, {
        v: EVENT_VERSION,
        kind: ConversationEventKind.READ,
        conversationId,
        reader,
        sequence,
        readAt: readAt.toISOString(),
      }),
    );
  }

  /** The inbox row changed: new thread, new message, status, assignee, priority or a read position. */
  conversationChanged(conversation: Conversation, change: ConversationChange = {}): void {
    this.safely(() => {
      const payload: InboxEventPayload = { v: EVENT_VERSION, conversation: publishedConversation(conversation) };
      if (conversation.lastMessageId === null) payload.conversation.lastMessage = null;
      else if (change.message?.message.id === conversation.lastMessageId) {
        payload.conversation.lastMessage = publishedMessage(change.message.message, change.message);
      }
      if (change.read) payload.read = change.read;
      this.bus.publish('inbox', conversation.organizationId, payload);
    });
  }

  typing(conversationId: string, actor: ActorRef, typing: boolean): void {
    this.safely(() => this.bus.publish('typing', conversationId, { v: EVENT_VERSION, conversationId, actor, typing }));
  }

  /** A video call's state change or signal (call-payloads.ts): only the call's channel hears it, never a table. */
  call(payload: CallEventPayload): void {
    this.safely(() => this.bus.publish('call', payload.callId, payload));
  }

  presence(organizationId: string, actor: ActorRef, online: boolean): void {
    this.safely(() => this.bus.publish('presence', organizationId, { v: EVENT_VERSION, actor, online }));
  }

  apiKeyRevoked(organizationId: string, apiKeyId: string): void {
    this.accessRevoked(organizationId, { v: EVENT_VERSION, apiKeyId });
  }

  /** The customer's chat tokens were revoked (blocked, erased): their widget sockets close. */
  chatTokensRevoked(organizationId: string, customerId: string): void {
    this.accessRevoked(organizationId, { v: EVENT_VERSION, customerId });
  }

  /** Not for clients: tells the webhook workers (on every instance) not to wait for their next poll. */
  webhooksQueued(): void {
    this.safely(() => this.bus.publish('webhooks', 'queued', { v: EVENT_VERSION }));
  }

  private accessRevoked(organizationId: string, payload: AccessRevokedPayload): void {
    this.safely(() => this.bus.publish('accessRevoked', 'all', payload));
    // The release before this one hears it here (event-payloads.ts).
    this.safely(() => this.bus.publish('access', organizationId, payload));
  }

  private safely(publish: () => void): void {
    try {
      publish();
    } catch (error) {
      logger.error({ err: error }, 'Could not publish a realtime event; clients will catch up on reconnect.');
    }
  }
}
