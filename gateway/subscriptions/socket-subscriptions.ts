import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { AppError, conflict } from '../errors/app-error.js';
import { ErrorCode } from '../errors/error-code.js';

/**
 * The subscriptions one socket holds, by graphql-ws operation id, each with the stream it
 * follows. The truth about which ids are still open is graphql-ws's own record, `live()`: it
 * drops an id the moment the client's `complete` arrives, before the old stream has wound
 * down. So a client that completes and at once subscribes again (Apollo does when variables
 * change, e.g. a new afterSequence after a reconnect) is never refused for its own old one.
 */
export class SocketSubscriptions {
  private readonly streams = new Map<string, string | null>();

  constructor(
    private readonly limit: number,
    private readonly live: () => Readonly<Record<string, unknown>>,
  ) {}

  /** Takes operation `id` onto the socket, or returns the typed error that refuses it. A null stream (unknown) is never a duplicate. */
  admit(id: string, stream: string | null): AppError | undefined {
    const live = this.live();
    for (const held of this.streams.keys()) if (!(held in live)) this.streams.delete(held);
    if (this.streams.size >= this.limit) {
      return new AppError(ErrorCode.RateLimited, `A socket holds at most ${this.limit} subscriptions; complete one first.`, { limit: this.limit });
    }
    for (const held of this.streams.values()) {
      if (stream !== null && held === stream) return conflict('This socket is already subscribed to that; complete the earlier subscription first.');
    }
    this.streams.set(id, stream);
    return undefined;
  }

  release(id: string): void {
    this.streams.delete(id);
  }

  get size(): number {
    return this.streams.size;
  }
}

/**
 * What a subscription follows: its root field, and the conversation for those that take one
 * (`conversationEvents:<id>`). afterSequence is left out on purpose: the same conversation
 * from another point is still the same stream. Null for a subscription whose arguments don't
 * coerce (execution refuses it anyway); undefined for queries and mutations.
 */
export function streamOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): string | null | undefined {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'subscription') return undefined;
  const field = firstField(operation.selectionSet, document);
  const definition = field && schema.getSubscriptionType()?.getFields()[field.name.value];
  if (!field || !definition) return null;
  if (!definition.args.some((argument) => argument.name === 'conversationId')) return field.name.value;
  // Values as execution will see them; if they don't coerce, execution refuses the operation anyway.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  try {
    return `${field.name.value}:${String(getArgumentValues(definition, field, coerced.coerced).conversationId)}`;
  } catch {
    return null;
  }
}

/** Validation allows exactly one root field in a subscription, possibly inside fragments. */
function firstField(selectionSet: SelectionSetNode, document: DocumentNode): FieldNode | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) return selection;
    const fragment =
      selection.kind === Kind.INLINE_FRAGMENT
        ? selection
        : document.definitions.find((definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value);
    const found = fragment && 'selectionSet' in fragment ? firstField(fragment.selectionSet, document) : undefined;
    if (found) return found;
  }
  return undefined;
}
