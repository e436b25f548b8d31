import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WebhookEventType } from './webhook-event-type.js';

/**
 * A domain event, written in the same transaction as the change it describes: it
 * exists exactly when the change committed. Its id is the event id receivers dedupe by.
 */
@Entity({ name: 'outbox_event' })
export class OutboxEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** The conversation the event is about; erasing its customer deletes the event. */
  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId: string;

  @Column({ type: 'text' })
  type: WebhookEventType;

  /** The `data` of the delivered JSON, shaped like the GraphQL types. */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
