import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every conversation's `awaiting_since` read from its messages, as message-append.ts keeps it from now on. */
export const AWAITING_SINCE_BACKFILL = `UPDATE conversation c SET awaiting_since = (
  SELECT min(waiting.created_at) FROM message waiting
  WHERE waiting.conversation_id = c.id AND waiting.kind = 'TEXT' AND waiting.deleted_at IS NULL AND waiting.sender_type = 'CUSTOMER'
    AND waiting.sequence > COALESCE((
      SELECT max(answer.sequence) FROM message answer
      WHERE answer.conversation_id = c.id AND answer.kind = 'TEXT' AND answer.deleted_at IS NULL AND answer.sender_type <> 'CUSTOMER'
    ), 0))`;

/**
 * Issue 19's inbox tools. `snoozed_until`: a thread out of the Open tab until then (its status
 * stays what it was; a job brings it back). `awaiting_since`: when the oldest customer message
 * the pharmacy hasn't answered yet was written, kept by every append, so "waiting longest" is
 * an index walk instead of two subqueries per row; backfilled from the messages here.
 */
export class InboxTools1764100300000 implements MigrationInterface {
  name = 'InboxTools1764100300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE conversation ADD COLUMN snoozed_until timestamptz(3), ADD COLUMN awaiting_since timestamptz(3)`);
    await db.query(AWAITING_SINCE_BACKFILL);
    await db.query(`CREATE INDEX conversation_waiting_idx ON conversation (organization_id, awaiting_since, id) WHERE awaiting_since IS NOT NULL`);
    // The priority order's keys (URGENT first), so its pages are an index walk too.
    await db.query(`CREATE INDEX conversation_priority_idx ON conversation (organization_id, priority DESC, last_activity_at DESC, id DESC)`);
    await db.query(`CREATE INDEX conversation_snoozed_idx ON conversation (organization_id, snoozed_until) WHERE snoozed_until IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX conversation_snoozed_idx`);
    await db.query(`DROP INDEX conversation_priority_idx`);
    await db.query(`DROP INDEX conversation_waiting_idx`);
    await db.query(`ALTER TABLE conversation DROP COLUMN awaiting_since, DROP COLUMN snoozed_until`);
  }
}
