import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Where a video call is in its life. RINGING: a staff member started it and the customer is
 * invited; WAITING: the customer is in the waiting room, checking camera and microphone;
 * ACTIVE: the customer joined. The last three are final.
 */
export enum CallState {
  RINGING = 'RINGING',
  WAITING = 'WAITING',
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
  MISSED = 'MISSED',
  DECLINED = 'DECLINED',
}

/** States a call can still change from: at most one such call per conversation. */
export const OPEN_CALL_STATES: readonly CallState[] = [CallState.RINGING, CallState.WAITING, CallState.ACTIVE];

/**
 * A video call in a conversation (issue 21). Only its life is stored: the signalling (SDP,
 * ICE candidates, mute state) travels over the event bus and is never written down.
 */
@Entity({ name: 'call' })
export class Call {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId: string;

  @Column({ type: 'enum', enum: CallState, enumName: 'call_state', default: CallState.RINGING })
  state: CallState;

  /** The staff member who started it. */
  @Column({ name: 'started_by_id', type: 'uuid' })
  startedById: string;

  /** When it started ringing. */
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When the customer joined (ACTIVE); the duration counts from here. */
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
