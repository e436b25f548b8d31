import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chat tokens are stateless and live 7 days; this is how one stops working earlier.
 * Tokens issued at or before `chat_tokens_revoked_at` are refused (erasure sets it).
 */
export class ChatTokenRevocation1763830100000 implements MigrationInterface {
  name = 'ChatTokenRevocation1763830100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customer ADD COLUMN chat_tokens_revoked_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customer DROP COLUMN chat_tokens_revoked_at`);
  }
}
