import type { ApolloServerPlugin } from '@apollo/server';
import {
  defaultFieldResolver,
  getOperationAST,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import type { RequestContext } from '../context/request-context.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { publishTime, type EventOrigin } from '../pubsub/event-bus.js';
import type { SubscriptionObserver } from './context-per-event.js';
import { OperationNameLabels } from './operation-name-labels.js';

export type Transport = 'http' | 'websocket';

/** What an error's code may be as a label: our codes and graphql's are all like this; anything else is "ERROR". */
const PLAIN_CODE = /^[A-Z][A-Z_]{0,39}$/;

/** What an error's code is read from: a GraphQLError, or its formatted form. */
type ErrorWithCode = { extensions?: { code?: unknown } };

/** An execution that threw instead of answering: masked as INTERNAL_SERVER_ERROR, as its client sees it. */
const THREW: readonly ErrorWithCode[] = [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }];

/** `query Name`, `mutation Name(…`: an operation's name read without parsing. */
const LEADING_NAME = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/;

interface Arrival {
  /** `performance.now()` when the transport handed the operation over, before its credential was read. */
  at: number;
  transport: Transport;
}

/**
 * The pipeline's own figures, recorded the same way whichever transport brought the
 * operation (the registry itself is the server's, gateway/metrics/):
 * - an operation is timed from its arrival (`arrived`, called by the pipeline's `contextFor`)
 *   to its result: for HTTP in Apollo's `willSendResponse` (`httpPlugin`), for WebSocket when
 *   the pipeline's `execute` settles or its `subscribe` has started listening; refusals
 *   before a context exists (trusted documents, limits, parse errors on a socket) via `refused`;
 * - root fields (Query.x, Mutation.y) are timed by wrapping their resolvers once, at start;
 *   nested fields are not: one timer per field of every row would cost more than it tells;
 * - each subscription counts as live from listening to its end, and each event result it
 *   sends is traced to the bus event it came from (`eventSent`): delivered, and how long since
 *   it was published.
 */
export class OperationMetrics {
  private readonly names: OperationNameLabels;
  private readonly arrivals = new WeakMap<object, Arrival>();
  private readonly eventOrigins = new WeakMap<ExecutionResult, EventOrigin>();
  /** Each bus channel's delivery counter and histogram, labelled once: every delivery of a fan-out counts. */
  private readonly deliveryMetrics = new Map<string, { delivered: { inc(): void }; commitToSend: { observe(value: number): void } }>();
  private readonly originOf: (event: object) => EventOrigin | undefined;
  /** HTTP's adapter: Apollo runs parsing, validation and execution itself. */
  readonly httpPlugin: ApolloServerPlugin<RequestContext>;

  constructor(
    private readonly metrics: GatewayMetrics,
    options: { trustedOperationNames: Iterable<string>; originOf: (event: object) => EventOrigin | undefined },
  ) {
    this.names = new OperationNameLabels(options.trustedOperationNames);
    this.originOf = options.originOf;
    this.httpPlugin = {
      requestDidStart: async ({ contextValue }) => {
        if (!this.arrivals.has(contextValue)) this.arrived(contextValue, 'http', performance.now());
        return {
          willSendResponse: async ({ contextValue: context, operation, operationName, request, document, response }) => {
            const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
            // A document that failed validation has no operation yet, but has its name.
            const name = operationName ?? request.operationName ?? (document ? getOperationAST(document, request.operationName)?.name?.value : undefined);
            this.finished(context, name, operation?.operation, errors);
          },
        };
      },
    };
  }

  /** An operation's context was made: its clock started at `at`, when its transport received it. */
  arrived(context: object, transport: Transport, at: number): void {
    this.arrivals.set(context, { at, transport });
  }

  /** A query or mutation run through the pipeline: timed until its result is ready. */
  executed(args: ExecutionArgs, result: Promise<ExecutionResult> | ExecutionResult): Promise<ExecutionResult> | ExecutionResult {
    if (!(result instanceof Promise)) {
      this.settled(args, result.errors);
      return result;
    }
    return result.then(
      (value) => {
        this.settled(args, value.errors);
        return value;
      },
      (error: unknown) => {
        this.settled(args, THREW);
        throw error;
      },
    );
  }

  /** A subscription started listening (ok) or was refused with errors. */
  subscribed<T extends object>(args: ExecutionArgs, started: Promise<T | ExecutionResult>): Promise<T | ExecutionResult> {
    return started.then(
      (value) => {
        this.settled(args, Symbol.asyncIterator in value ? undefined : (value as ExecutionResult).errors);
        return value;
      },
      (error: unknown) => {
        this.settled(args, THREW);
        throw error;
      },
    );
  }

