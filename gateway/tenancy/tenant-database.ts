import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Organization } from '../../entities/organization.entity.js';
import type { SignedInViewer } from '../auth/viewer.js';
import { OrganizationScope, type TenantFilters } from './organization-scope.js';
import { tenantOf, withTenant, type DatabaseTenant } from './tenant-context.js';
import { TenantLookups } from './tenant-lookups.js';
import { TenantScope } from './tenant-scope.js';
import { ConnectionSlots } from './connection-slots.js';
import { OperationTransaction } from './operation-transaction.js';
import { enqueueJob, type JobSpec } from '../jobs/enqueue-job.js';
import { poolUseOf } from '../database/pool-use.js';
import type { PoolUse } from '../metrics/gateway-metrics.js';

/** A new pharmacy's own row: its name and slug, and settings if not the defaults. */
export type NewOrganization = Pick<Organization, 'name' | 'slug'> & Partial<Pick<Organization, 'settings'>>;

/**
 * The database as the rest of the gateway holds it: what the server, the pipeline and
 * background work get instead of a DataSource. Every way in leads to one tenant's rows:
 * - `scopeFor(viewer)`: a request's or subscription's scope (its statements run as the
 *   tenant the operation pipeline bound, tenant-context.ts);
 * - `asTenant(tenant, work)`: work that runs before or outside a request (sign-in, widget
 *   sign-up, the files route, webhook delivery, retention), as that tenant;
 * - `lookups`: the few questions asked before a tenant is known.
 */
export class TenantDatabase {
  readonly lookups: TenantLookups;
  /** How many connections read operations may hold at once: fewer than the pool has (connection-slots.ts). */
  readonly operationSlots: ConnectionSlots;

  constructor(
    private readonly dataSource: DataSource,
    /** Never from the environment: only the tenant probe runs with 'database-only'. */
    private readonly filters: TenantFilters = 'application-and-database',
  ) {
    this.lookups = new TenantLookups(dataSource);
    // pg's default pool size is 10 (data-source.ts sets the application's).
    this.operationSlots = ConnectionSlots.forPool((dataSource.options as { extra?: { max?: number } }).extra?.max ?? 10);
  }

  /**
   * A request's or subscription event's scope; with `operation`, its statements share that
   * operation's one transaction (queries and subscription events: the operation pipeline opens it).
   */
  scopeFor(viewer: SignedInViewer, clientIp?: string, operation?: OperationTransaction): TenantScope {
    return TenantScope.forViewer(viewer, this.dataSource, clientIp, this.filters, operation);
  }

  /**
   * One transaction, as `tenant`, for the statements of one read operation; it takes a
   * connection at its first statement and must be ended (`end()`), also when the operation fails.
   */
  openOperation(tenant: DatabaseTenant): OperationTransaction {
    return new OperationTransaction(this.dataSource, tenant, this.operationSlots);
  }

  /** Runs `work` (and everything it starts) as `tenant`, under row-level security, with that tenant's scope. */
  asTenant<T>(tenant: DatabaseTenant, work: (scope: OrganizationScope) => Promise<T>): Promise<T> {
    return withTenant(tenant, () => work(new OrganizationScope(tenant, this.dataSource.manager, this.filters)));
  }

  /**
   * Runs `work` as `viewer` outside a request: background work that acts for someone (a
   * customer whose WhatsApp message arrives by webhook), with that viewer's scope.
   */
  asViewer<T>(viewer: SignedInViewer, work: (scope: TenantScope) => Promise<T>): Promise<T> {
    return withTenant(tenantOf(viewer), () => work(this.scopeFor(viewer)));
  }

  /**
   * A new pharmacy: its row, then what `work` adds as that pharmacy (staff, customers), in
   * one transaction. Set-up, not a request: the application role may not create
   * organizations, so this is for the schema owner's database (demo data, provisioning).
   */
  createOrganization<T>(values: NewOrganization, work: (scope: OrganizationScope, organization: Organization) => Promise<T>): Promise<T> {
    const tenant = { organizationId: randomUUID() };
    return withTenant(tenant, () =>
      this.dataSource.transaction(async (manager) => {
        const organization = manager.create(Organization, { ...values, id: tenant.organizationId });
        await manager.insert(Organization, organization);
        return work(new OrganizationScope(tenant, manager, this.filters), organization);
      }),
    );
  }

  /**
   * Queues a job that belongs to no pharmacy yet (the job finds out which: a password reset
   * request for an address), through the owner's enqueue function (gateway/jobs/).
   */
  enqueueJob<Payload>(job: JobSpec<Payload>): Promise<void> {
    return enqueueJob((sql, parameters) => this.dataSource.query(sql, parameters), job);
  }

  /** How full the serving connection pool is, for /metrics. */
  poolUse(): PoolUse {
    return poolUseOf(this.dataSource);
  }

  /** For /healthz: 'ok', or 'migrating' while migrations are pending; throws while the database is unreachable. */
  async health(): Promise<'ok' | 'migrating'> {
    await this.dataSource.query('SELECT 1');
    return (await this.dataSource.showMigrations()) ? 'migrating' : 'ok';
  }
}
