import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One POST of a delivery: the log a partner reads to see why their endpoint missed events. */
@Entity({ name: 'webhook_delivery_attempt' })
export class WebhookDeliveryAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId: string;

  /** 1 for the first attempt, counting on across redeliveries. */
  @Column({ type: 'int' })
  attempt: number;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'duration_ms', type: 'int' })
  durationMs: number;

  /** The endpoint's HTTP status; null when no response came (refused, timed out). */
  @Column({ name: 'status_code', type: 'int', nullable: true })
  statusCode: number | null;

  /** Why it failed, in a few words; null on success. */
  @Column({ type: 'text', nullable: true })
  error: string | null;
}
