import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer lookup on any part of the name: a trigram index serves
 * `lower(name) LIKE '%dijk%'` for terms of 3 or more characters ("Dijk" finds
 * "Jan van Dijk"). The prefix indexes of the initial schema stay for shorter terms
 * and for phone numbers, which are matched by prefix only.
 */
export class CustomerTrigramSearch1763820100000 implements MigrationInterface {
  name = 'CustomerTrigramSearch1763820100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // organization_id first (btree_gin): a common name part ("van") then reads only this
    // pharmacy's matches instead of every tenant's, at the price of a posting list per
    // pharmacy, which GIN's fast scan skips through.
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await db.query(`CREATE INDEX customer_name_trgm_idx ON customer USING gin (organization_id, lower(name) gin_trgm_ops)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX customer_name_trgm_idx`);
  }
}
