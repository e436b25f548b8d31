import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ActorType } from './actor-type.js';
import { Conversation } from './conversation.entity.js';

export enum ParticipantRole {
  CUSTOMER = 'CUSTOMER',
  ASSIGNEE = 'ASSIGNEE',
  AGENT = 'AGENT',
  INTEGRATION = 'INTEGRATION',
}

/** Someone in a conversation, and how far they have read it. */
@Entity({ name: 'participant' })
export class Participant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId: string;

  @ManyToOne(() => Conversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Relation<Conversation>;

  @Column({ name: 'actor_type', type: 'enum', enum: ActorType, enumName: 'actor_type' })
  actorType: ActorType;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ type: 'enum', enum: ParticipantRole, enumName: 'participant_role' })
  role: ParticipantRole;

  /** Every message with a sequence up to this one counts as read. Reading never moves it backwards; only a staff member's own "mark as unread" does (read-position.ts). */
  @Column({ name: 'last_read_sequence', type: 'integer', default: 0 })
  lastReadSequence: number;

  @Column({ name: 'last_read_at', type: 'timestamptz', nullable: true })
  lastReadAt: Date | null;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;
}
