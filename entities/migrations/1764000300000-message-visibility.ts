import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages for the pharmacy team only (internal notes, internal system events), and
 * webhook endpoints that speak for the customer. Existing messages are for everyone;
 * existing endpoints get what a customer may see, as before (there were no team messages).
 * Who sees what is decided in gateway/tenancy/message-audience.ts, not by row-level security:
 * a customer's own action may record a team-only event in their conversation.
 */
export class MessageVisibility1764000300000 implements MigrationInterface {
  name = 'MessageVisibility1764000300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE message_visibility AS ENUM ('EVERYONE', 'TEAM')`);
    await db.query(`ALTER TABLE message ADD COLUMN visibility message_visibility NOT NULL DEFAULT 'EVERYONE'`);
    await db.query(`CREATE TYPE webhook_audience AS ENUM ('CUSTOMER', 'TEAM')`);
    await db.query(`ALTER TABLE webhook_endpoint ADD COLUMN audience webhook_audience NOT NULL DEFAULT 'CUSTOMER'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE webhook_endpoint DROP COLUMN audience`);
    await db.query(`DROP TYPE webhook_audience`);
    await db.query(`ALTER TABLE message DROP COLUMN visibility`);
    await db.query(`DROP TYPE message_visibility`);
  }
}
