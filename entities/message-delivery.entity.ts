import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Conversation } from './conversation.entity.js';
import type { WhatsAppTemplateRef } from './channel-connection.entity.js';

/** Where a reply sent through WhatsApp or SMS is, as the provider last told us. */
export enum MessageDeliveryState {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  READ = 'READ',
  FAILED = 'FAILED',
}

/** A template message: what the provider is asked to send instead of the body. */
export interface TemplateSend extends WhatsAppTemplateRef {
  parameters: string[];
}

/** The delivery of one outbound message through its conversation's channel connection. */
@Entity({ name: 'message_delivery' })
export class MessageDelivery {
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId: string;

  @Column({ name: 'connection_id', type: 'uuid' })
  connectionId: string;

  /** Text with a CHECK. */
  @Column({ type: 'text' })
  state: MessageDeliveryState;

  /** The provider's id (wamid… / SM…): status callbacks name the message by it. */
  @Column({ name: 'provider_message_id', type: 'text', nullable: true })
  providerMessageId: string | null;

  /** Why it failed, in the provider's words (code and message). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Set for WhatsApp template messages. */
  @Column({ type: 'jsonb', nullable: true })
  template: TemplateSend | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * Whether the messages of `conversation` can have a delivery: only replies through its channel
 * connection do. A thread gets its connection when it is created and loses it only when the
 * connection is deleted, which deletes the connection's deliveries with it (ON DELETE CASCADE),
 * so a thread without one has none: events say so instead of subscribers asking.
 */
export function hasDeliveries<T extends Pick<Conversation, 'channelConnectionId'>>(conversation: T): conversation is T & { channelConnectionId: string } {
  return Boolean(conversation.channelConnectionId);
}
