import { logger } from '../logging/logger.js';
import { tenantOf, withTenant, type DatabaseTenant } from '../tenancy/tenant-context.js';
import type { TenantScope } from '../tenancy/tenant-scope.js';
import type { AuditEntry } from './audit-log.js';

/** How long sockets' read entries wait to share an insert. */
const WINDOW_MS = 25;

/**
 * The read entries of many sockets, written in one insert per database tenant every few
 * milliseconds. When every dashboard of a pharmacy reconnects at once (a deploy, a network
 * blip), each socket's first subscription records a read: one insert per socket was three
 * round trips apiece (BEGIN and the tenant's settings, the insert, COMMIT). Each entry keeps
 * its own reader and address; only the tenant, which the row-level policies check, is shared.
 */
export class ReadAuditBatches {
  private readonly pending = new Map<string, { scope: TenantScope; tenant: DatabaseTenant; entries: AuditEntry[] }>();
  private timer: NodeJS.Timeout | undefined;
  private writing = new Set<Promise<void>>();

  add(scope: TenantScope, entry: AuditEntry): void {
    const tenant = tenantOf(scope.viewer);
    const key = `${tenant.organizationId}/${tenant.customerId ?? ''}`;
    const batch = this.pending.get(key);
    if (batch) batch.entries.push(entry);
    else this.pending.set(key, { scope, tenant, entries: [entry] });
    this.timer ??= setTimeout(() => void this.flush(), WINDOW_MS);
  }

  /** Writes everything pending now (and waits for writes already under way): at shutdown, before the database closes. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batches = [...this.pending.values()];
    this.pending.clear();
    // Each batch as its own tenant: the timer runs in whichever context the first entry came from.
    const writes = batches.map(({ scope, tenant, entries }) =>
      withTenant(tenant, () => scope.appendAudit(entries)).catch((error: unknown) => logger.error({ err: error, entries: entries.length }, 'Could not record message reads in the audit log')),
    );
    const written = Promise.all(writes).then(() => {});
    this.writing.add(written);
    void written.finally(() => this.writing.delete(written));
    await Promise.all(this.writing);
  }
}
