import type { DataSource } from 'typeorm';
import { asTenantOver, type AsTenant } from './as-tenant.js';
import { tenantOfStaffEmail, tenantOfStaffInvitation } from './tenant-lookups.js';

/**
 * What work done before anyone is signed in may ask (accepting an invitation, resetting a
 * password): which pharmacy a token or address belongs to, then that pharmacy's rows as it.
 */
export interface PreAuthentication {
  tenantOfStaffInvitation(tokenHash: string): Promise<string | undefined>;
  tenantOfStaffEmail(email: string): Promise<string | undefined>;
  asTenant: AsTenant;
}

export function preAuthenticationOver(dataSource: DataSource): PreAuthentication {
  return {
    tenantOfStaffInvitation: (tokenHash) => tenantOfStaffInvitation(dataSource, tokenHash),
    tenantOfStaffEmail: (email) => tenantOfStaffEmail(dataSource, email),
    asTenant: asTenantOver(dataSource),
  };
}
