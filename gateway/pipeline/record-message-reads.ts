import { getNamedType, type GraphQLSchema } from 'graphql';
import type { RequestContext } from '../context/request-context.js';
import { wrapFieldResolvers } from './wrap-field-resolvers.js';

/** Reads by a subscription are marked as such in the entry's details. */
const LIVE = Object.freeze({ live: true });

/** Where message text leaves the gateway, and which conversation it comes from. */
export interface MessageTextSources {
  /** Types whose values carry message text (Message, MessageSearchHit): the conversation of a value. */
  types: Record<string, (value: any) => string>;
  /** Fields holding message text in a scalar (JSON), by type and field name: the conversations, from the parent object. */
  fields: Record<string, Record<string, (parent: any) => readonly string[]>>;
}

/**
 * Records a read (ReadAudit: once per conversation per request or socket) wherever a field
 * returns message text, whichever field that is: a page of messages, a search hit, a
 * conversation's last message, a reply's original, a message in a live event, a mutation's
 * answer, a webhook event's data. Written once here, so a field added later is audited by its
 * type rather than by remembering to; tests/gateway/audit/message-read-coverage.test.ts walks
 * the schema to prove every such field records its read.
 *
 * Wraps the resolvers of exactly those fields (wrap-field-resolvers.ts). As a type-graphql
 * global middleware this ran for every field of every operation: in the inbox that chain of
 * promises was a fifth of the gateway's time.
 */
export function recordMessageReads(schema: GraphQLSchema, sources: MessageTextSources): void {
  wrapFieldResolvers(schema, (field, type) => {
    const conversationsOfField = sources.fields[type.name]?.[field.name];
    const conversationOf = sources.types[getNamedType(field.type).name];
    if (!conversationsOfField && !conversationOf) return undefined;
    return (resolve) => (root, args, context: RequestContext, info) => {
      const details = info.operation.operation === 'subscription' ? LIVE : undefined;
      if (conversationsOfField) for (const id of conversationsOfField(root)) context.readAudit.conversationRead(id, details);
      const result = resolve(root, args, context, info);
      if (!conversationOf) return result;
      const record = (value: unknown) => {
        for (const item of Array.isArray(value) ? value : [value]) {
          if (item !== null && item !== undefined) context.readAudit.conversationRead(conversationOf(item), details);
        }
        return value;
      };
      return isPromise(result) ? result.then(record) : record(result);
    };
  });
}

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as { then?: unknown } | null)?.then === 'function';
