import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { StaffRole } from './staff-user.entity.js';

/** An invitation to join a pharmacy's team, sent by e-mail as a single-use link. */
@Entity({ name: 'staff_invitation' })
export class StaffInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** Lower-cased. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: StaffRole, enumName: 'staff_role' })
  role: StaffRole;

  /** SHA-256 of the link's token; the token itself is never stored. */
  @Column({ name: 'token_hash', type: 'text', select: false })
  tokenHash: string;

  /** Null when the operator invited a pharmacy's first admin. */
  @Column({ name: 'invited_by_id', type: 'uuid', nullable: true })
  invitedById: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** When the latest link went out (a resend replaces the token). */
  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'accepted_staff_id', type: 'uuid', nullable: true })
  acceptedStaffId: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
