import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ActorRef } from '../../entities/actor-type.js';
import type { AuditDetails } from '../../entities/audit-event.entity.js';
import { MailDelivery } from '../../entities/mail-delivery.entity.js';
import { Organization } from '../../entities/organization.entity.js';
import { StaffInvitation } from '../../entities/staff-invitation.entity.js';
import { PasswordReset } from '../../entities/password-reset.entity.js';
import { RecoveryCode } from '../../entities/recovery-code.entity.js';
import { StaffSession } from '../../entities/staff-session.entity.js';
import { StaffUser } from '../../entities/staff-user.entity.js';
import type { AuditAction } from '../audit/audit-action.js';
import { appendAuditEvents } from '../audit/audit-log.js';
import { notFound } from '../errors/app-error.js';
import { enqueueJob, type JobSpec } from '../jobs/enqueue-job.js';
import type { OrganizationScope } from './organization-scope.js';
import { assertId } from './tenant-scope.js';
import { tenantOfStaffEmail } from './tenant-lookups.js';

export interface BackgroundScopeOptions {
  /** Who the audit log names (default: no one, i.e. the system or the operator). */
  actor?: ActorRef | null;
  /** Where the work was asked for (a pre-authentication request), for the audit log. */
  clientIp?: string;
  /** Set on scopes bound to a transaction: what to run once it has committed. */
  commitHooks?: Map<string, () => void>;
}

/**
 * One pharmacy's rows for work that runs for no viewer: a background job, the operator's CLI.
 * Every query builder is limited to the organization, as TenantScope's are; the database's
 * row-level security holds the same line when it runs as the application role (`asTenant`).
 * Audit entries name `actor` (null: the system or the operator).
 */
export class BackgroundScope implements OrganizationScope {
  private readonly actor: ActorRef | null;
  readonly clientIp?: string;
  private readonly commitHooks?: Map<string, () => void>;

  constructor(
    readonly organizationId: string,
    private readonly manager: EntityManager,
    options: BackgroundScopeOptions = {},
  ) {
    this.actor = options.actor ?? null;
    this.clientIp = options.clientIp;
    this.commitHooks = options.commitHooks;
  }

  /** The same rows and transaction, with another actor (and address) for the audit log. */
  actingAs(actor: ActorRef | null, clientIp = this.clientIp): BackgroundScope {
    return new BackgroundScope(this.organizationId, this.manager, { actor, clientIp, commitHooks: this.commitHooks });
  }

  async transaction<T>(work: (scope: BackgroundScope) => Promise<T>): Promise<T> {
    if (this.manager.queryRunner?.isTransactionActive) return work(this);
    const hooks = new Map<string, () => void>();
    const result = await this.manager.transaction((manager) =>
      work(new BackgroundScope(this.organizationId, manager, { actor: this.actor, clientIp: this.clientIp, commitHooks: hooks })),
    );
    for (const hook of hooks.values()) hook();
    return result;
  }

  afterCommit(key: string, hook: () => void): void {
    if (this.commitHooks) this.commitHooks.set(key, hook);
    else hook();
  }

  audit(action: AuditAction, object?: { type: string; id: string }, details?: AuditDetails): Promise<void> {
    return appendAuditEvents(this.manager, [{ organizationId: this.organizationId, actor: this.actor, action, object, ip: this.clientIp, details }]);
  }

  get entityManager(): EntityManager {
    return this.manager;
  }

  organization(): Promise<Organization> {
    return this.manager.getRepository(Organization).findOneByOrFail({ id: this.organizationId });
  }

  staff(alias = 'staff'): SelectQueryBuilder<StaffUser> {
    return this.inOrganization(StaffUser, alias);
  }

  staffInvitations(alias = 'invitation'): SelectQueryBuilder<StaffInvitation> {
    return this.inOrganization(StaffInvitation, alias);
  }

  staffSessions(alias = 'session'): SelectQueryBuilder<StaffSession> {
    return this.inOrganization(StaffSession, alias);
  }

  passwordResets(alias = 'reset'): SelectQueryBuilder<PasswordReset> {
    return this.inOrganization(PasswordReset, alias);
  }

  recoveryCodes(alias = 'recoveryCode'): SelectQueryBuilder<RecoveryCode> {
    return this.inOrganization(RecoveryCode, alias);
  }

  mailDeliveries(alias = 'delivery'): SelectQueryBuilder<MailDelivery> {
    return this.inOrganization(MailDelivery, alias);
  }

  async emailHasAccount(email: string): Promise<boolean> {
    return (await tenantOfStaffEmail(this.manager, email)) !== undefined;
  }

  enqueueJob<Payload>(job: JobSpec<Payload>): Promise<void> {
    return enqueueJob((sql, parameters) => this.manager.query(sql, parameters), job);
  }

  async findOne<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, id: string, field: string, what: string): Promise<T> {
    assertId(id, field);
    const row = await query.andWhere(`${query.alias}.id = :scopeFindId`, { scopeFindId: id }).getOne();
    if (!row) throw notFound(what);
    return row;
  }

  private inOrganization<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string): SelectQueryBuilder<T> {
    return this.manager.getRepository(entity).createQueryBuilder(alias).where(`${alias}.organizationId = :scopeOrganizationId`, { scopeOrganizationId: this.organizationId });
  }
}
