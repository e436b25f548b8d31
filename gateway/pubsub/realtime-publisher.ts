import type { ActorRef } from '../../entities/actor-type.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { Message } from '../../entities/message.entity.js';
import type { EventBus } from './event-bus.js';
import { ConversationEventKind, type Jsonified, type MessageEventKind } from './event-payloads.js';
import { logger } from '../logging/logger.js';

/**
 * The domain events clients see live. Call only after the change committed (see
 * TenantScope.afterCommit): a subscriber must never see what a rollback undid.
 * Publishing never fails the caller: clients catch up by sequence after a lost event.
 */
export class RealtimePublisher {
  constructor(private readonly bus: EventBus) {}

  message(kind: MessageEventKind, message: Message): void {
    this.safely(() =>
      this.bus.publish('conversation', message.conversationId, {
        kind,
        conversationId: message.conversationId,
        message: message as unknown as Jsonified<Message>,
      }),
    );
  }

  read(conversationId: string, reader: ActorRef, sequence: number, readAt: Date): void {
    this.safely(() =>
      this.bus.publish('conversation', conversationId, {
        kind: ConversationEventKind.READ,
        conversationId,
        reader,
        sequence,
        readAt: readAt.toISOString(),
      }),
    );
  }

  /** The inbox row changed: new thread, new message, status, assignee, priority or a read position. */
  conversationChanged(conversation: Conversation): void {
    this.safely(() =>
      this.bus.publish('inbox', conversation.organizationId, { conversation: conversation as unknown as Jsonified<Conversation> }),
    );
  }

  typing(conversationId: string, actor: ActorRef, typing: boolean): void {
    this.safely(() => this.bus.publish('typing', conversationId, { conversationId, actor, typing }));
  }

  presence(organizationId: string, actor: ActorRef, online: boolean): void {
    this.safely(() => this.bus.publish('presence', organizationId, { actor, online }));
  }

  apiKeyRevoked(organizationId: string, apiKeyId: string): void {
    this.safely(() => this.bus.publish('access', organizationId, { apiKeyId }));
  }

  /** The customer's chat tokens were revoked (erasure): their widget sockets close. */
  chatTokensRevoked(organizationId: string, customerId: string): void {
    this.safely(() => this.bus.publish('access', organizationId, { customerId }));
  }

  /** Not for clients: tells the webhook workers (on every instance) not to wait for their next poll. */
  webhooksQueued(): void {
    this.safely(() => this.bus.publish('webhooks', 'queued', {}));
  }

  private safely(publish: () => void): void {
    try {
      publish();
    } catch (error) {
      logger.error({ err: error }, 'Could not publish a realtime event; clients will catch up on reconnect.');
    }
  }
}
