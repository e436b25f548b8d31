import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

/**
 * Video calls (issue 21): one row per call with its state and times, nothing of its signalling.
 * A customer's tenant sees the calls of their own conversations only, like messages. At most one
 * call per conversation is still ringing, waiting or active (the partial unique index).
 */
export class VideoCalls1764100400000 implements MigrationInterface {
  name = 'VideoCalls1764100400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE call_state AS ENUM ('RINGING', 'WAITING', 'ACTIVE', 'ENDED', 'MISSED', 'DECLINED')`);
    await db.query(`
      CREATE TABLE call (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        state call_state NOT NULL DEFAULT 'RINGING',
        started_by_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        ended_at timestamptz
      )`);
    await db.query(`CREATE INDEX call_conversation_idx ON call (organization_id, conversation_id, created_at DESC)`);
    await db.query(`CREATE UNIQUE INDEX call_open_per_conversation ON call (conversation_id) WHERE state IN ('RINGING', 'WAITING', 'ACTIVE')`);
    const policy = `organization_id = counterchat_organization_id() AND (counterchat_customer_id() IS NULL OR conversation_id IN (SELECT c.id FROM conversation c WHERE c.customer_id = counterchat_customer_id()))`;
    await db.query(`ALTER TABLE call ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE call FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_isolation ON call USING (${policy}) WITH CHECK (${policy})`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON call TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE call`);
    await db.query(`DROP TYPE call_state`);
  }
}
