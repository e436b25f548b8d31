import type { DataSource } from 'typeorm';
import { AuditAction } from '../audit/audit-action.js';
import { OrganizationScope } from '../tenancy/organization-scope.js';
import type { FileStorage } from '../files/file-storage.js';
import { logger } from '../logging/logger.js';
import { withTenant } from '../tenancy/tenant-context.js';
import { tenantsWithRetention } from '../tenancy/tenant-lookups.js';

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
export async function purgeExpiredMessages(dataSource: DataSource, storage: FileStorage, now: Date = new Date()): Promise<RetentionPurge[]> {
  const purges: RetentionPurge[] = [];
  for (const organizationId of await tenantsWithRetention(dataSource)) {
    const purge = await withTenant({ organizationId }, () => purgeOrganization(dataSource, storage, organizationId, now));
    if (purge) purges.push(purge);
  }
  return purges;
}

/** One pharmacy's purge, run as that pharmacy (row-level security). */
async function purgeOrganization(dataSource: DataSource, storage: FileStorage, organizationId: string, now: Date): Promise<RetentionPurge | undefined> {
  const [{ days }]: { days: number }[] = await dataSource.query(`SELECT (settings->>'retentionDays')::int AS days FROM organization WHERE id = $1`, [organizationId]);
  const before = new Date(now.getTime() - days * 86_400_000);
  const keys: string[] = [];
  const purge = await dataSource.transaction(async (manager) => {
    const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('counterchat:retention'), hashtext($1)) AS locked`, [organizationId]);
    if (!locked) return undefined;
    let attachments = 0;
    for (;;) {
      const removed: { storage_key: string; thumbnail_storage_key: string | null }[] = await manager.query(
        `DELETE FROM attachment WHERE id IN (
           SELECT id FROM attachment WHERE organization_id = $1 AND created_at < $2 LIMIT ${BATCH})
         RETURNING storage_key, thumbnail_storage_key`,
        [organizationId, before],
      );
      const rows = rowsOf(removed);
      attachments += rows.length;
      for (const row of rows) keys.push(row.storage_key, ...(row.thumbnail_storage_key ? [row.thumbnail_storage_key] : []));
      if (rows.length < BATCH) break;
    }
    let messages = 0;
    for (;;) {
      const purged = rowsOf(
        await manager.query(
          `UPDATE message SET body = NULL, deleted_at = coalesce(deleted_at, $3)
            WHERE id IN (SELECT id FROM message WHERE organization_id = $1 AND created_at < $2 AND kind = 'TEXT' AND body IS NOT NULL LIMIT ${BATCH})
            RETURNING id`,
          [organizationId, before, now],
        ),
      );
      messages += purged.length;
      if (purged.length < BATCH) break;
    }
    // Webhook events hold message texts and file names for the partners: they go too.
    let webhookEvents = 0;
    for (;;) {
      const [, deleted]: [unknown[], number] = await manager.query(
        `DELETE FROM outbox_event WHERE id IN (SELECT id FROM outbox_event WHERE organization_id = $1 AND created_at < $2 LIMIT ${BATCH})`,
        [organizationId, before],
      );
      webhookEvents += deleted;
      if (deleted < BATCH) break;
    }
    await manager.query(`UPDATE conversation SET subject = NULL WHERE organization_id = $1 AND last_activity_at < $2 AND subject IS NOT NULL`, [
      organizationId,
      before,
    ]);
    if (messages === 0 && attachments === 0 && webhookEvents === 0) return undefined;
    await new OrganizationScope({ organizationId }, manager).appendAudit([
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

/** TypeORM answers UPDATE/DELETE … RETURNING with [rows, count]. */
function rowsOf<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
