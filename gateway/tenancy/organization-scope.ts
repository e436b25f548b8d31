import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuditDetails } from '../../entities/audit-event.entity.js';
import type { MailDelivery } from '../../entities/mail-delivery.entity.js';
import type { Organization } from '../../entities/organization.entity.js';
import type { PasswordReset } from '../../entities/password-reset.entity.js';
import type { RecoveryCode } from '../../entities/recovery-code.entity.js';
import type { StaffInvitation } from '../../entities/staff-invitation.entity.js';
import type { StaffSession } from '../../entities/staff-session.entity.js';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import type { AuditAction } from '../audit/audit-action.js';
import type { JobSpec } from '../jobs/enqueue-job.js';

/**
 * One pharmacy's rows, whoever acts: a request's TenantScope (a viewer) or a BackgroundScope
 * (a job, the operator's CLI). Services that both run use this much of a scope.
 */
export interface OrganizationScope {
  readonly organizationId: string;
  /** Where the request came from, for the audit log; undefined for background work. */
  readonly clientIp?: string;
  /** Runs `work` in one transaction with a scope bound to it; nested calls join it. */
  transaction<T>(work: (scope: OrganizationScope) => Promise<T>): Promise<T>;
  /** Runs `hook` once the current transaction commits, or at once outside one. */
  afterCommit(key: string, hook: () => void): void;
  audit(action: AuditAction, object?: { type: string; id: string }, details?: AuditDetails): Promise<void>;
  /** The raw manager, for inserts and updates of rows the caller built from scoped reads. */
  readonly entityManager: EntityManager;
  organization(): Promise<Organization>;
  staff(alias?: string): SelectQueryBuilder<StaffUser>;
  staffInvitations(alias?: string): SelectQueryBuilder<StaffInvitation>;
  staffSessions(alias?: string): SelectQueryBuilder<StaffSession>;
  passwordResets(alias?: string): SelectQueryBuilder<PasswordReset>;
  recoveryCodes(alias?: string): SelectQueryBuilder<RecoveryCode>;
  mailDeliveries(alias?: string): SelectQueryBuilder<MailDelivery>;
  /** Whether `email` (lower-cased) signs in anywhere: addresses are unique across pharmacies. */
  emailHasAccount(email: string): Promise<boolean>;
  /** Adds a background job in this scope's transaction (gateway/jobs/enqueue-job.ts). */
  enqueueJob<Payload>(job: JobSpec<Payload>): Promise<void>;
  findOne<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, id: string, field: string, what: string): Promise<T>;
}
