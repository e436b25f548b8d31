import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WebhookEventType } from './webhook-event-type.js';

/** Whose eyes an endpoint's deliveries are for: CUSTOMER endpoints never receive team-only messages. */
export enum WebhookAudience {
  CUSTOMER = 'CUSTOMER',
  TEAM = 'TEAM',
}

/** A partner's URL that receives signed POSTs for the events it subscribed to. */
@Entity({ name: 'webhook_endpoint' })
export class WebhookEndpoint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', array: true })
  events: WebhookEventType[];

  /** Signs every delivery (HMAC-SHA256). Stored as is: the gateway needs it to sign. */
  @Column({ type: 'text', select: false })
  secret: string;

  @Column({ type: 'enum', enum: WebhookAudience, enumName: 'webhook_audience', default: WebhookAudience.CUSTOMER })
  audience: WebhookAudience;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
