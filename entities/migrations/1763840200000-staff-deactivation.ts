import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

/**
 * Deactivated staff keep their row (their messages and audit history name them) but can't
 * sign in. And what every gateway instance loads at start: the sessions ended before their
 * token expired, from every pharmacy (a SECURITY DEFINER function that returns ids and expiry
 * times only), so an ended session stays ended across restarts without a query per request.
 */
export class StaffDeactivation1763840200000 implements MigrationInterface {
  name = 'StaffDeactivation1763840200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE staff_user ADD COLUMN deactivated_at timestamptz`);
    await db.query(`
      CREATE FUNCTION counterchat_ended_staff_sessions(ended_since timestamptz)
      RETURNS TABLE (id uuid, expires_at timestamptz) LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $$
        SELECT s.id, s.expires_at FROM public.staff_session s
         WHERE s.ended_at IS NOT NULL AND s.ended_at >= ended_since AND s.expires_at > now()
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION counterchat_ended_staff_sessions(timestamptz) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION counterchat_ended_staff_sessions(timestamptz) TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION counterchat_ended_staff_sessions(timestamptz)`);
    await db.query(`ALTER TABLE staff_user DROP COLUMN deactivated_at`);
  }
}
