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
import { Customer } from './customer.entity.js';
import { Organization } from './organization.entity.js';
import { StaffUser } from './staff-user.entity.js';

export enum ConversationStatus {
  OPEN = 'OPEN',
  PENDING = 'PENDING',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

export enum ConversationPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

/**
 * SMS and WHATSAPP threads either came through a channel connection (issue 22: replies go out
 * through it) or were imported by a partner with that label (nothing is sent).
 */
export enum ConversationChannel {
  WIDGET = 'WIDGET',
  DASHBOARD = 'DASHBOARD',
  PARTNER = 'PARTNER',
  SMS = 'SMS',
  WHATSAPP = 'WHATSAPP',
}

/** One thread between a customer and the pharmacy. */
@Entity({ name: 'conversation' })
export class Conversation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<Customer>;

  @Column({ type: 'text', nullable: true })
  subject: string | null;

  /** Text with a CHECK, not an enum type: enum equality isn't leakproof, and row-level security then keeps the inbox's status tabs off their index. */
  @Column({ type: 'text' })
  status: ConversationStatus;

  @Column({ type: 'enum', enum: ConversationPriority, enumName: 'conversation_priority' })
  priority: ConversationPriority;

  @Column({ type: 'enum', enum: ConversationChannel, enumName: 'conversation_channel' })
  channel: ConversationChannel;

  /** The WhatsApp or SMS connection the thread came in through; replies go out through it. */
  @Column({ name: 'channel_connection_id', type: 'uuid', nullable: true })
  channelConnectionId: string | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<StaffUser> | null;

  /** The customer's default widget thread; at most one per customer (partial unique index). */
  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;

  /**
   * The highest message sequence handed out. Incremented under the row lock in the
   * send transaction, which is what makes commit order equal sequence order.
   */
  @Column({ name: 'last_sequence', type: 'integer', default: 0 })
  lastSequence: number;

  @Column({ name: 'message_count', type: 'integer', default: 0 })
  messageCount: number;

  @Column({ name: 'last_message_id', type: 'uuid', nullable: true })
  lastMessageId: string | null;

  @Column({ name: 'last_message_at', type: 'timestamptz', nullable: true })
  lastMessageAt: Date | null;

  /**
   * Inbox sort key: the last message's time, or the creation time before any message.
   * Millisecond precision so it survives the round trip through a cursor and a JS Date.
   */
  @Column({ name: 'last_activity_at', type: 'timestamptz', precision: 3 })
  lastActivityAt: Date;

  /** Out of the Open tab until then (status unchanged); a job, a customer's message or unsnoozing ends it. */
  @Column({ name: 'snoozed_until', type: 'timestamptz', precision: 3, nullable: true })
  snoozedUntil: Date | null;

  /**
   * When the oldest customer text message after the pharmacy's last answer was written; null
   * when nothing waits. Kept by every append (message-append.ts): the "waiting longest" order.
   */
  @Column({ name: 'awaiting_since', type: 'timestamptz', precision: 3, nullable: true })
  awaitingSince: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
