import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A blocked customer keeps every row; their chat tokens and sockets stop working while `blocked_at` is set. */
export class CustomerBlocking1764000330000 implements MigrationInterface {
  name = 'CustomerBlocking1764000330000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customer ADD COLUMN blocked_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customer DROP COLUMN blocked_at`);
  }
}
