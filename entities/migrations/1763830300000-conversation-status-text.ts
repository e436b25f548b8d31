import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `('OPEN', 'PENDING', 'RESOLVED', 'CLOSED')`;

/**
 * Under row-level security PostgreSQL may use a condition in an index only when its
 * operator is LEAKPROOF (or once the policy has filtered the rows). Enum equality is not
 * marked leakproof, so the inbox's status tabs could no longer seek in
 * `conversation_status_inbox_idx`: a tab whose few conversations are old scanned the whole
 * pharmacy (169 ms at 100k conversations, 3 ms as the owner). Text equality is leakproof;
 * a CHECK keeps the same four values.
 */
export class ConversationStatusText1763830300000 implements MigrationInterface {
  name = 'ConversationStatusText1763830300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE conversation ALTER COLUMN status DROP DEFAULT`);
    await db.query(`ALTER TABLE conversation ALTER COLUMN status TYPE text USING status::text`);
    await db.query(`ALTER TABLE conversation ALTER COLUMN status SET DEFAULT 'OPEN'`);
    await db.query(`ALTER TABLE conversation ADD CONSTRAINT conversation_status_check CHECK (status IN ${STATUSES})`);
    await db.query(`DROP TYPE conversation_status`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE conversation_status AS ENUM ${STATUSES}`);
    await db.query(`ALTER TABLE conversation DROP CONSTRAINT conversation_status_check`);
    await db.query(`ALTER TABLE conversation ALTER COLUMN status DROP DEFAULT`);
    await db.query(`ALTER TABLE conversation ALTER COLUMN status TYPE conversation_status USING status::conversation_status`);
    await db.query(`ALTER TABLE conversation ALTER COLUMN status SET DEFAULT 'OPEN'`);
  }
}
