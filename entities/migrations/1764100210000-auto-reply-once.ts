import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * At most one auto-reply per conversation per closed period (issue 19): the SYSTEM event's
 * `to` names the period (the opening that ends it). Appends already take turns on the
 * conversation's row lock; this makes a second reply for a period fail whatever writes it,
 * and serves the lookup for an earlier one.
 */
export class AutoReplyOnce1764100210000 implements MigrationInterface {
  name = 'AutoReplyOnce1764100210000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE UNIQUE INDEX message_auto_reply_once ON message (conversation_id, (system_event->>'to'))
       WHERE kind = 'SYSTEM' AND system_event->>'type' = 'AUTO_REPLY'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX message_auto_reply_once`);
  }
}
