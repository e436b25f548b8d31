import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fine-grained partner scopes (`conversations:read`, `messages:write`, …) replace READ and
 * WRITE. Existing keys keep exactly what they could do: READ becomes the three read
 * scopes, WRITE the three write scopes.
 */
export class ApiKeyScopes1763810000000 implements MigrationInterface {
  name = 'ApiKeyScopes1763810000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE api_key ALTER COLUMN scopes TYPE text[] USING scopes::text[]`);
    await db.query(`DROP TYPE api_key_scope`);
    await db.query(`
      CREATE TYPE api_key_scope AS ENUM (
        'CONVERSATIONS_READ', 'CONVERSATIONS_WRITE', 'MESSAGES_WRITE', 'CUSTOMERS_READ',
        'CUSTOMERS_WRITE', 'STAFF_READ', 'WEBHOOKS_MANAGE', 'STATS_READ'
      )`);
    await db.query(`
      UPDATE api_key SET scopes = ARRAY(
        SELECT DISTINCT unnest(
          CASE WHEN 'READ' = ANY(scopes) THEN ARRAY['CONVERSATIONS_READ', 'CUSTOMERS_READ', 'STAFF_READ'] ELSE ARRAY[]::text[] END ||
          CASE WHEN 'WRITE' = ANY(scopes) THEN ARRAY['MESSAGES_WRITE', 'CONVERSATIONS_WRITE', 'CUSTOMERS_WRITE'] ELSE ARRAY[]::text[] END
        ) ORDER BY 1
      )`);
    await db.query(`ALTER TABLE api_key ALTER COLUMN scopes TYPE api_key_scope[] USING scopes::api_key_scope[]`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE api_key ALTER COLUMN scopes TYPE text[] USING scopes::text[]`);
    await db.query(`DROP TYPE api_key_scope`);
    await db.query(`CREATE TYPE api_key_scope AS ENUM ('READ', 'WRITE')`);
    await db.query(`
      UPDATE api_key SET scopes =
        CASE WHEN scopes && ARRAY['CONVERSATIONS_READ', 'CUSTOMERS_READ', 'STAFF_READ'] THEN ARRAY['READ'] ELSE ARRAY[]::text[] END ||
        CASE WHEN scopes && ARRAY['MESSAGES_WRITE', 'CONVERSATIONS_WRITE', 'CUSTOMERS_WRITE'] THEN ARRAY['WRITE'] ELSE ARRAY[]::text[] END`);
    await db.query(`ALTER TABLE api_key ALTER COLUMN scopes TYPE api_key_scope[] USING scopes::api_key_scope[]`);
  }
}
