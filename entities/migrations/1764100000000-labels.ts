import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

/**
 * Labels (issue 19): a pharmacy's own names for kinds of threads ("Repeat prescription",
 * "Awaiting GP"), and which threads carry which. A name is unique per pharmacy whatever its
 * case; deleting a label takes it off every thread (the join rows cascade). Both tables are
 * organization-wide like the other staff-facing ones: the API keeps customers away, and an
 * outbox row a customer's reopening writes still names the thread's labels.
 */
export class Labels1764100000000 implements MigrationInterface {
  name = 'Labels1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TYPE api_key_scope ADD VALUE IF NOT EXISTS 'LABELS_WRITE'`);
    await db.query(`
      CREATE TABLE label (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 40),
        colour text NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX label_name_unique ON label (organization_id, lower(name))`);
    await db.query(`
      CREATE TABLE conversation_label (
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        label_id uuid NOT NULL REFERENCES label(id) ON DELETE CASCADE,
        added_by_type actor_type,
        added_by_id uuid,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, label_id)
      )`);
    // The inbox filter and the statistics go from a label to its threads; the primary key serves the other way.
    await db.query(`CREATE INDEX conversation_label_label_idx ON conversation_label (label_id, conversation_id)`);
    const policy = `organization_id = counterchat_organization_id()`;
    for (const table of ['label', 'conversation_label']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY tenant_isolation ON ${table} USING (${policy}) WITH CHECK (${policy})`);
      await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE conversation_label`);
    await db.query(`DROP TABLE label`);
    // The enum value stays: PostgreSQL can't drop it; keys lose it here.
    await db.query(`UPDATE api_key SET scopes = array_remove(scopes, 'LABELS_WRITE')`);
  }
}
