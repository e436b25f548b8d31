import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Organization } from './organization.entity.js';

/**
 * What a partner key may do. Partners read them as `conversations:read` etc. (see
 * `scopeName`); GraphQL enum values cannot hold a colon.
 */
export enum ApiKeyScope {
  CONVERSATIONS_READ = 'CONVERSATIONS_READ',
  CONVERSATIONS_WRITE = 'CONVERSATIONS_WRITE',
  MESSAGES_WRITE = 'MESSAGES_WRITE',
  CUSTOMERS_READ = 'CUSTOMERS_READ',
  CUSTOMERS_WRITE = 'CUSTOMERS_WRITE',
  STAFF_READ = 'STAFF_READ',
  WEBHOOKS_MANAGE = 'WEBHOOKS_MANAGE',
  STATS_READ = 'STATS_READ',
  NOTES_READ = 'NOTES_READ',
  LABELS_WRITE = 'LABELS_WRITE',
}

/** `CONVERSATIONS_READ` → `conversations:read`, the form error messages and docs use. */
export function scopeName(scope: ApiKeyScope): string {
  return scope.toLowerCase().replace(/_(?=[a-z]+$)/, ':');
}

/** A partner system's credential. Only a hash of the secret is stored; the secret is shown once. */
@Entity({ name: 'api_key' })
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column({ type: 'text' })
  name: string;

  /** The first characters of the secret, so people can tell keys apart. */
  @Column({ type: 'text' })
  prefix: string;

  /** SHA-256 of the secret: the secret has 256 random bits, so a slow hash adds nothing. */
  @Column({ name: 'secret_hash', type: 'text', unique: true, select: false })
  secretHash: string;

  @Column({ type: 'enum', enum: ApiKeyScope, enumName: 'api_key_scope', array: true })
  scopes: ApiKeyScope[];

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
