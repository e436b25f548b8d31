import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

/**
 * Two-factor sign-in (TOTP, RFC 6238): the secret sealed with a key derived from AUTH_SECRET
 * (gateway/secrets/secret-box.ts), the last time step accepted (a code works once), and ten
 * single-use recovery codes per staff member, stored as peppered hashes.
 */
export class TwoFactor1763840400000 implements MigrationInterface {
  name = 'TwoFactor1763840400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE staff_user ADD COLUMN totp_secret text, ADD COLUMN totp_pending_secret text, ADD COLUMN totp_enabled_at timestamptz, ADD COLUMN totp_last_step bigint`);
    await db.query(`
      CREATE TABLE recovery_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        staff_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (staff_id, code_hash)
      )`);
    const policy = `organization_id = counterchat_organization_id()`;
    await db.query(`ALTER TABLE recovery_code ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE recovery_code FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_isolation ON recovery_code USING (${policy}) WITH CHECK (${policy})`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON recovery_code TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE recovery_code`);
    await db.query(`ALTER TABLE staff_user DROP COLUMN totp_secret, DROP COLUMN totp_pending_secret, DROP COLUMN totp_enabled_at, DROP COLUMN totp_last_step`);
  }
}
