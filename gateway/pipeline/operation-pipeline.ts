import {
  execute,
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type ValidationRule,
  validate,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { authenticate } from '../auth/authenticate.js';
import type { Viewer } from '../auth/viewer.js';
import { RequestContext, type GatewayDependencies } from '../context/request-context.js';
import { isDatabaseUnavailable } from '../database/database-error.js';
import { DomainError, serviceUnavailable } from '../errors/domain-error.js';
import { tenantOf, withTenant, type DatabaseTenant } from '../tenancy/tenant-context.js';
import type { ReadAudit } from '../audit/read-audit.js';
import { operationLimits, withoutSuggestions, type OperationLimits } from './operation-limits.js';
import { subscribeWithContextPerEvent } from './context-per-event.js';
import { EventMultiplexer } from './event-multiplexer.js';
import { LiveFanOut } from './live-fan-out.js';
import { subscriptionGroup } from './subscription-group.js';
import { assertSubscriptionsAuthorized } from './subscription-permissions.js';
import type { TrustedDocuments } from './trusted-documents.js';
import { resolveOperation, UNTRUSTED_MESSAGE, type OperationBody } from './trusted-documents-middleware.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { OperationMetrics, type Transport } from './operation-metrics.js';

/** Characters of query text the validated-document store holds (a document's AST is some ten times its text). */
const VALID_DOCUMENTS_MAX_CHARACTERS = 1_000_000;

/** Where an operation comes from, as far as the pipeline needs to know. */
export interface Caller {
  /** The client's address (Express's `req.ip` over HTTP, the upgrade request's over WebSocket), for per-IP limits and the audit log. */
  clientIp?: string;
  /** The client's User-Agent: what a new sign-in session is listed as. */
  userAgent?: string;
  /** A socket's operations share the socket's read audit: each conversation is recorded once per socket. */
  reads?: ReadAudit;
  /** Which transport brought the operation, and when (`performance.now()`, before its credential was read): what its latency is measured from. */
  arrival?: { transport: Transport; at: number };
}

/**
 * The steps every GraphQL operation takes, whichever transport brought it. HTTP (Apollo's
 * context function and plugins, `server/http/graphql-route.ts`) and WebSocket (graphql-ws's
 * hooks, `server/websocket/socket-pipeline.ts`) are thin adapters over this class, so a rule
 * added here holds on both:
 *
 * 1. admission — trusted documents (`admit`), then the operation limits (`limits`, `documentOf`);
 * 2. the viewer — the credential becomes a viewer (`authenticate`) and a context (`contextFor`);
 * 3. the partner rate limit (`chargePartner`);
 * 4. execution as the viewer's database tenant (`execute`); a subscription's permission is
 *    checked before it starts listening, and each of its events runs with a fresh context
 *    (`subscribe`);
 * 5. error shaping (`formatError` for both, `shapeResult` for what Apollo shapes itself on
 *    HTTP) and the read audit, which the schema's middleware records through the context.
 */
export class OperationPipeline {
  /** Validation rules and parse options of both transports; the Apollo plugins of HTTP. */
  readonly limits: OperationLimits;
  /** Latencies, live subscriptions and deliveries (operation-metrics.ts); undefined when the gateway exports no metrics. */
  readonly metrics: OperationMetrics | undefined;
  private readonly rules: readonly ValidationRule[];
  private readonly production: boolean;
  /** Live events resolved once per group of equal subscribers on this instance. */
  readonly multiplexer = new EventMultiplexer();
  /** Live events sent to every member of a group from here, when results go straight to sockets. */
  readonly fanOut = new LiveFanOut();
  /**
   * Documents that passed parsing and validation, by their text. Over WebSocket every
   * `subscribe` brings its document again, and a reconnect storm is thousands of the same
   * few; graphql-js's validation walk was 16 % of the gateway's time in one. Apollo keeps
   * the same kind of store for HTTP. Bounded by the texts' length, as Apollo's is.
   */
  private readonly validDocuments = new LRUCache<string, DocumentNode>({ maxSize: VALID_DOCUMENTS_MAX_CHARACTERS, sizeCalculation: (_document, query) => Math.max(1, query.length) });

  constructor(
    readonly schema: GraphQLSchema,
    private readonly deps: GatewayDependencies,
    readonly trustedDocuments: TrustedDocuments,
    /** This gateway's metrics registry; without it nothing is timed or counted. */
    gatewayMetrics?: GatewayMetrics,
  ) {
    // Fail at start, not at the first subscriber: every subscription declares who may listen.
    assertSubscriptionsAuthorized(schema);
    this.production = deps.config.production;
    this.limits = operationLimits({ production: this.production });
    // Apollo adds the introspection ban itself on HTTP (`introspection: false`).
    this.rules = [...specifiedRules, ...this.limits.validationRules, ...(this.production ? [NoSchemaIntrospectionCustomRule] : [])];
    this.metrics = gatewayMetrics
      ? new OperationMetrics(gatewayMetrics, { trustedOperationNames: trustedDocuments.operationNames(), originOf: (event) => deps.realtime.bus.originOf(event) })
      : undefined;
    this.metrics?.timeRootFields(schema);
  }

  /**
   * 1. A trusted document named by hash gets its text; in production, whoever is not a
   * partner runs only trusted documents. Undefined when admitted.
   */
  admit(operation: OperationBody, { partner }: { partner: boolean }): GraphQLError | undefined {
    const resolution = resolveOperation(this.trustedDocuments, operation, { production: this.production, partner });
    if (resolution === 'not-found') return new GraphQLError('PersistedQueryNotFound', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
    if (resolution === 'untrusted') return new GraphQLError(UNTRUSTED_MESSAGE, { extensions: { code: 'BAD_REQUEST' } });
    return undefined;
  }

  /**
   * 1. Parses and validates with the operation limits, answering with the codes Apollo uses
   * over HTTP (where Apollo itself parses, with these same `limits`).
   */
  documentOf(query: string): DocumentNode | readonly GraphQLError[] {
    const known = this.validDocuments.get(query);
    if (known) return known;
    let document;
    try {
      document = parse(query, this.limits.parseOptions);
    } catch (error) {
      return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    const invalid = validate(this.schema, document, this.rules);
    if (invalid.length === 0) {
      this.validDocuments.set(query, document);
      return document;
    }
    return invalid.map((error) => new GraphQLError(this.tidy(error.message), { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
  }

  /**
   * 2. The credential (`Bearer …`) as a viewer: anonymous without one, UNAUTHENTICATED for a
   * bad one, SERVICE_UNAVAILABLE when it could not be checked (an API key while the database
   * is away).
   */
  async authenticate(authorization: string | undefined): Promise<Viewer> {
    try {
      return await authenticate(authorization, this.deps);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (isDatabaseUnavailable(error)) throw serviceUnavailable();
      throw error;
    }
  }

  /** 2. One context per operation: fresh loaders, the viewer, the caller's address and read audit. */
  contextFor(viewer: Viewer, caller: Caller = {}): RequestContext {
    const context = new RequestContext(viewer, this.deps, caller.clientIp, caller.reads);
    context.userAgent = caller.userAgent;
    if (caller.arrival) this.metrics?.arrived(context, caller.arrival.transport, caller.arrival.at);
    return context;
  }

  /** 2. Whose rows the operation's statements may see (row-level security); none for anonymous callers. */
  tenantOf(viewer: Viewer): DatabaseTenant | undefined {
    return viewer.kind === 'anonymous' ? undefined : tenantOf(viewer);
  }

  /** 3. Each operation of an API key counts against its rate limit; RATE_LIMITED past it. */
  async chargePartner(viewer: Viewer): Promise<void> {
    if (viewer.kind === 'partner') await this.deps.rateLimits.partnerRequests.consume(viewer.apiKeyId);
  }

  /** 4. Runs a query or mutation as the viewer's tenant (every statement, every resolver). */
  execute(args: ExecutionArgs): Promise<ExecutionResult> | ExecutionResult {
    const context = contextOf(args);
    const tenant = this.tenantOf(context.viewer);
    const operation = getOperationAST(args.document, args.operationName)?.operation;
    const result = tenant ? withTenant(tenant, () => this.inOneTransaction(context, operation, async () => execute(args))) : execute(args);
    return this.metrics ? this.metrics.executed(args, result) : result;
  }

  /**
   * 4. Opens the operation's one database transaction, which its first statement begins and
   * the returned function ends (commit, connection back to the pool; it never throws): every
   * statement of a query (or of one subscription event) then shares one `BEGIN; set_config…`
   * and one COMMIT instead of paying for its own (gateway/tenancy/operation-transaction.ts).
   * Mutations get none: their services open their own transactions, and their reads run as
   * before. HTTP calls this from Apollo's execution hooks (server/http/), the other paths below.
   */
  transactionFor(context: RequestContext, operation: OperationTypeNode | undefined): () => Promise<void> {
    if (operation !== OperationTypeNode.QUERY && operation !== OperationTypeNode.SUBSCRIPTION) return async () => {};
    context.openTransaction();
    return () => context.closeTransaction();
  }

  private async inOneTransaction(context: RequestContext, operation: OperationTypeNode | undefined, work: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const close = this.transactionFor(context, operation);
    try {
      return await work();
    } finally {
      await close();
    }
  }

  /**
   * 4. Starts a subscription as the viewer's tenant. type-graphql checks the root field's
   * `@Authorized` before the stream is created (so a viewer without access never listens;
   * `assertSubscriptionsAuthorized` makes sure every root field has one); each event is then
   * resolved as the same tenant with a context of its own, so no event sees rows a loader
   * cached for an earlier one, in a database transaction of its own, and once for every
   * subscriber of its group (`event-multiplexer.ts`). With `send` (a socket's frames), results
   * are sent from here and the stream may hand its events to its group's fan-out
   * (`live-fan-out.ts`) instead of having each pulled.
   */
  subscribe(args: ExecutionArgs, send?: (result: ExecutionResult) => void): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const context = contextOf(args);
    const tenant = this.tenantOf(context.viewer);
    const group = subscriptionGroup(args, context.viewer);
    const subscribe = () =>
      subscribeWithContextPerEvent(args, () => context.forEvent(), tenant ? (work) => withTenant(tenant, work) : (work) => work(), {
        executeEvent: this.multiplexer.executionFor(group, context),
        // Each event's execution (not the wait for it) in one transaction: a quiet subscription holds no connection.
        aroundEvent: (eventContext, run) => this.inOneTransaction(eventContext as RequestContext, OperationTypeNode.SUBSCRIPTION, run),
        observe: this.metrics?.subscriptionObserver,
        // A socket's results are sent from here: its stream may hand its events to its group's fan-out.
        live: send && {
          send,
          join: (member) => {
            const resolved = (event: object) => this.multiplexer.resolved(event, group, context);
            context.liveTail = this.fanOut.tailOf(group, { ...member, resolved });
          },
        },
      });
    const started = tenant ? withTenant(tenant, subscribe) : subscribe();
    return this.metrics ? this.metrics.subscribed(args, started) : started;
  }

  /**
   * 5. What Apollo does to a result's errors on HTTP, for the transports that don't run Apollo:
   * errors without a path were raised before any resolver ran, about the variables, which
   * Apollo calls BAD_USER_INPUT; production removes suggestions from them.
   */
  shapeErrors(errors: readonly GraphQLError[]): GraphQLError[] {
    return errors.map((error) =>
      error.path || error.extensions.code
        ? error
        : new GraphQLError(this.tidy(error.message), { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code: 'BAD_USER_INPUT' } }),
    );
  }

  private tidy(message: string): string {
    return this.production ? withoutSuggestions(message) : message;
  }
}

/** Every operation of ours runs with a RequestContext (`contextFor`). */
export function contextOf(args: ExecutionArgs): RequestContext {
  return args.contextValue as RequestContext;
}
