import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

/**
 * Customer notifications (issue 18):
 * - per-channel consent and opt-out on the customer (e-mail, SMS). Consent given in the
 *   widget's pre-chat form counts for the address typed there; existing customers who gave it
 *   keep it for the addresses they have. An opt-out stays until the customer opts in again;
 * - `notification_link`: the single-use, short-lived links in those notifications, stored as
 *   the SHA-256 of their token;
 * - the lookups that run before a tenant is known: a link's pharmacy by its hash, and every
 *   pharmacy with a customer of a phone number (an SMS "STOP" comes from one shared sender);
 * - `counterchat_enqueue_job_once`: as `counterchat_enqueue_job`, but a pending job with the
 *   same key keeps its time (graphile-worker's `preserve_run_at`), so a burst of replies
 *   doesn't push the first notification back.
 */
export class CustomerNotifications1764000110000 implements MigrationInterface {
  name = 'CustomerNotifications1764000110000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE customer
        ADD COLUMN email_consent_at timestamptz,
        ADD COLUMN sms_consent_at timestamptz,
        ADD COLUMN email_opted_out_at timestamptz,
        ADD COLUMN sms_opted_out_at timestamptz`);
    await db.query(`UPDATE customer SET email_consent_at = contact_consent_at WHERE email IS NOT NULL AND contact_consent_at IS NOT NULL`);
    await db.query(`UPDATE customer SET sms_consent_at = contact_consent_at WHERE phone IS NOT NULL AND contact_consent_at IS NOT NULL`);
    await db.query(`CREATE INDEX customer_phone_idx ON customer (phone) WHERE phone IS NOT NULL`);

    await db.query(`
      CREATE TABLE notification_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        customer_id uuid NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        conversation_id uuid REFERENCES conversation(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    const policy = `organization_id = counterchat_organization_id()`;
    await db.query(`ALTER TABLE notification_link ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE notification_link FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_isolation ON notification_link USING (${policy}) WITH CHECK (${policy})`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON notification_link TO ${APP_ROLE}`);

    await db.query(`
      CREATE FUNCTION counterchat_tenant_of_notification_link(token_hash text) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $$ SELECT organization_id FROM public.notification_link WHERE notification_link.token_hash = $1 $$`);
    await db.query(`
      CREATE FUNCTION counterchat_tenants_of_customer_phone(phone text) RETURNS SETOF uuid LANGUAGE sql STABLE SECURITY DEFINER
      SET search_path = pg_catalog, pg_temp AS $$ SELECT DISTINCT organization_id FROM public.customer WHERE customer.phone = $1 $$`);
    await db.query(`
      CREATE FUNCTION counterchat_enqueue_job_once(task text, payload json, run_at timestamptz, job_key text, max_attempts int)
      RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        IF task !~ '^counterchat:[a-z][a-z0-9-]*$' THEN
          RAISE EXCEPTION 'not a Counterchat task: %', task USING ERRCODE = 'invalid_parameter_value';
        END IF;
        PERFORM graphile_worker.add_job(
          identifier => task,
          payload => payload,
          run_at => coalesce(run_at, now()),
          job_key => job_key,
          job_key_mode => 'preserve_run_at',
          max_attempts => coalesce(max_attempts, 25)
        );
      END $$`);
    for (const signature of ['counterchat_tenant_of_notification_link(text)', 'counterchat_tenants_of_customer_phone(text)', 'counterchat_enqueue_job_once(text, json, timestamptz, text, int)']) {
      await db.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
      await db.query(`GRANT EXECUTE ON FUNCTION ${signature} TO ${APP_ROLE}`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION counterchat_enqueue_job_once(text, json, timestamptz, text, int)`);
    await db.query(`DROP FUNCTION counterchat_tenants_of_customer_phone(text)`);
    await db.query(`DROP FUNCTION counterchat_tenant_of_notification_link(text)`);
    await db.query(`DROP TABLE notification_link`);
    await db.query(`DROP INDEX customer_phone_idx`);
    await db.query(`ALTER TABLE customer DROP COLUMN email_consent_at, DROP COLUMN sms_consent_at, DROP COLUMN email_opted_out_at, DROP COLUMN sms_opted_out_at`);
  }
}
