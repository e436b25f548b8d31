import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { defaultOrganizationSettings, type OrganizationSettings } from './organization-settings.js';

/** A pharmacy: the tenant every other row belongs to. */
@Entity({ name: 'organization' })
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'jsonb', default: () => `'${JSON.stringify(defaultOrganizationSettings)}'` })
  settings: OrganizationSettings;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
