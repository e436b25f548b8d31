import type { TaskName } from './task-name.js';

/** A job to add to the queue, in the caller's transaction. */
export interface JobSpec<Payload> {
  task: TaskName;
  payload: Payload;
  /** Not before then (default: now). */
  runAt?: Date;
  /**
   * At most one pending job per key: enqueuing again with the same key replaces the pending
   * one's payload and time (graphile-worker's `job_key`), e.g. a resent invitation.
   */
  jobKey?: string;
  /** Default 25 (about three days of exponential backoff). */
  maxAttempts?: number;
  /**
   * With `jobKey`: a pending job with that key keeps its time (graphile-worker's
   * `preserve_run_at`) instead of moving to this one's, so a burst doesn't push it back.
   */
  keepPendingRunAt?: boolean;
}

/** Runs one SQL statement on the caller's connection, inside its transaction if it has one. */
export type RunSql = (sql: string, parameters: unknown[]) => Promise<unknown>;

/**
 * Adds a job through `counterchat_enqueue_job` (a SECURITY DEFINER function of the schema's
 * owner): the application role needs no rights on graphile-worker's tables, and the job
 * commits or rolls back with the change that caused it. The worker hears of it at commit
 * (NOTIFY), or at its next poll.
 */
export async function enqueueJob<Payload>(run: RunSql, job: JobSpec<Payload>): Promise<void> {
  const call = enqueueJobCall(job, 1);
  await run(`SELECT ${call.expression}`, call.parameters);
}

/**
 * The same call as an SQL expression, its parameters numbered from `$first`: for a statement
 * that does something else too, so the job costs no round trip of its own (a reply's
 * away-customer check rides on the reply's read position, read-position.ts).
 */
export function enqueueJobCall<Payload>(job: JobSpec<Payload>, first: number): { expression: string; parameters: unknown[] } {
  const enqueue = job.keepPendingRunAt ? 'counterchat_enqueue_job_once' : 'counterchat_enqueue_job';
  const [task, payload, runAt, jobKey, maxAttempts] = [0, 1, 2, 3, 4].map((offset) => `$${first + offset}`);
  return {
    expression: `${enqueue}(${task}, ${payload}::json, ${runAt}, ${jobKey}, ${maxAttempts})`,
    parameters: [job.task, JSON.stringify(job.payload), job.runAt ?? null, job.jobKey ?? null, job.maxAttempts ?? null],
  };
}
