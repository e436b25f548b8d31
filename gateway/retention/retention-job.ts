import type { FileStorage } from '../files/file-storage.js';
import { logger } from '../logging/logger.js';
import { purgeExpiredMessages } from './retention-purge.js';
import { pruneWebhookHistory } from '../webhooks/outbox-pruning.js';
import type { TenantDatabase } from '../tenancy/tenant-database.js';

export interface RetentionJobOptions {
  /** False (RETENTION_JOB=off) leaves purging to other instances. */
  enabled: boolean;
  intervalMs: number;
}

export const DEFAULT_RETENTION_JOB_OPTIONS: RetentionJobOptions = { enabled: true, intervalMs: 60 * 60_000 };

/**
 * Runs the retention purge, then the pruning of old webhook history, every `intervalMs`
 * (first a minute after start, off the start-up path).
 */
export function startRetentionJob(database: TenantDatabase, storage: FileStorage, options: RetentionJobOptions): { dispose(): Promise<void> } {
  if (!options.enabled) return { dispose: async () => {} };
  let running: Promise<unknown> | undefined;
  const run = () => {
    running ??= purgeExpiredMessages(database, storage)
      .then(() => pruneWebhookHistory(database))
      .catch((error) => logger.error({ err: error }, 'Retention purge failed; it runs again at the next interval.'))
      .finally(() => (running = undefined));
  };
  const first = setTimeout(run, Math.min(60_000, options.intervalMs));
  const every = setInterval(run, options.intervalMs);
  first.unref();
  every.unref();
  return {
    async dispose() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
