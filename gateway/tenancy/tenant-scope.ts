import type { DataSource, EntityManager } from 'typeorm';
import type { AuditDetails } from '../../entities/audit-event.entity.js';
import type { AuditAction } from '../audit/audit-action.js';
import { actorOf, type SignedInViewer } from '../auth/viewer.js';
import { OrganizationScope, type TenantFilters } from './organization-scope.js';
import { tenantOf } from './tenant-context.js';
import type { OperationTransaction } from './operation-transaction.js';

export { assertId, isUuid, type TenantFilters } from './organization-scope.js';
export { MessageAudience } from './message-audience.js';
import { audienceOf, MessageAudience } from './message-audience.js';

/**
 * The viewer's door to tenant data: the organization's rows (OrganizationScope), for a
 * customer only their own conversations, and the viewer as the actor of what is written
 * (audit log, webhook events). One per request or subscription, made by
 * `TenantDatabase.scopeFor`; the statements run as the viewer's tenant under row-level
 * security, bound by the operation pipeline.
 */
export class TenantScope extends OrganizationScope {
  constructor(
    readonly viewer: SignedInViewer,
    manager: EntityManager,
    /** Set on scopes bound to a transaction: what to run once it has committed. */
    commitHooks?: Map<string, () => void>,
    /** Where the request came from, for the audit log. */
    readonly clientIp?: string,
    filters: TenantFilters = 'application-and-database',
  ) {
    super(tenantOf(viewer), manager, filters, commitHooks);
  }

  /** With `operation`, statements run in its transaction, and `afterCommit` waits for its commit. */
  static forViewer(viewer: SignedInViewer, dataSource: DataSource, clientIp?: string, filters?: TenantFilters, operation?: OperationTransaction): TenantScope {
    if (operation && (operation.tenant.organizationId !== tenantOf(viewer).organizationId || operation.tenant.customerId !== tenantOf(viewer).customerId)) {
      throw new Error("An operation's transaction belongs to its viewer's tenant");
    }
    return new TenantScope(viewer, operation?.manager ?? dataSource.manager, operation?.commitHooks, clientIp, filters);
  }

  /** Whose eyes the viewer reads with: a customer's, a partner's without notes:read, or the team's. */
  override get messageAudience(): MessageAudience {
    return audienceOf(this.viewer);
  }

  protected override bind(manager: EntityManager, commitHooks: Map<string, () => void>): this {
    return new TenantScope(this.viewer, manager, commitHooks, this.clientIp, this.filters) as this;
  }

  /**
   * Records what the viewer did in the audit log, in this scope's transaction when it has
   * one (the entry commits or rolls back with the change).
   */
  audit(action: AuditAction, object?: { type: string; id: string }, details?: AuditDetails): Promise<void> {
    return this.appendAudit([{ actor: actorOf(this.viewer), action, object, ip: this.clientIp, details }]);
  }
}
