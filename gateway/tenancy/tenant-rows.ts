import { In, type EntityManager, type EntityMetadata, type EntityTarget, type QueryResult, type WhereExpressionBuilder } from 'typeorm';
import type { NewRow, Row, RowCriteria } from './scoped-query.js';

/**
 * What makes a row a tenant's when it is written: its organization column, and for a
 * customer their own conversations. The reads' filters are in OrganizationScope's builders.
 */

// Tables are named with their schema: TypeORM's update and delete builders take a bare word
// that is also a property name (a relation `conversation`) for that column, and rewrite it.
const OWN_CONVERSATIONS = '(SELECT c.id FROM public.conversation c WHERE c.customer_id = :scopeCustomerId)';

/**
 * What narrows a customer's writes to their own rows, by table, in the words of the
 * row-level security policies (migration RowLevelSecurity1763830000000). Tables without an
 * entry are organization-wide: a customer's send writes outbox rows for the pharmacy's
 * endpoints, and the API's permissions keep customers away from the rest.
 */
const CUSTOMER_NARROWING: Record<string, string> = {
  customer: 'id = :scopeCustomerId',
  conversation: 'customer_id = :scopeCustomerId',
  participant: `conversation_id IN ${OWN_CONVERSATIONS}`,
  message: `conversation_id IN ${OWN_CONVERSATIONS}`,
  attachment: `conversation_id IN ${OWN_CONVERSATIONS}`,
  reaction: `message_id IN (SELECT m.id FROM public.message m WHERE m.conversation_id IN ${OWN_CONVERSATIONS})`,
};

/** `$1`, not `$10`: the organization's place in a tenant statement. */
const ORGANIZATION_PARAMETER = /\$1(?!\d)/;

const tenantColumns = new WeakMap<EntityMetadata, { property: string; column: string }>();

/** The column that says whose a row is: `organization_id`, or the organization's own `id`. */
export function tenantColumnOf(metadata: EntityMetadata): { property: string; column: string } {
  let found = tenantColumns.get(metadata);
  if (!found) {
    const column = metadata.findColumnWithPropertyName('organizationId') ?? (metadata.tableName === 'organization' ? metadata.findColumnWithPropertyName('id') : undefined);
    if (!column) throw new Error(`${metadata.name} is not a tenant table: it has no organization_id.`);
    tenantColumns.set(metadata, (found = { property: column.propertyName, column: column.databaseName }));
  }
  return found;
}

/**
 * `value` as a row of the organization: its organization filled in; one naming another is
 * refused (unless `refuseOthers` is off: the tenant probe's row-level-security-only pass).
 */
export function tenantRow<T extends Row>(manager: EntityManager, entity: EntityTarget<T>, value: NewRow<T>, organizationId: string, refuseOthers: boolean): T {
  const metadata = manager.connection.getMetadata(entity);
  const { property } = tenantColumnOf(metadata);
  if (property === 'id') throw new Error('Organizations are created with TenantDatabase.createOrganization.');
  const named = (value as Row)[property];
  if (refuseOthers && named !== undefined && named !== organizationId) throw new Error(`A ${metadata.name} of another organization can't be written here.`);
  return manager.create(entity, { ...value, [property]: organizationId } as NewRow<T>);
}

/**
 * Limits an update or delete to the rows `where` names (an array: any of its values) and,
 * when `tenant` is given, to that organization's, and a customer's own ones.
 */
export function limitToTenant<Q extends WhereExpressionBuilder>(
  query: Q,
  metadata: EntityMetadata,
  where: RowCriteria<Row>,
  tenant: { organizationId: string; customerId?: string } | undefined,
): Q {
  const criteria = Object.fromEntries(Object.entries(where).map(([key, value]) => [key, Array.isArray(value) ? In(value) : value]));
  const { column } = tenantColumnOf(metadata);
  const named = Object.keys(criteria).length > 0;
  // The organization's own row is the one row of its table; every other table needs a `where`.
  if (!named && column !== 'id') throw new Error('An update or delete names the rows it means.');
  if (named) query.where(criteria);
  else query.where('1 = 1');
  if (!tenant) return query;
  query.andWhere(`${column} = :scopeOrganizationId`, { scopeOrganizationId: tenant.organizationId });
  const narrowing = tenant.customerId ? CUSTOMER_NARROWING[metadata.tableName] : undefined;
  if (narrowing) query.andWhere(narrowing, { scopeCustomerId: tenant.customerId });
  return query;
}

/** One statement on the transaction's query runner, or a pooled one for it alone (what `manager.query` does). */
export async function runStatement(manager: EntityManager, sql: string, parameters: unknown[]): Promise<QueryResult> {
  if (manager.queryRunner) return manager.queryRunner.query(sql, parameters, true);
  const runner = manager.connection.createQueryRunner();
  try {
    return await runner.query(sql, parameters, true);
  } finally {
    await runner.release();
  }
}

/** A tenant statement of the caller's own must name the organization as `$1`, which the scope fills in. */
export function assertNamesOrganization(sql: string): string {
  if (!ORGANIZATION_PARAMETER.test(sql)) throw new Error('A tenant statement names its organization as $1.');
  return sql;
}
