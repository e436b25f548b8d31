import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A canned answer staff insert with `/shortcut` in the composer (issue 19). Without an owner
 * it is the pharmacy's, kept by admins; with one it is that staff member's own and nobody
 * else sees it (resolvers/saved-reply/saved-reply.service.ts).
 */
@Entity({ name: 'saved_reply' })
export class SavedReply {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** Null: pharmacy-wide. */
  @Column({ name: 'owner_staff_id', type: 'uuid', nullable: true })
  ownerStaffId: string | null;

  /** Lower-case letters, digits and dashes; unique among the pharmacy's shared ones, or among one owner's own. */
  @Column({ type: 'text' })
  shortcut: string;

  @Column({ type: 'text' })
  title: string;

  /** Up to 4,000 characters, with `{{placeholders}}` filled in when inserted. */
  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
