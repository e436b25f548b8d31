import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

/**
 * Staff notifications (issue 18): each staff member's preferences (a missing row means the
 * defaults) and the Web Push subscriptions of their browsers.
 */
export class StaffNotifications1764000200000 implements MigrationInterface {
  name = 'StaffNotifications1764000200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE staff_notification_preference (
        staff_id uuid PRIMARY KEY REFERENCES staff_user(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        browser boolean NOT NULL DEFAULT true,
        sound boolean NOT NULL DEFAULT true,
        push boolean NOT NULL DEFAULT false,
        digest boolean NOT NULL DEFAULT true,
        conversations text NOT NULL DEFAULT 'MINE_AND_UNASSIGNED' CHECK (conversations IN ('MINE', 'MINE_AND_UNASSIGNED', 'ALL')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE push_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        staff_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
        endpoint text NOT NULL,
        p256dh text NOT NULL,
        auth text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_sent_at timestamptz,
        UNIQUE (organization_id, endpoint)
      )`);
    await db.query(`CREATE INDEX push_subscription_staff_idx ON push_subscription (staff_id)`);
    const policy = `organization_id = counterchat_organization_id()`;
    for (const table of ['staff_notification_preference', 'push_subscription']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY tenant_isolation ON ${table} USING (${policy}) WITH CHECK (${policy})`);
      await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE push_subscription`);
    await db.query(`DROP TABLE staff_notification_preference`);
  }
}
