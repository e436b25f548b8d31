import { Customer } from '../../entities/customer.entity.js';
import { badUserInput, conflict } from '../../gateway/errors/domain-error.js';
import { isUniqueViolation } from '../../gateway/database/database-error.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { isUuidValue } from '../pagination/cursor.js';
import { fetchKeysetPage } from '../pagination/keyset-page.js';
import type { Page } from '../pagination/page.js';
import type { PageRequest } from '../pagination/page-request.js';
import { customerSearchCondition } from './customer-search.js';
import { assertE164 } from './phone-number.js';

export interface CreateCustomer {
  name: string;
  /** E.164; anything else is BAD_USER_INPUT. */
  phone?: string | null;
  email?: string | null;
  /** The web store's own id; unique within the pharmacy (CONFLICT otherwise). */
  externalId?: string | null;
}

export class CustomerService {
  constructor(private readonly scope: TenantScope) {}

  get(id: string, field = 'id'): Promise<Customer> {
    return this.scope.findOne(this.scope.customers('customer'), id, field, 'Customer');
  }

  /**
   * Alphabetical; with a search, matches at the start of the name (or a phone
   * prefix) come first, then matches inside the name, each alphabetical.
   */
  list(search: string | undefined, request: PageRequest): Promise<Page<Customer>> {
    const query = this.scope.customers('customer');
    const term = search?.trim();
    if (!term) {
      return fetchKeysetPage(
        query,
        {
          tag: 'customer',
          keys: ['customer.name', 'customer.id'],
          valuesOf: (row) => [row.name, row.id],
          descending: false,
          acceptsCursor: ([name, id]) => typeof name === 'string' && isUuidValue(id),
        },
        request,
      );
    }
    const condition = customerSearchCondition('customer', term);
    query.andWhere(condition.where, condition.parameters);
    return fetchKeysetPage(
      query,
      {
        tag: 'customerSearch',
        keys: [condition.rankExpression, 'customer.name', 'customer.id'],
        valuesOf: (row) => [condition.rankOf(row), row.name, row.id],
        descending: false,
        acceptsCursor: ([rank, name, id]) => (rank === 0 || rank === 1) && typeof name === 'string' && isUuidValue(id),
      },
      request,
    );
  }

  async create(input: CreateCustomer): Promise<Customer> {
    const name = input.name.trim();
    if (!name) throw badUserInput('name', 'A name needs 1 to 200 characters.');
    const phone = input.phone ? assertE164(input.phone) : null;
    return this.scope.transaction(async (tx) => {
      if (input.externalId) {
        const taken = await tx.customers('customer').andWhere('customer.externalId = :externalId', { externalId: input.externalId }).getExists();
        if (taken) throw conflict('A customer with this external id already exists.');
      }
      try {
        return await tx.insert(Customer, { name, phone, email: input.email?.toLowerCase() ?? null, externalId: input.externalId ?? null });
      } catch (error) {
        // Two creates with one external id at the same moment: the unique index decides.
        if (isUniqueViolation(error)) throw conflict('A customer with this external id already exists.');
        throw error;
      }
    });
  }
}

