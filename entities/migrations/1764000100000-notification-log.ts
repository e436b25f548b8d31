import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

/**
 * The notification log (issue 18): one row per notification to a customer (e-mail, SMS) or a
 * staff member (push, digest), what admins see in the settings. A tenant table under
 * row-level security like the others. `dedupe_key` is unique per organization: a notification
 * is claimed by inserting its row, so two gateway instances (or a restart) never send it twice.
 */
export class NotificationLog1764000100000 implements MigrationInterface {
  name = 'NotificationLog1764000100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notification_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('CUSTOMER', 'STAFF')),
        recipient_id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH', 'DIGEST')),
        masked_address text,
        conversation_id uuid REFERENCES conversation(id) ON DELETE SET NULL,
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'OPTED_OUT', 'CANCELLED')),
        reason text,
        dedupe_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await db.query(`CREATE INDEX notification_log_organization_idx ON notification_log (organization_id, created_at DESC, id DESC)`);
    await db.query(`CREATE UNIQUE INDEX notification_log_dedupe_key_idx ON notification_log (organization_id, dedupe_key) WHERE dedupe_key IS NOT NULL`);
    await db.query(`CREATE INDEX notification_log_conversation_idx ON notification_log (conversation_id) WHERE conversation_id IS NOT NULL`);
    const policy = `organization_id = counterchat_organization_id()`;
    await db.query(`ALTER TABLE notification_log ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE notification_log FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_isolation ON notification_log USING (${policy}) WITH CHECK (${policy})`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON notification_log TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE notification_log`);
  }
}
