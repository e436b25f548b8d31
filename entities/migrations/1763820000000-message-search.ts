import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search over message bodies.
 *
 * - `search_config` is the text-search configuration (language) a message was
 *   indexed with, taken from the organization's `settings.language` by an insert
 *   trigger: every insert path (sends, system messages, demo data, imports) gets it
 *   without application code, and an unknown or missing language falls back to
 *   `simple` instead of failing the insert. Changing the setting affects new messages
 *   only; old ones keep the language they were written in, while searches use the
 *   current one, so whatever changes the setting should also re-index the pharmacy:
 *   `UPDATE message SET search_config = organization_search_config(organization_id)
 *    WHERE organization_id = $1` (the generated column follows).
 * - `search_vector` is generated from it and the body, so edits re-index
 *   themselves and deleted messages (body null) drop out of every search.
 * - The GIN index leads with `organization_id` (btree_gin), so a search reads only
 *   the viewer's pharmacy's postings, and covers TEXT messages only.
 */
export class MessageSearch1763820000000 implements MigrationInterface {
  name = 'MessageSearch1763820000000';

  async up(db: QueryRunner): Promise<void> {
    // Trusted extensions (PostgreSQL 13+): the database owner may create them.
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await db.query(`ALTER TABLE message ADD COLUMN search_config regconfig NOT NULL DEFAULT 'simple'`);
    await db.query(`
      CREATE FUNCTION organization_search_config(organization uuid) RETURNS regconfig
      LANGUAGE sql STABLE AS $$
        SELECT COALESCE(
          (SELECT config.oid::regconfig
             FROM organization o
             JOIN pg_ts_config config
               ON config.cfgname = o.settings->>'language' AND config.cfgnamespace = 'pg_catalog'::regnamespace
            WHERE o.id = organization),
          'simple'::regconfig)
      $$`);
    await db.query(`
      CREATE FUNCTION message_set_search_config() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_config := organization_search_config(NEW.organization_id);
        RETURN NEW;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER message_set_search_config BEFORE INSERT ON message
      FOR EACH ROW EXECUTE FUNCTION message_set_search_config()`);
    await db.query(`UPDATE message SET search_config = organization_search_config(organization_id)`);
    await db.query(`
      ALTER TABLE message ADD COLUMN search_vector tsvector
      GENERATED ALWAYS AS (to_tsvector(search_config, coalesce(body, ''))) STORED`);
    await db.query(`CREATE INDEX message_search_idx ON message USING gin (organization_id, search_vector) WHERE kind = 'TEXT'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX message_search_idx`);
    await db.query(`ALTER TABLE message DROP COLUMN search_vector`);
    await db.query(`DROP TRIGGER message_set_search_config ON message`);
    await db.query(`DROP FUNCTION message_set_search_config()`);
    await db.query(`DROP FUNCTION organization_search_config(uuid)`);
    await db.query(`ALTER TABLE message DROP COLUMN search_config`);
  }
}
