import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

/**
 * Internal notes: a message kind of its own (always for the team only), an API key scope
 * to read them, and who a note mentions (`@name`), which is their in-app badge until they
 * read the conversation. New enum values are not used in this migration: PostgreSQL lets a
 * value added in a transaction be used only once it has committed.
 */
export class InternalNotes1764000310000 implements MigrationInterface {
  name = 'InternalNotes1764000310000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TYPE message_kind ADD VALUE IF NOT EXISTS 'NOTE'`);
    await db.query(`ALTER TYPE api_key_scope ADD VALUE IF NOT EXISTS 'NOTES_READ'`);
    await db.query(`
      CREATE TABLE note_mention (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        message_id uuid NOT NULL REFERENCES message(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        staff_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        seen_at timestamptz,
        UNIQUE (message_id, staff_id)
      )`);
    await db.query(`CREATE INDEX note_mention_unseen_idx ON note_mention (organization_id, staff_id, created_at DESC) WHERE seen_at IS NULL`);
    const policy = `organization_id = counterchat_organization_id()`;
    await db.query(`ALTER TABLE note_mention ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE note_mention FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_isolation ON note_mention USING (${policy}) WITH CHECK (${policy})`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON note_mention TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE note_mention`);
    // Enum values stay: PostgreSQL can't drop them, and no row uses them once notes are gone.
    await db.query(`DELETE FROM message WHERE kind = 'NOTE'`);
  }
}
