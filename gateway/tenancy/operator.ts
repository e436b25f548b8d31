import type { DataSource } from 'typeorm';
import { Organization } from '../../entities/organization.entity.js';
import { StaffUser } from '../../entities/staff-user.entity.js';
import { conflict } from '../errors/app-error.js';
import { BackgroundScope } from './background-scope.js';

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
 * What the platform's operator does (`npm run admin`), as the schema's owner: creating a
 * pharmacy is set-up, which no pharmacy's own role may do. The work done as the new pharmacy
 * (its first invitation and mail) runs in the same transaction, so nothing is half-created.
 */
export interface Operator {
  createOrganization<T>(values: { name: string; slug: string }, work: (scope: BackgroundScope, organization: Organization) => Promise<T>): Promise<{ organization: Organization; result: T }>;
  /** Work as the pharmacy with `slug`, in one transaction; undefined when there is none. */
  asOrganization<T>(slug: string, work: (scope: BackgroundScope, organization: Organization) => Promise<T>): Promise<T | undefined>;
  listOrganizations(): Promise<OrganizationSummary[]>;
}

/** PostgreSQL's unique_violation. */
const UNIQUE_VIOLATION = '23505';

export function operatorOver(owner: DataSource): Operator {
  return {
    async createOrganization(values, work) {
      try {
        return await owner.transaction(async (manager) => {
          if (await manager.getRepository(Organization).existsBy({ slug: values.slug })) throw conflict(`The slug "${values.slug}" is taken; choose another.`);
          const organization = manager.create(Organization, values);
          await manager.insert(Organization, organization);
          const saved = await manager.getRepository(Organization).findOneByOrFail({ id: organization.id });
          return { organization: saved, result: await work(new BackgroundScope(saved.id, manager), saved) };
        });
      } catch (error) {
        // Two operators creating the same slug at once: the unique index decides.
        if ((error as { code?: unknown }).code === UNIQUE_VIOLATION && /slug/.test(String((error as { constraint?: unknown }).constraint))) {
          throw conflict(`The slug "${values.slug}" is taken; choose another.`);
        }
        throw error;
      }
    },
    async asOrganization(slug, work) {
      return owner.transaction(async (manager) => {
        const organization = await manager.getRepository(Organization).findOneBy({ slug });
        return organization ? work(new BackgroundScope(organization.id, manager), organization) : undefined;
      });
    },
    async listOrganizations() {
      const rows: { id: string; name: string; slug: string; created_at: Date; staff: number; admins: number }[] = await owner
        .getRepository(Organization)
        .createQueryBuilder('organization')
        .select(['organization.id AS id', 'organization.name AS name', 'organization.slug AS slug', 'organization.createdAt AS created_at'])
        .addSelect((query) => query.select('count(*)::int').from(StaffUser, 'staff').where('staff.organizationId = organization.id').andWhere('staff.deactivatedAt IS NULL'), 'staff')
        .addSelect(
          (query) => query.select('count(*)::int').from(StaffUser, 'staff').where('staff.organizationId = organization.id').andWhere(`staff.role = 'ADMIN' AND staff.deactivatedAt IS NULL`),
          'admins',
        )
        .orderBy('organization.createdAt', 'ASC')
        .getRawMany();
      return rows.map((row) => ({ id: row.id, name: row.name, slug: row.slug, createdAt: row.created_at, staff: row.staff, admins: row.admins }));
    },
  };
}
