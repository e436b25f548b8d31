import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who a notification is for. */
export enum NotificationRecipientKind {
  CUSTOMER = 'CUSTOMER',
  STAFF = 'STAFF',
}

/** How a notification travels. */
export enum NotificationChannel {
  EMAIL = 'EMAIL',
  SMS = 'SMS',
  /** Web Push to a staff browser. */
  PUSH = 'PUSH',
  /** The staff e-mail digest of waiting customer messages. */
  DIGEST = 'DIGEST',
}

export enum NotificationStatus {
  /** Scheduled or waiting for its send. */
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  /** Every attempt failed (see `reason`). */
  FAILED = 'FAILED',
  /** Not sent: the recipient unsubscribed from this channel or never consented. */
  OPTED_OUT = 'OPTED_OUT',
  /** Not sent: no longer needed (the customer read the thread first, the widget was open). */
  CANCELLED = 'CANCELLED',
}

/**
 * One notification and what became of it: what admins see in the notification log. Never
 * holds message text: the address is masked, the reason is ours or the provider's error.
 */
@Entity({ name: 'notification_log' })
export class NotificationLogEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'recipient_kind', type: 'text' })
  recipientKind: NotificationRecipientKind;

  /** A customer's or a staff member's id (see recipientKind). */
  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId: string;

  @Column({ type: 'text' })
  channel: NotificationChannel;

  /** E.g. `j•••@example.com` or `+31•••••5678`; null where there is no address (push). */
  @Column({ name: 'masked_address', type: 'text', nullable: true })
  maskedAddress: string | null;

  @Column({ name: 'conversation_id', type: 'uuid', nullable: true })
  conversationId: string | null;

  @Column({ type: 'text' })
  status: NotificationStatus;

  /** Why it was not sent, or the provider's failure; never message text. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /**
   * At most one entry per key in an organization (a unique index): what makes a notification
   * happen once across gateway instances and restarts, e.g. `away:<conversation>:<window>`.
   */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true })
  dedupeKey: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** When the provider took it (SMTP server, SMS API, push service). */
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
