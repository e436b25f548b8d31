import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ActorType } from './actor-type.js';
import { Conversation } from './conversation.entity.js';

export enum MessageKind {
  TEXT = 'TEXT',
  /** Written by the server for status and assignment changes; has no sender. */
  SYSTEM = 'SYSTEM',
  /** An internal note by staff: always TEAM visibility; partners read notes only with notes:read. */
  NOTE = 'NOTE',
}

/** What a SYSTEM message records, so clients can render it in their own words. */
export enum SystemEventKind {
  STATUS_CHANGED = 'STATUS_CHANGED',
  ASSIGNEE_CHANGED = 'ASSIGNEE_CHANGED',
  /** The pharmacy's reply to a customer writing outside business hours; the body is the text in the customer's language. */
  AUTO_REPLY = 'AUTO_REPLY',
  /** A thread left the Open tab until a time (issue 19); from/to: the previous and new wake-up times. */
  SNOOZED = 'SNOOZED',
  /** A snooze ended (its time came, a customer wrote, or staff undid it); from: the wake-up time it had. */
  UNSNOOZED = 'UNSNOOZED',
  /** A video call started ringing (issue 21): `callId` names it. */
  CALL_STARTED = 'CALL_STARTED',
  /** A video call ended; `durationSeconds` from the customer joining to the end (null: never answered). */
  CALL_ENDED = 'CALL_ENDED',
  /** Nobody answered a video call in time. */
  CALL_MISSED = 'CALL_MISSED',
  /** The customer declined a video call. */
  CALL_DECLINED = 'CALL_DECLINED',
}

export interface SystemEvent {
  type: SystemEventKind;
  /** Previous status or assignee id; an auto-reply's language (`en`, `nl`). */
  from: string | null;
  /** New status or assignee id; an auto-reply's closed period, as the instant it ends (ISO). */
  to: string | null;
  /** Who made the change. */
  actorType: ActorType;
  actorId: string;
  /** CALL_* events: the call. */
  callId?: string;
  /** CALL_ENDED: seconds from the customer joining to the end; null if it was never answered. */
  durationSeconds?: number | null;
}

/**
 * Who a message is for. TEAM messages are never shown to customers: what each viewer sees
 * is decided in one place, gateway/tenancy/message-audience.ts.
 */
export enum MessageVisibility {
  EVERYONE = 'EVERYONE',
  TEAM = 'TEAM',
}

export const MESSAGE_BODY_MAX_LENGTH = 4000;

@Entity({ name: 'message' })
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Relation<Conversation>;

  /** Strictly increasing within the conversation; the basis of ordering, unread counts and catch-up. */
  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'enum', enum: MessageKind, enumName: 'message_kind' })
  kind: MessageKind;

  @Column({ type: 'enum', enum: MessageVisibility, enumName: 'message_visibility', default: MessageVisibility.EVERYONE })
  visibility: MessageVisibility;

  /** Null for SYSTEM messages. */
  @Column({ name: 'sender_type', type: 'enum', enum: ActorType, enumName: 'actor_type', nullable: true })
  senderType: ActorType | null;

  @Column({ name: 'sender_id', type: 'uuid', nullable: true })
  senderId: string | null;

  /** Null once deleted: the tombstone keeps its place in the thread but not its words. */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  /** What a SYSTEM message records, including who made the change. */
  @Column({ name: 'system_event', type: 'jsonb', nullable: true })
  systemEvent: SystemEvent | null;

  @Column({ name: 'reply_to_id', type: 'uuid', nullable: true })
  replyToId: string | null;

  /** Chosen by the sending client; a retry with the same id returns this message instead of a copy. */
  @Column({ name: 'client_message_id', type: 'text', nullable: true })
  clientMessageId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
