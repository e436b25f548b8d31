import { AsyncLocalStorage } from 'node:async_hooks';
import type { SignedInViewer } from '../auth/viewer.js';

/**
 * Whose rows the database may show the current piece of work: row-level security's
 * half of tenant isolation (the application's half is TenantScope). Every statement
 * run inside `withTenant` carries the organization, and for a customer their own id,
 * as transaction-local settings (see TenantAwareClient); outside it, the policies
 * show no tenant rows at all.
 */
export interface DatabaseTenant {
  organizationId: string;
  /** Set for customers: the policies then show only their own conversations. */
  customerId?: string;
}

/** A request's slot: opened before the credential is read, filled once it has been. */
interface TenantSlot {
  tenant?: DatabaseTenant;
}

const storage = new AsyncLocalStorage<TenantSlot>();

export function tenantOf(viewer: SignedInViewer): DatabaseTenant {
  return viewer.kind === 'customer' ? { organizationId: viewer.organizationId, customerId: viewer.customerId } : { organizationId: viewer.organizationId };
}

/** Runs `work` (and everything it starts) as `tenant`. */
export function withTenant<T>(tenant: DatabaseTenant, work: () => T): T {
  return storage.run({ tenant }, work);
}

/**
 * Runs a request's handling with an empty slot that `bindTenant` fills once the credential
 * is known: the credential is read inside the handling, after this has started.
 */
export function withTenantSlot<T>(work: () => T): T {
  return storage.run({}, work);
}

/** Gives the current request's slot its tenant. A request acts for one organization only. */
export function bindTenant(tenant: DatabaseTenant): void {
  const slot = storage.getStore();
  if (!slot) throw new Error('bindTenant needs a request slot (withTenantSlot)');
  if (slot.tenant && (slot.tenant.organizationId !== tenant.organizationId || slot.tenant.customerId !== tenant.customerId)) {
    throw new Error('This request already acts for another tenant');
  }
  slot.tenant = tenant;
}

export function currentTenant(): DatabaseTenant | undefined {
  return storage.getStore()?.tenant;
}
