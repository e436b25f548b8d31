import { getNamedType } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { RequestContext } from '../context/request-context.js';

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
 */
export function recordMessageReads(sources: MessageTextSources): MiddlewareFn<RequestContext> {
  // Runs for every field of every operation: two lookups, and nothing more for most fields.
  return ({ root, info, context }, next) => {
    const conversationsOfField = sources.fields[info.parentType.name]?.[info.fieldName];
    const conversationOf = sources.types[getNamedType(info.returnType).name];
    if (!conversationsOfField && !conversationOf) return next();
    const details = info.operation.operation === 'subscription' ? LIVE : undefined;
    if (conversationsOfField) for (const id of conversationsOfField(root)) context.readAudit.conversationRead(id, details);
    if (!conversationOf) return next();
    return Promise.resolve(next()).then((result: unknown) => {
      for (const value of Array.isArray(result) ? result : [result]) {
        if (value !== null && value !== undefined) context.readAudit.conversationRead(conversationOf(value), details);
      }
      return result;
    });
  };
}