  /**
   * An operation refused before it ran (admission, limits, parsing, validation, a socket's
   * cap): labelled with the name it was sent with, else the one its text starts with (the
   * document may not parse), and type "unknown", as Apollo reports its validation failures.
   */
  refused(transport: Transport, at: number, operation: { operationName?: string | null; query?: unknown }, errors: readonly ErrorWithCode[]): void {
    const named = typeof operation.query === 'string' ? LEADING_NAME.exec(operation.query)?.[1] : undefined;
    this.observe({ at, transport }, operation.operationName ?? named, undefined, errors);
  }

  /** Follows one subscription: live while it streams, and which bus event each result came from. */
  readonly subscriptionObserver = (): SubscriptionObserver => {
    const gauge = this.metrics.liveSubscriptions;
    gauge.inc();
    let ended = false;
    return {
      resolved: (result, event) => {
        const origin = typeof event === 'object' && event !== null ? this.originOf(event) : undefined;
        if (origin) this.eventOrigins.set(result, origin);
      },
      ended: () => {
        if (ended) return;
        ended = true;
        gauge.dec();
      },
    };
  };

  /** A subscription's result is being sent: counted as delivered if it came from the bus, with its commit-to-send time. */
  eventSent(result: ExecutionResult): void {
    const origin = this.eventOrigins.get(result);
    if (!origin) return;
    const channel = this.deliveryMetricsOf(origin.topic);
    channel.delivered.inc();
    channel.commitToSend.observe(Math.max(0, publishTime() - origin.publishedAt) / 1000);
  }

  private deliveryMetricsOf(topic: string) {
    let channel = this.deliveryMetrics.get(topic);
    if (!channel) {
      channel = { delivered: this.metrics.eventsDelivered.labels(topic), commitToSend: this.metrics.commitToSend.labels(topic) };
      this.deliveryMetrics.set(topic, channel);
    }
    return channel;
  }

  /**
   * Times the root fields of queries and mutations by wrapping their resolvers, in place: the
   * schema is this gateway's own (built at its start), and both transports execute it.
   */
  timeRootFields(schema: GraphQLSchema): void {
    for (const type of [schema.getQueryType(), schema.getMutationType()]) {
      if (!type) continue;
      for (const field of Object.values(type.getFields())) {
        field.resolve = timed(field.resolve ?? defaultFieldResolver, this.metrics.rootFieldDuration.labels(`${type.name}.${field.name}`));
      }
    }
  }

  private finished(context: object, operationName: string | undefined, type: string | undefined, errors: readonly ErrorWithCode[] | undefined): void {
    const arrival = this.arrivals.get(context);
    if (!arrival) return;
    // Once per operation, even if a transport reported it twice.
    this.arrivals.delete(context);
    this.observe(arrival, operationName, type, errors);
  }

  private settled(args: ExecutionArgs, errors: readonly ErrorWithCode[] | undefined): void {
    const operation = getOperationAST(args.document, args.operationName);
    this.finished(args.contextValue as object, operation?.name?.value ?? args.operationName ?? undefined, operation?.operation, errors);
  }

  private observe(arrival: Arrival, operationName: string | null | undefined, type: string | undefined, errors: readonly ErrorWithCode[] | undefined): void {
    const code = errors?.[0]?.extensions?.code;
    const outcome = !errors?.length ? 'ok' : typeof code === 'string' && PLAIN_CODE.test(code) ? code : 'ERROR';
    this.metrics.operationDuration.observe(
      { operation: this.names.labelOf(operationName), type: type ?? 'unknown', transport: arrival.transport, outcome },
      (performance.now() - arrival.at) / 1000,
    );
  }
}

/** `resolve`, timed into `histogram` until its value (or promise) settles. */
function timed(resolve: GraphQLFieldResolver<unknown, unknown>, histogram: { observe(seconds: number): void }): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const start = performance.now();
    const stop = () => histogram.observe((performance.now() - start) / 1000);
    let value;
    try {
      value = resolve(source, args, context, info);
    } catch (error) {
      stop();
      throw error;
    }
    if (!(value instanceof Promise)) {
      stop();
      return value;
    }
    return value.then(
      (settled) => {
        stop();
        return settled;
      },
      (error: unknown) => {
        stop();
        throw error;
      },
    );
  };
}
