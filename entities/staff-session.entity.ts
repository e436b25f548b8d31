import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Why a session ended before its token expired. */
export enum SessionEndReason {
  SIGNED_OUT = 'SIGNED_OUT',
  /** Ended by its owner from another session ("sign out everywhere", or one by one). */
  ENDED_BY_OWNER = 'ENDED_BY_OWNER',
  ENDED_BY_ADMIN = 'ENDED_BY_ADMIN',
  DEACTIVATED = 'DEACTIVATED',
  ROLE_CHANGED = 'ROLE_CHANGED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  TWO_FACTOR_CHANGED = 'TWO_FACTOR_CHANGED',
}

/**
 * One sign-in: the staff JWT carries its id (`sid`), and a session ended here stops its
 * token on every gateway instance at once (gateway/auth/session-revocations.ts).
 */
@Entity({ name: 'staff_session' })
export class StaffSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'staff_id', type: 'uuid' })
  staffId: string;

  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Updated at most once a minute while the session is used. */
  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt: Date;

  /** When its token expires. */
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: SessionEndReason | null;

  @Column({ name: 'challenge_id', type: 'uuid', nullable: true, select: false })
  challengeId: string | null;
}
