import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every webhook event is about one conversation. Erasing a customer must find the events
 * that copy their messages: by a column, not by paths into payloads whose shapes may grow.
 * Existing events get theirs from the two payload shapes published so far.
 */
export class OutboxEventConversation1763830200000 implements MigrationInterface {
  name = 'OutboxEventConversation1763830200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox_event ADD COLUMN conversation_id uuid REFERENCES conversation(id) ON DELETE CASCADE`);
    await db.query(
      `UPDATE outbox_event e SET conversation_id = c.id
         FROM conversation c
        WHERE c.organization_id = e.organization_id
          AND c.id::text = coalesce(e.payload->'message'->>'conversationId', e.payload->'conversation'->>'id')`,
    );
    // Every event published so far names its conversation; a row that doesn't stops the migration.
    await db.query(`ALTER TABLE outbox_event ALTER COLUMN conversation_id SET NOT NULL`);
    await db.query(`CREATE INDEX outbox_event_conversation_idx ON outbox_event (organization_id, conversation_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE outbox_event DROP COLUMN conversation_id`);
  }
}
