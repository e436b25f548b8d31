import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Images get a stored thumbnail next to the (re-encoded) original. */
export class AttachmentThumbnails1763790000000 implements MigrationInterface {
  name = 'AttachmentThumbnails1763790000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE attachment ADD COLUMN thumbnail_storage_key text UNIQUE`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE attachment DROP COLUMN thumbnail_storage_key`);
  }
}
