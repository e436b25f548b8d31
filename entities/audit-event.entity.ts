import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ActorType } from './actor-type.js';

/** Ids and states only; flat, so nothing nested can smuggle personal data in. */
export type AuditDetails = Record<string, string | number | boolean | null>;

/**
 * One line of the audit log: who did what to which object, when, from where. Append-only:
 * the database refuses updates and deletes (see the migration), and the API has no way to
 * write one. `details` holds ids and states, never message text or contact details.
 */
@Entity({ name: 'audit_event' })
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'actor_type', type: 'text', nullable: true })
  actorType: ActorType | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'object_type', type: 'text', nullable: true })
  objectType: string | null;

  @Column({ name: 'object_id', type: 'uuid', nullable: true })
  objectId: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: AuditDetails | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
