import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

/**
 * Saved replies (issue 19): the pharmacy's shared ones (no owner) and each staff member's
 * own. A shortcut is unique within its scope, so two partial unique indexes: one for the
 * shared replies, one per owner. Row-level security keeps pharmacies apart as everywhere;
 * that a personal reply is its owner's alone is the service's rule, since the database
 * session knows the organization but not the staff member.
 */
export class SavedReplies1764100100000 implements MigrationInterface {
  name = 'SavedReplies1764100100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE saved_reply (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        owner_staff_id uuid REFERENCES staff_user(id) ON DELETE CASCADE,
        shortcut text NOT NULL CHECK (shortcut ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(shortcut) <= 40),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX saved_reply_shared_shortcut_idx ON saved_reply (organization_id, shortcut) WHERE owner_staff_id IS NULL`);
    await db.query(`CREATE UNIQUE INDEX saved_reply_personal_shortcut_idx ON saved_reply (organization_id, owner_staff_id, shortcut) WHERE owner_staff_id IS NOT NULL`);
    const policy = `organization_id = counterchat_organization_id()`;
    await db.query(`ALTER TABLE saved_reply ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE saved_reply FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_isolation ON saved_reply USING (${policy}) WITH CHECK (${policy})`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON saved_reply TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE saved_reply`);
  }
}
