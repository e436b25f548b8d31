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
import { AuditAction } from '../../gateway/audit/audit-action.js';

export interface CreateCustomer {
  name: string;
  /** E.164; anything else is BAD_USER_INPUT. */
  phone?: string | null;
  email?: string | null;
  /** The web store's own id; unique within the pharmacy (CONFLICT otherwise). */
  externalId?: string | null;
}

/** Only the fields given change; null clears an optional one. */
export interface UpdateCustomer {
  id: string;
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  externalId?: string | null;
  dateOfBirth?: string | null;
  preferredLanguage?: string | null;
  staffNote?: string | null;
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

  /**
   * Changes a customer's profile; the audit log records which fields changed (never the
   * values: they are contact details). CONFLICT for an external id another customer has.
   */
  async update(input: UpdateCustomer): Promise<Customer> {
    const changes: Partial<Customer> = {};
    if (input.name !== undefined) {
      const name = input.name?.trim();
      if (!name) throw badUserInput('name', 'A name needs 1 to 200 characters.');
      changes.name = name;
    }
    if (input.phone !== undefined) changes.phone = input.phone?.trim() ? assertE164(input.phone) : null;
    if (input.email !== undefined) changes.email = input.email?.trim().toLowerCase() || null;
    if (input.externalId !== undefined) changes.externalId = input.externalId?.trim() || null;
    if (input.dateOfBirth !== undefined) changes.dateOfBirth = input.dateOfBirth ? checkDateOfBirth(input.dateOfBirth) : null;
    if (input.preferredLanguage !== undefined) changes.preferredLanguage = input.preferredLanguage || null;
    if (input.staffNote !== undefined) changes.staffNote = input.staffNote?.trim() || null;
    return this.scope.transaction(async (tx) => {
      const customer = await tx.findOne(tx.customers('customer').setLock('pessimistic_write'), input.id, 'id', 'Customer');
      const changed = (Object.keys(changes) as (keyof Customer)[]).filter((field) => changes[field] !== customer[field]);
      if (changed.length === 0) return customer;
      if (changes.externalId && changed.includes('externalId')) {
        const taken = await tx
          .customers('customer')
          .andWhere('customer.externalId = :externalId AND customer.id <> :id', { externalId: changes.externalId, id: customer.id })
          .getExists();
        if (taken) throw conflict('A customer with this external id already exists.');
      }
      const patch = Object.fromEntries(changed.map((field) => [field, changes[field]]));
      try {
        await tx.update(Customer, { id: customer.id }, patch);
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('A customer with this external id already exists.');
        throw error;
      }
      await tx.audit(AuditAction.CUSTOMER_UPDATED, { type: 'Customer', id: customer.id }, { fields: changed.join(',') });
      return Object.assign(customer, patch);
    });
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


/** A real calendar day, not in the future and not before 1900: `YYYY-MM-DD`. */
function checkDateOfBirth(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  const real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  if (!real || date.getTime() > Date.now() || date.getUTCFullYear() < 1900) {
    throw badUserInput('dateOfBirth', 'Enter a date of birth between 1900 and today as YYYY-MM-DD.');
  }
  return value;
}
