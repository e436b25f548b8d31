import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chat widget: a per-organization secret that stores sign identities with, the
 * nonces of identities already used (no replays), and the thread policy setting.
 */
export class WidgetIdentity1763800000000 implements MigrationInterface {
  name = 'WidgetIdentity1763800000000';

  async up(db: QueryRunner): Promise<void> {
    // Two v4 UUIDs come from the strong random source: 244 random bits, no extension needed.
    await db.query(`
      ALTER TABLE organization ADD COLUMN widget_secret text NOT NULL
        DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '')`);
    // When an anonymous visitor agreed, in the pre-chat form, to be contacted.
    await db.query(`ALTER TABLE customer ADD COLUMN contact_consent_at timestamptz`);
    await db.query(`
      UPDATE organization SET settings = settings || '{"widgetThreads": "REUSE_OPEN"}'::jsonb
      WHERE NOT settings ? 'widgetThreads'`);
    await db.query(`
      CREATE TABLE widget_identity_nonce (
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        nonce text NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (organization_id, nonce)
      )`);
    await db.query(`CREATE INDEX widget_identity_nonce_expires_at ON widget_identity_nonce (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE widget_identity_nonce`);
    await db.query(`UPDATE organization SET settings = settings - 'widgetThreads'`);
    await db.query(`ALTER TABLE customer DROP COLUMN contact_consent_at`);
    await db.query(`ALTER TABLE organization DROP COLUMN widget_secret`);
  }
}
