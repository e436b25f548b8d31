import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Message } from './message.entity.js';

/** A file sent with a message: checked by content, images re-encoded without metadata. */
@Entity({ name: 'attachment' })
export class Attachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'conversation_id', type: 'uuid' })
  conversationId: string;

  /** Null while uploaded but not yet sent. */
  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId: string | null;

  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: Relation<Message> | null;

  /** As the uploader named it; shown to people, never used as a storage path. */
  @Column({ name: 'file_name', type: 'text' })
  fileName: string;

  /** Detected from the file's bytes, not taken from the upload's headers. */
  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ name: 'byte_size', type: 'integer' })
  byteSize: number;

  @Column({ type: 'text' })
  sha256: string;

  /** Generated; never derived from the file name. */
  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  /** webp, at most 320 px; images only. */
  @Column({ name: 'thumbnail_storage_key', type: 'text', nullable: true })
  thumbnailStorageKey: string | null;

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
