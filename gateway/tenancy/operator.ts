import type { Organization } from '../../entities/organization.entity.js';
import { conflict } from '../errors/domain-error.js';
import type { ActorScope } from './organization-scope.js';
import type { TenantDatabase } from './tenant-database.js';

/** One line of `npm run admin -- list-pharmacies`. */
export interface OrganizationSummary {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
  staff: number;
  admins: number;
}

/**
 * What the platform's operator does (`npm run admin`), on the schema owner's database:
 * creating a pharmacy is set-up, which no pharmacy's own role may do. The work done as the new
 * pharmacy (its first invitation and mail) runs in the same transaction, so nothing is
 * half-created. The audit log names no actor for it: the operator is nobody in the pharmacy.
 */
export interface Operator {
  createOrganization<T>(values: { name: string; slug: string }, work: (scope: ActorScope, organization: Organization) => Promise<T>): Promise<{ organization: Organization; result: T }>;
  /** Work as the pharmacy with `slug`, in one transaction; undefined when there is none. */
  asOrganization<T>(slug: string, work: (scope: ActorScope, organization: Organization) => Promise<T>): Promise<T | undefined>;
  listOrganizations(): Promise<OrganizationSummary[]>;
}

/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = '23505';

export function operatorOver(owner: TenantDatabase): Operator {
  const taken = (slug: string) => conflict(`The slug "${slug}" is taken; choose another.`);
  return {
    async createOrganization(values, work) {
      if (await owner.lookups.tenantOfSlug(values.slug)) throw taken(values.slug);
      try {
        return await owner.createOrganization(values, async (scope) => {
          // Read back: the database fills in the settings' defaults and the widget secret.
          const organization = await scope.organization();
          return { organization, result: await work(scope.actingAs(null), organization) };
        });
      } catch (error) {
        // Two operators creating the same slug at once: the unique index decides.
        if ((error as { code?: unknown }).code === UNIQUE_VIOLATION && /slug/.test(String((error as { constraint?: unknown }).constraint))) throw taken(values.slug);
        throw error;
      }
    },
    async asOrganization(slug, work) {
      const organizationId = await owner.lookups.tenantOfSlug(slug);
      if (!organizationId) return undefined;
      return owner.asTenant({ organizationId }, (scope) =>
        scope.actingAs(null).transaction(async (acting) => work(acting, await acting.organization())),
      );
    },
    listOrganizations: () => owner.lookups.organizationSummaries(),
  };
}
