import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Organization } from './organization.entity.js';

export enum StaffRole {
  ADMIN = 'ADMIN',
  PHARMACIST = 'PHARMACIST',
  STAFF = 'STAFF',
}

/** A person working at a pharmacy who signs in to the dashboard. */
@Entity({ name: 'staff_user' })
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  /** Stored lower-cased; unique across all organizations so sign-in needs no pharmacy picker. */
  @Column({ type: 'text', unique: true })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: StaffRole, enumName: 'staff_role' })
  role: StaffRole;

  /** scrypt hash with its parameters; never leaves the server. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The TOTP secret, sealed (gateway/secrets/secret-box.ts); set while two-factor sign-in is on. */
  @Column({ name: 'totp_secret', type: 'text', nullable: true, select: false })
  totpSecret?: string | null;

  /** A secret being enrolled: it becomes `totpSecret` once a code from it is confirmed. */
  @Column({ name: 'totp_pending_secret', type: 'text', nullable: true, select: false })
  totpPendingSecret?: string | null;

  @Column({ name: 'totp_enabled_at', type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null;

  /** The last 30-second step whose code was accepted: a code works once. */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true, select: false, transformer: { to: (value?: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) } })
  totpLastStep?: number | null;

  /** Set while the account may not sign in ("former staff"); its messages and history stay. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;
}
