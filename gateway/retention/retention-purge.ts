import { AuditAction } from '../audit/audit-action.js';
import type { FileStorage } from '../files/file-storage.js';
import { logger } from '../logging/logger.js';
import type { OrganizationScope } from '../tenancy/organization-scope.js';
import type { TenantDatabase } from '../tenancy/tenant-database.js';
import { deleteEventsBefore } from '../webhooks/outbox.js';

export interface RetentionPurge {
  organizationId: string;
  before: Date;
  messages: number;
  attachments: number;
  webhookEvents: number;
}

/** Rows per statement, so a first purge of years of history never holds locks for long. */
const BATCH = 1_000;

/**
 * For every pharmacy with `settings.retentionDays`, removes what is older: message text
 * (the row stays as a tombstone, keeping its sequence so threads and read positions hold
 * together), attachment rows and their stored files, webhook events, and the subjects of conversations
 * idle since before then. Each purge is one transaction with its audit entry; files go
 * once it has committed. An advisory lock per pharmacy lets every instance run the job.
 */
export async function purgeExpiredMessages(database: TenantDatabase, storage: FileStorage, now: Date = new Date()): Promise<RetentionPurge[]> {
  const purges: RetentionPurge[] = [];
  for (const organizationId of await database.lookups.tenantsWithRetention()) {
    const purge = await database.asTenant({ organizationId }, (pharmacy) => purgeOrganization(pharmacy, storage, now));
    if (purge) purges.push(purge);
  }
  return purges;
}

/** One pharmacy's purge, run as that pharmacy (row-level security). */
async function purgeOrganization(pharmacy: OrganizationScope, storage: FileStorage, now: Date): Promise<RetentionPurge | undefined> {
  const { organizationId } = pharmacy;
  const [{ days }] = (await pharmacy.query<{ days: number }>(`SELECT (settings->>'retentionDays')::int AS days FROM organization WHERE id = $1`)) as [{ days: number }];
  const before = new Date(now.getTime() - days * 86_400_000);
  const keys: string[] = [];
  const purge = await pharmacy.transaction(async (tx) => {
    const [{ locked }] = (await tx.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(hashtext('counterchat:retention'), hashtext($1::text)) AS locked`)) as [{ locked: boolean }];
    if (!locked) return undefined;
    let attachments = 0;
    for (;;) {
      const rows = await tx.query<{ storage_key: string; thumbnail_storage_key: string | null }>(
        `DELETE FROM attachment WHERE id IN (
           SELECT id FROM attachment WHERE organization_id = $1 AND created_at < $2 LIMIT ${BATCH})
         RETURNING storage_key, thumbnail_storage_key`,
        [before],
      );
      attachments += rows.length;
      for (const row of rows) keys.push(row.storage_key, ...(row.thumbnail_storage_key ? [row.thumbnail_storage_key] : []));
      if (rows.length < BATCH) break;
    }
    let messages = 0;
    for (;;) {
      const purged = await tx.execute(
        `UPDATE message SET body = NULL, deleted_at = coalesce(deleted_at, $3)
          WHERE id IN (SELECT id FROM message WHERE organization_id = $1 AND created_at < $2 AND kind = 'TEXT' AND body IS NOT NULL LIMIT ${BATCH})`,
        [before, now],
      );
      messages += purged;
      if (purged < BATCH) break;
    }
    // Webhook events hold message texts and file names for the partners: they go too.
    let webhookEvents = 0;
    for (;;) {
      const deleted = await deleteEventsBefore(tx, before, BATCH);
      webhookEvents += deleted;
      if (deleted < BATCH) break;
    }
    await tx.execute(`UPDATE conversation SET subject = NULL WHERE organization_id = $1 AND last_activity_at < $2 AND subject IS NOT NULL`, [before]);
    if (messages === 0 && attachments === 0 && webhookEvents === 0) return undefined;
    await tx.appendAudit([
      {
        actor: null,
        action: AuditAction.RETENTION_PURGE,
        details: { messages, attachments, webhookEvents, before: before.toISOString(), retentionDays: days },
      },
    ]);
    return { organizationId, before, messages, attachments, webhookEvents };
  });
  if (!purge) return undefined;
  await Promise.allSettled(keys.map((key) => storage.delete(key)));
  logger.info({ organizationId, messages: purge.messages, attachments: purge.attachments }, 'Retention purge');
  return purge;
}
