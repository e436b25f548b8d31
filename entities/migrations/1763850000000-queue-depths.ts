import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from './1763830000000-row-level-security.js';

/**
 * How much background work waits, for /metrics: webhook deliveries due now (every pharmacy's,
 * which the application role can't count under row-level security) and graphile-worker's
 * jobs due now (its schema is the owner's). Two numbers and nothing else, like the tenant
 * lookups: SECURITY DEFINER, executable by the application role only.
 *
 * plpgsql, so the function can be created before graphile-worker's own schema exists (it is
 * migrated right after these, gateway/jobs/job-queue.ts); it is read through graphile-worker's
 * public `jobs` view. Both counts use a partial index (webhook_delivery_due_idx, jobs_main_index).
 */
export class QueueDepths1763850000000 implements MigrationInterface {
  name = 'QueueDepths1763850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION counterchat_queue_depths(OUT pending_jobs integer, OUT due_webhook_deliveries integer)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        SELECT count(*)::int INTO due_webhook_deliveries FROM public.webhook_delivery d
          JOIN public.webhook_endpoint e ON e.id = d.endpoint_id AND e.enabled
         WHERE d.status = 'PENDING' AND d.next_attempt_at <= now();
        SELECT count(*)::int INTO pending_jobs FROM graphile_worker.jobs j
         WHERE j.locked_at IS NULL AND j.attempts < j.max_attempts AND j.run_at <= now();
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION counterchat_queue_depths() FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION counterchat_queue_depths() TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION counterchat_queue_depths()`);
  }
}
