import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

/** Password reset links: single use, 30 minutes, stored as the SHA-256 of their token. */
export class PasswordResets1763840300000 implements MigrationInterface {
  name = 'PasswordResets1763840300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE password_reset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        staff_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        requested_ip text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX password_reset_staff_idx ON password_reset (staff_id, created_at DESC)`);
    const policy = `organization_id = counterchat_organization_id()`;
    await db.query(`ALTER TABLE password_reset ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE password_reset FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_isolation ON password_reset USING (${policy}) WITH CHECK (${policy})`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON password_reset TO ${APP_ROLE}`);

    await db.query(`
      CREATE FUNCTION counterchat_tenant_of_password_reset(token_hash text) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $$ SELECT organization_id FROM public.password_reset WHERE password_reset.token_hash = $1 $$`);
    await db.query(`REVOKE ALL ON FUNCTION counterchat_tenant_of_password_reset(text) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION counterchat_tenant_of_password_reset(text) TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION counterchat_tenant_of_password_reset(text)`);
    await db.query(`DROP TABLE password_reset`);
  }
}
