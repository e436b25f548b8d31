import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum MailDeliveryStatus {
  /** Waiting for its first attempt. */
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  /** An attempt failed; the job queue tries again later. */
  RETRYING = 'RETRYING',
  /** Every attempt failed. */
  FAILED = 'FAILED',
  /** A newer mail of the same kind replaced it before it was sent (a resent invitation). */
  REPLACED = 'REPLACED',
}

/** Which mail it is: each has its own template (gateway/mail/templates/). */
export enum MailTemplate {
  STAFF_INVITATION = 'STAFF_INVITATION',
  PASSWORD_RESET = 'PASSWORD_RESET',
  /** A customer message has waited too long for a reply (issue 18). */
  STAFF_DIGEST = 'STAFF_DIGEST',
}

/** Values a template fills in: names and the like, never a secret and never health information. */
export type MailData = Record<string, string | number | null>;

/**
 * One outgoing e-mail and how its sending went: what admins see in "E-mail deliveries".
 * The secret a mail carries (an invitation or reset link) is not here: it travels sealed in
 * the job that sends it (gateway/mail/queue-mail.ts).
 */
@Entity({ name: 'mail_delivery' })
export class MailDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  template: MailTemplate;

  @Column({ type: 'text' })
  recipient: string;

  @Column({ type: 'jsonb' })
  data: MailData;

  @Column({ type: 'text' })
  status: MailDeliveryStatus;

  @Column({ type: 'int' })
  attempts: number;

  /** Set when a newer mail with the same key replaces this one while it is queued. */
  @Column({ name: 'job_key', type: 'text', nullable: true })
  jobKey: string | null;

  /** The last failure, as the mail server or network put it (never the message itself). */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
