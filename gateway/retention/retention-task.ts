import type { FileStorage } from '../files/file-storage.js';
import type { JobTask } from '../jobs/job-task.js';
import type { RecurringJob } from '../jobs/job-queue.js';
import type { TenantDatabase } from '../tenancy/tenant-database.js';
import { pruneWebhookHistory } from '../webhooks/outbox-pruning.js';
import { purgeExpiredMessages } from './retention-purge.js';

export const RETENTION_TASK = 'counterchat:retention';

export interface RetentionJobOptions {
  /** False (RETENTION_JOB=off) leaves purging to other instances: this one neither schedules nor runs it. */
  enabled: boolean;
  /** How often, in whole hours (rounded, at least one): on the hour, UTC. */
  intervalMs: number;
}

export const DEFAULT_RETENTION_JOB_OPTIONS: RetentionJobOptions = { enabled: true, intervalMs: 60 * 60_000 };

const HOUR_MS = 60 * 60_000;

/** The purge as a recurring job: once per moment across all instances (the job queue's cron), none when disabled. */
export function retentionSchedule(options: RetentionJobOptions): RecurringJob[] {
  if (!options.enabled) return [];
  const hours = Math.min(24, Math.max(1, Math.round(options.intervalMs / HOUR_MS)));
  return [{ task: RETENTION_TASK, cron: hours === 1 ? '0 * * * *' : `0 */${hours} * * *` }];
}

/**
 * The retention purge, then the pruning of old webhook history (issue 18 moved this from a
 * timer in every instance onto the job queue). A failure is logged by the queue; the next
 * hour runs it again.
 */
export function retentionTask(deps: { database: TenantDatabase; storage: FileStorage }): JobTask<Record<string, unknown>> {
  return async () => {
    await purgeExpiredMessages(deps.database, deps.storage);
    await pruneWebhookHistory(deps.database);
  };
}
