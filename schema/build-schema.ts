import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../gateway/auth/auth-checker.js';
import { guardPersonalDataFields } from '../gateway/auth/field-guard.js';
import { recordMessageReads } from '../gateway/pipeline/record-message-reads.js';
import { wrapFieldResolvers } from '../gateway/pipeline/wrap-field-resolvers.js';
import type { Message } from '../entities/message.entity.js';
import type { MessageSearchHit } from '../resolvers/search/message-search.service.js';
import type { WebhookEventObjectType } from '../resolvers/webhook/webhook-delivery.type.js';
import type { CustomerDataExport } from '../resolvers/customer-data/customer-data.service.js';
import { rejectingUnstorableText } from './reject-unstorable-text.js';
import { resolvers } from '../resolvers/index.js';

/** The one GraphQL schema, built from the resolvers' decorators, its personal data guarded by field. */
export async function buildCounterchatSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    authChecker,
    // Every @Subscription brings its own `subscribe` over the gateway's event bus
    // (resolvers/realtime); type-graphql still wants a pubSub, so this one refuses to work.
    pubSub: {
      publish: () => {
        throw new Error('Publish through RealtimePublisher, not type-graphql.');
      },
      subscribe: () => {
        throw new Error('Subscriptions take their events from the gateway event bus.');
      },
    },
    // Missing optional fields are skipped; GraphQL's own non-null checks cover required ones.
    validate: { skipMissingProperties: true, forbidUnknownValues: false },
  });
  // Not type-graphql global middlewares: these wrap only the fields they are about.
  wrapFieldResolvers(schema, (field) => (field.args.length > 0 ? rejectingUnstorableText : undefined));
  // Every field returning one of these is a read of that conversation's messages (audit log).
  recordMessageReads(schema, {
    types: {
      Message: (message: Message) => message.conversationId,
      MessageSearchHit: (hit: MessageSearchHit) => hit.message.conversationId,
    },
    fields: {
      // message.* events carry the message; conversation.* events only ids and states.
      WebhookEvent: { data: (event: WebhookEventObjectType) => ('message' in event.data ? [event.conversationId] : []) },
      CustomerDataExport: { data: (exported: CustomerDataExport) => exported.conversationIds },
    },
  });
  return guardPersonalDataFields(schema);
}

/** The SDL as checked in at schema/schema.graphql: sorted, so diffs show only real changes. */
export function printCounterchatSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
