import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum WebhookDeliveryStatus {
  /** Waiting for its first or next attempt. */
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  /** Every retry failed; only a manual redelivery tries again. */
  FAILED = 'FAILED',
}

/** One event on its way to one endpoint (unique per pair), with its retry schedule. */
@Entity({ name: 'webhook_delivery' })
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'endpoint_id', type: 'uuid' })
  endpointId: string;

  @Column({ type: 'enum', enum: WebhookDeliveryStatus, enumName: 'webhook_delivery_status' })
  status: WebhookDeliveryStatus;

  /** Attempts made so far, over the delivery's whole life. */
  @Column({ name: 'attempt_count', type: 'int' })
  attemptCount: number;

  /** attempt_count when the current retry schedule began (a manual redelivery starts a new one). */
  @Column({ name: 'schedule_started_at_attempt', type: 'int' })
  scheduleStartedAtAttempt: number;

  /** When the worker may next pick it up; while an attempt runs, the end of its lease. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
