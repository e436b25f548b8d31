import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { ActorType } from './actor-type.js';

/** A label on a thread, and who put it there (null once erased, or never known). */
@Entity({ name: 'conversation_label' })
export class ConversationLabel {
  @PrimaryColumn({ name: 'conversation_id', type: 'uuid' })
  conversationId: string;

  @PrimaryColumn({ name: 'label_id', type: 'uuid' })
  labelId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'added_by_type', type: 'enum', enum: ActorType, enumName: 'actor_type', nullable: true })
  addedByType: ActorType | null;

  @Column({ name: 'added_by_id', type: 'uuid', nullable: true })
  addedById: string | null;

  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;
}
