import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a pharmacy keeps about a customer beyond their contact details: an optional date of
 * birth (to tell two customers of one name apart at the counter), the language to answer in,
 * and a free-text note for staff only. Erasure clears them with the contact details.
 */
export class CustomerProfile1764000320000 implements MigrationInterface {
  name = 'CustomerProfile1764000320000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customer ADD COLUMN date_of_birth date, ADD COLUMN preferred_language text, ADD COLUMN staff_note text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customer DROP COLUMN date_of_birth, DROP COLUMN preferred_language, DROP COLUMN staff_note`);
  }
}
