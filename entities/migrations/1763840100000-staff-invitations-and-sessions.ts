import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

const TABLES = ['staff_invitation', 'staff_session'] as const;

/**
 * Staff invitations (a single-use link by e-mail, stored as its SHA-256) and sign-in sessions
 * (one row per sign-in; the staff JWT names its row, so a session can be ended before its
 * token expires). Both are tenant tables under the same row-level security as the others.
 */
export class StaffInvitationsAndSessions1763840100000 implements MigrationInterface {
  name = 'StaffInvitationsAndSessions1763840100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE staff_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(email) AND char_length(email) <= 254),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
        role staff_role NOT NULL,
        token_hash text NOT NULL UNIQUE,
        invited_by_id uuid REFERENCES staff_user(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        accepted_staff_id uuid REFERENCES staff_user(id) ON DELETE SET NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One open invitation per address and pharmacy: a second is a resend, not a new one.
    await db.query(`CREATE UNIQUE INDEX staff_invitation_open_key ON staff_invitation (organization_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL`);
    await db.query(`CREATE INDEX staff_invitation_organization_idx ON staff_invitation (organization_id, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE staff_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        staff_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
        user_agent text CHECK (char_length(user_agent) <= 512),
        ip text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        end_reason text,
        -- The two-factor challenge that opened it: a challenge opens one session, once.
        challenge_id uuid UNIQUE
      )`);
    await db.query(`CREATE INDEX staff_session_staff_idx ON staff_session (staff_id, created_at DESC)`);
    // What every instance loads at start: sessions ended before their token expired.
    await db.query(`CREATE INDEX staff_session_ended_idx ON staff_session (ended_at) WHERE ended_at IS NOT NULL`);

    const policy = `organization_id = counterchat_organization_id()`;
    for (const table of TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY tenant_isolation ON ${table} USING (${policy}) WITH CHECK (${policy})`);
    }
    await db.query(`GRANT SELECT, INSERT, UPDATE ON ${TABLES.join(', ')} TO ${APP_ROLE}`);

    // Pre-authentication lookups, like the others (RowLevelSecurity1763830000000): an organization id and nothing else.
    await db.query(`
      CREATE FUNCTION counterchat_tenant_of_staff_invitation(token_hash text) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $$ SELECT organization_id FROM public.staff_invitation WHERE staff_invitation.token_hash = $1 $$`);
    await db.query(`REVOKE ALL ON FUNCTION counterchat_tenant_of_staff_invitation(text) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION counterchat_tenant_of_staff_invitation(text) TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION counterchat_tenant_of_staff_invitation(text)`);
    for (const table of [...TABLES].reverse()) await db.query(`DROP TABLE ${table}`);
  }
}
