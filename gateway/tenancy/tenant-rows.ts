import type { EntityMetadata } from 'typeorm';

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

export const customerNarrowing = (table: string): string | undefined => CUSTOMER_NARROWING[table];

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
