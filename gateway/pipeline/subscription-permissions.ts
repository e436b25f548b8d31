import type { GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql runs a subscription's `@Authorized` check on its subscribe call, before the
 * stream exists, and again on every event. A root field without one would let anyone who
 * can open a socket listen, so the gateway refuses to start with such a field rather than
 * relying on each resolver to remember.
 */
export function assertSubscriptionsAuthorized(schema: GraphQLSchema): void {
  const fields = Object.keys(schema.getSubscriptionType()?.getFields() ?? {});
  const declared = new Map(getMetadataStorage().subscriptions.map((subscription) => [subscription.schemaName, subscription.roles]));
  const open = fields.filter((field) => declared.get(field) === undefined);
  if (open.length > 0) throw new Error(`Every subscription must declare who may listen (@Authorized); these don't: ${open.join(', ')}.`);
}
