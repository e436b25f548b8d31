import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

/**
 * The durable job queue's door for the application, and the record of outgoing e-mail.
 *
 * graphile-worker keeps its jobs in its own schema (`graphile_worker`), migrated as the owner
 * by graphile-worker itself right after these migrations (gateway/jobs/job-queue.ts). The
 * application role gets no rights there: it enqueues through `counterchat_enqueue_job`, a
 * SECURITY DEFINER function of the owner, so a job is added inside the application's own
 * transaction and commits (or rolls back) with the change that caused it. PL/pgSQL resolves
 * `graphile_worker.add_job` when the function runs, so it may be created before that schema.
 *
 * `mail_delivery` is a tenant table: one row per e-mail, what admins see in "E-mail deliveries".
 */
export class JobQueueAndMail1763840000000 implements MigrationInterface {
  name = 'JobQueueAndMail1763840000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION counterchat_enqueue_job(task text, payload json, run_at timestamptz, job_key text, max_attempts int)
      RETURNS void LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        -- Our task names only: the application can't reach another queue user's tasks by name.
        IF task !~ '^counterchat:[a-z][a-z0-9-]*$' THEN
          RAISE EXCEPTION 'not a Counterchat task: %', task USING ERRCODE = 'invalid_parameter_value';
        END IF;
        PERFORM graphile_worker.add_job(
          identifier => task,
          payload => payload,
          run_at => coalesce(run_at, now()),
          job_key => job_key,
          max_attempts => coalesce(max_attempts, 25)
        );
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION counterchat_enqueue_job(text, json, timestamptz, text, int) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION counterchat_enqueue_job(text, json, timestamptz, text, int) TO ${APP_ROLE}`);

    await db.query(`
      CREATE TABLE mail_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        template text NOT NULL,
        recipient text NOT NULL,
        -- What the template needs besides secrets (names, the pharmacy's language); never health information.
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'SENT', 'RETRYING', 'FAILED', 'REPLACED')),
        -- The job's key when a newer mail replaces a queued one (a resent invitation).
        job_key text,
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await db.query(`CREATE INDEX mail_delivery_organization_idx ON mail_delivery (organization_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX mail_delivery_job_key_idx ON mail_delivery (job_key) WHERE job_key IS NOT NULL AND status = 'QUEUED'`);
    const policy = `organization_id = counterchat_organization_id()`;
    await db.query(`ALTER TABLE mail_delivery ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE mail_delivery FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY tenant_isolation ON mail_delivery USING (${policy}) WITH CHECK (${policy})`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON mail_delivery TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE mail_delivery`);
    await db.query(`DROP FUNCTION counterchat_enqueue_job(text, json, timestamptz, text, int)`);
  }
}
