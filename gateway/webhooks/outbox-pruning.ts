import { logger } from '../logging/logger.js';
import type { TenantDatabase } from '../tenancy/tenant-database.js';

/** How long delivered (or given-up) webhook events and their delivery log are kept. */
export const OUTBOX_HISTORY_DAYS = 30;

/** Rows per statement, so a first prune never holds locks for long. */
const BATCH = 1_000;

/**
 * Deletes webhook events older than `OUTBOX_HISTORY_DAYS` whose deliveries are all finished,
 * with their delivery log. The events carry message texts and file names for the partners;
 * they are not kept as a second, forgotten copy. (A pharmacy's retention period, when
 * shorter, removes them earlier: see retention-purge.ts.)
 */
export async function pruneWebhookHistory(database: TenantDatabase, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - OUTBOX_HISTORY_DAYS * 86_400_000);
  let pruned = 0;
  for (const organizationId of await database.lookups.tenantsWithOutboxBefore(before)) {
    await database.asTenant({ organizationId }, async (pharmacy) => {
      for (;;) {
        const deleted = await pharmacy.execute(
          `DELETE FROM outbox_event WHERE id IN (
             SELECT e.id FROM outbox_event e
              WHERE e.organization_id = $1 AND e.created_at < $2
                AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.id AND d.status = 'PENDING')
              LIMIT ${BATCH})`,
          [before],
        );
        pruned += deleted;
        if (deleted < BATCH) break;
      }
    });
  }
  if (pruned > 0) logger.info({ events: pruned }, 'Pruned webhook history');
  return pruned;
}
