import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

const TABLES = ['channel_connection', 'message_delivery', 'channel_inbound_message'] as const;

/**
 * WhatsApp and SMS as channels of the inbox (issue 22):
 * - `channel_connection`: a pharmacy's WhatsApp Cloud API number or Twilio number, its secrets
 *   sealed in one column, and the random id its webhook URL carries;
 * - `message_delivery`: where an outbound reply is (queued → sent → delivered → read, or failed
 *   with the provider's reason), found again by the provider's message id;
 * - `channel_inbound_message`: provider message ids already taken in, so a redelivered webhook
 *   adds nothing;
 * - conversations name the connection they came through; customers created by an unknown number
 *   are flagged `unverified`;
 * - `counterchat_tenant_of_channel_webhook`: the one question asked before the pharmacy is known.
 */
export class ChannelConnections1764100500000 implements MigrationInterface {
  name = 'ChannelConnections1764100500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE channel_connection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('WHATSAPP', 'SMS')),
        name text NOT NULL,
        phone_number text NOT NULL,
        webhook_id text NOT NULL UNIQUE,
        whatsapp_phone_number_id text,
        whatsapp_business_account_id text,
        twilio_account_sid text,
        secrets_sealed text NOT NULL,
        secret_hints jsonb NOT NULL DEFAULT '{}'::jsonb,
        whatsapp_templates jsonb NOT NULL DEFAULT '[]'::jsonb,
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, kind, phone_number)
      )`);
    await db.query(`
      CREATE TABLE message_delivery (
        message_id uuid PRIMARY KEY REFERENCES message(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        conversation_id uuid NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        connection_id uuid NOT NULL REFERENCES channel_connection(id) ON DELETE CASCADE,
        state text NOT NULL CHECK (state IN ('QUEUED', 'SENT', 'DELIVERED', 'READ', 'FAILED')),
        provider_message_id text,
        reason text,
        template jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX message_delivery_provider_id_idx ON message_delivery (connection_id, provider_message_id) WHERE provider_message_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE channel_inbound_message (
        connection_id uuid NOT NULL REFERENCES channel_connection(id) ON DELETE CASCADE,
        provider_message_id text NOT NULL,
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        message_id uuid REFERENCES message(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (connection_id, provider_message_id)
      )`);
    await db.query(`ALTER TABLE conversation ADD COLUMN channel_connection_id uuid REFERENCES channel_connection(id) ON DELETE SET NULL`);
    await db.query(`CREATE INDEX conversation_channel_connection_idx ON conversation (channel_connection_id, customer_id) WHERE channel_connection_id IS NOT NULL`);
    await db.query(`ALTER TABLE customer ADD COLUMN unverified boolean NOT NULL DEFAULT false`);

    const policy = `organization_id = counterchat_organization_id()`;
    for (const table of TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY tenant_isolation ON ${table} USING (${policy}) WITH CHECK (${policy})`);
      await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE}`);
    }
    // A disabled connection has no webhook: the provider's calls find no pharmacy.
    await db.query(`
      CREATE FUNCTION counterchat_tenant_of_channel_webhook(webhook_id text) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $$ SELECT organization_id FROM public.channel_connection WHERE channel_connection.webhook_id = $1 AND channel_connection.enabled $$`);
    await db.query(`REVOKE ALL ON FUNCTION counterchat_tenant_of_channel_webhook(text) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION counterchat_tenant_of_channel_webhook(text) TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION counterchat_tenant_of_channel_webhook(text)`);
    await db.query(`ALTER TABLE customer DROP COLUMN unverified`);
    await db.query(`ALTER TABLE conversation DROP COLUMN channel_connection_id`);
    for (const table of [...TABLES].reverse()) await db.query(`DROP TABLE ${table}`);
  }
}
