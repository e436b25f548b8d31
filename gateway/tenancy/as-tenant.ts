import type { DataSource } from 'typeorm';
import { BackgroundScope } from './background-scope.js';
import { withTenant } from './tenant-context.js';

/** Background work for one pharmacy, under row-level security as that tenant. */
export type AsTenant = <T>(organizationId: string, work: (scope: BackgroundScope) => Promise<T>) => Promise<T>;

/** `asTenant` over the application's connection (the role subject to row-level security). */
export function asTenantOver(dataSource: DataSource): AsTenant {
  return (organizationId, work) => withTenant({ organizationId }, () => work(new BackgroundScope(organizationId, dataSource.manager)));
}
