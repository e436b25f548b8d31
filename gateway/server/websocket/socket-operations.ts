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
import { DomainError, conflict } from '../../errors/domain-error.js';
import { ErrorCode } from '../../errors/error-code.js';

/** Whether a subscription may join its socket: refused (the socket is full), or in, perhaps replacing an older one. */
export type Admission = { refused: DomainError } | { replaces: string | undefined };

/**
 * The operations of one socket, from their subscribe message until they have ended.
 *
 * Subscriptions are counted against the limit, and there is one per stream: a newer one to
 * the same stream replaces the older, because that is what a client resubscribing means. Our
 * clients do it after a reconnect (graphql-ws resubscribes, then the widget and dashboard
 * subscribe again from the newest sequence they have), and Apollo may send the new subscribe
 * before completing the old one; refusing the newer one would lose the catch-up. Which
 * subscriptions still count is graphql-ws's own record, `live()`, which drops an id as soon
 * as its `complete` arrives.
 *
 * An id is not taken again while the operation that had it is still ending: graphql-ws would
 * then forget the new one when the old one finishes (it deletes the id), and a subscription it
 * forgets is never stopped, not even when the socket closes.
 */
export class SocketOperations {
  /** By id: the subscribe message of the operation running under it. */
  private readonly running = new Map<string, object>();
  /** Admitted subscriptions by id: the stream each follows. */
  private readonly streams = new Map<string, string | null>();

  constructor(
    private readonly limit: number,
    private readonly live: () => Readonly<Record<string, unknown>>,
  ) {}

  /** First thing for every operation, `opened` being its subscribe message's payload. */
  begin(id: string, opened: object): DomainError | undefined {
    if (this.running.has(id)) return conflict(`Operation ${id} is still ending; subscribe with a new id.`);
    this.running.set(id, opened);
    return undefined;
  }

  /** Takes subscription `id` onto the socket. A null stream (unknown) never replaces another. */
  admit(id: string, stream: string | null): Admission {
    const live = this.live();
    for (const held of this.streams.keys()) if (!(held in live)) this.streams.delete(held);
    const replaces = stream === null ? undefined : [...this.streams].find(([, held]) => held === stream)?.[0];
    if (replaces !== undefined) this.streams.delete(replaces);
    else if (this.streams.size >= this.limit) {
      return { refused: new DomainError(ErrorCode.RateLimited, `A socket holds at most ${this.limit} subscriptions; complete one first.`, { limit: this.limit }) };
    }
    this.streams.set(id, stream);
    return { replaces };
  }

  /** The operation `opened` has ended (graphql-ws's onComplete), or was refused before it ran. */
  end(id: string, opened: object): void {
    if (this.running.get(id) !== opened) return;
    this.running.delete(id);
    this.streams.delete(id);
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
