import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Organization } from './organization.entity.js';

/** Someone who chats with a pharmacy; known to one organization only. */
@Entity({ name: 'customer' })
export class Customer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column({ type: 'text' })
  name: string;

  /** E.164, e.g. +31612345678. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** The web store's own id for this customer; unique within the organization. */
  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  /** When the customer agreed to be contacted (the widget's pre-chat form); null if never asked. */
  /** `YYYY-MM-DD`; optional, to tell customers of one name apart. */
  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth: string | null;

  /** The language to answer in (`en`, `nl`, …). */
  @Column({ name: 'preferred_language', type: 'text', nullable: true })
  preferredLanguage: string | null;

  /** Free text for the pharmacy's staff only; never shown to the customer or to keys. */
  @Column({ name: 'staff_note', type: 'text', nullable: true })
  staffNote: string | null;

  /** Set while the pharmacy has blocked the customer: their tokens and sockets are refused; nothing is deleted. */
  @Column({ name: 'blocked_at', type: 'timestamptz', nullable: true })
  blockedAt: Date | null;

  /**
   * Created by a WhatsApp or SMS message from an unknown number (issue 22): the provider vouches
   * for the number, nobody for the name (the sender's own profile name). Staff clear it once they know who it is.
   */
  @Column({ type: 'boolean', default: false })
  unverified: boolean;

  @Column({ name: 'contact_consent_at', type: 'timestamptz', nullable: true })
  contactConsentAt: Date | null;

  /** When the customer agreed to notifications by e-mail (issue 18), for the address they gave. */
  @Column({ name: 'email_consent_at', type: 'timestamptz', nullable: true })
  emailConsentAt: Date | null;

  /** When the customer agreed to notifications by SMS, for the number they gave. */
  @Column({ name: 'sms_consent_at', type: 'timestamptz', nullable: true })
  smsConsentAt: Date | null;

  /** Unsubscribed from e-mail notifications (the mail's one-click link): none are sent while set. */
  @Column({ name: 'email_opted_out_at', type: 'timestamptz', nullable: true })
  emailOptedOutAt: Date | null;

  /** Answered STOP to an SMS: none are sent while set (START clears it). */
  @Column({ name: 'sms_opted_out_at', type: 'timestamptz', nullable: true })
  smsOptedOutAt: Date | null;

  /** Chat tokens issued at or before this moment no longer work (set by erasure). */
  @Column({ name: 'chat_tokens_revoked_at', type: 'timestamptz', nullable: true, select: false })
  chatTokensRevokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
