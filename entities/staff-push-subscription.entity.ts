import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One staff browser's Web Push subscription (what `PushSubscription.toJSON()` gives the dashboard). */
@Entity({ name: 'push_subscription' })
export class StaffPushSubscription {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  /** The push service's URL for this browser; unique per pharmacy. */
  @Column({ type: 'text' })
  endpoint: string;

  /** The browser's P-256 public key (base64url), for the payload's encryption. */
  @Column({ type: 'text' })
  p256dh: string;

  /** The browser's 16-byte authentication secret (base64url). */
  @Column({ type: 'text' })
  auth: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_sent_at', type: 'timestamptz', nullable: true })
  lastSentAt: Date | null;
}
