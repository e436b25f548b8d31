import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A pharmacy's name for a kind of thread ("Repeat prescription"), with the colour its chips show in. */
@Entity({ name: 'label' })
export class Label {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** Unique in the pharmacy whatever its case (index `label_name_unique`). */
  @Column({ type: 'text' })
  name: string;

  /** `#rrggbb`, lower case. */
  @Column({ type: 'text' })
  colour: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
