import type { DataSource } from 'typeorm';
import { asTenantOver, type AsTenant } from './as-tenant.js';
import { tenantOfPasswordReset, tenantOfStaffEmail, tenantOfStaffInvitation } from './tenant-lookups.js';
import { enqueueJob, type JobSpec } from '../jobs/enqueue-job.js';

/**
 * What work done before anyone is signed in may ask (accepting an invitation, resetting a
 * password): which pharmacy a token or address belongs to, then that pharmacy's rows as it.
 */
export interface PreAuthentication {
  tenantOfStaffInvitation(tokenHash: string): Promise<string | undefined>;
  tenantOfStaffEmail(email: string): Promise<string | undefined>;
  tenantOfPasswordReset(tokenHash: string): Promise<string | undefined>;
  asTenant: AsTenant;
  /** Queues a job that belongs to no pharmacy yet (the job finds out which). */
  enqueueJob<Payload>(job: JobSpec<Payload>): Promise<void>;
}

export function preAuthenticationOver(dataSource: DataSource): PreAuthentication {
  return {
    tenantOfStaffInvitation: (tokenHash) => tenantOfStaffInvitation(dataSource, tokenHash),
    tenantOfStaffEmail: (email) => tenantOfStaffEmail(dataSource, email),
    tenantOfPasswordReset: (tokenHash) => tenantOfPasswordReset(dataSource, tokenHash),
    asTenant: asTenantOver(dataSource),
    enqueueJob: (job) => enqueueJob((sql, parameters) => dataSource.query(sql, parameters), job),
  };
}
