import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A provider's message id seen on a connection: providers redeliver webhooks, and a second
 * delivery of the same id must not become a second message. Written in the transaction that
 * appends the message (or queues its media download).
 */
@Entity({ name: 'channel_inbound_message' })
export class ChannelInboundMessage {
  @PrimaryColumn({ name: 'connection_id', type: 'uuid' })
  connectionId: string;

  @PrimaryColumn({ name: 'provider_message_id', type: 'text' })
  providerMessageId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** Null while its media is being downloaded. */
  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
