import {
  execute,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  subscribe,
  validate,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode, MessageType, stringifyMessage, type Context, type SubscribePayload } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type http from 'node:http';
import { WebSocketServer } from 'ws';
import { authenticate } from '../../auth/authenticate.js';
import { actorOf, type SignedInViewer } from '../../auth/viewer.js';
import { RequestContext } from '../../context/request-context.js';
import type { ServerDependencies } from '../config.js';
import { formatError, graphQLErrorOf } from '../../pipeline/format-error.js';
import { DomainError } from '../../errors/domain-error.js';
import { isDatabaseUnavailable } from '../../database/database-error.js';
import { operationLimits, withoutSuggestions } from '../../pipeline/operation-limits.js';
import type { TrustedDocuments } from '../../pipeline/trusted-documents.js';
import { resolveOperation, UNTRUSTED_MESSAGE } from '../../pipeline/trusted-documents-middleware.js';
import { ClientFaultTolerantWebSocket } from './client-fault-tolerant-websocket.js';
import { RealtimeCloseCode } from './realtime-limits.js';
import { SocketOperations, streamOf } from './socket-operations.js';
import { ReadAudit } from '../../audit/read-audit.js';
import { tenantOf, withTenant, type DatabaseTenant } from '../../tenancy/tenant-context.js';
import { logger } from '../../logging/logger.js';

/** ws allows 100 MiB frames by default; no GraphQL message of ours comes near 64 KiB. */
export const WEBSOCKET_MAX_PAYLOAD = 64 * 1024;
const DRAIN_TIMEOUT_MS = 5000;
/** WebSocket close code 1013: a temporary condition on our side. */
const TRY_AGAIN_LATER = 1013;
const DRAIN_GRACE_MS = 100;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** setTimeout's ceiling (~24.8 days); later expiries are re-checked when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type SocketContext = Context<{ authorization?: unknown }, Extra & Partial<{ state: SocketState }>>;

interface SocketState {
  viewer?: SignedInViewer;
  closed: boolean;
  cleanup: (() => void | Promise<void>)[];
  operations: SocketOperations;
  /** Shared by the socket's operations: each conversation's read is recorded once per socket. */
  reads?: ReadAudit;
}

export interface WebSocketGateway {
  readonly openSockets: number;
  /** Closes every socket with 1001 (clients reconnect, elsewhere or later) and stops accepting. */
  dispose(): Promise<void>;
}

/**
 * graphql-ws on the HTTP server's `/graphql`. The credential comes in
 * `connection_init` (`{ authorization: "Bearer …" }`); a bad or missing one closes
 * with 4403. Access is decided when a subscription starts; afterwards the socket
 * closes when its credential expires or its API key is revoked, so events never
 * need a per-subscriber database check. What one identity may hold open is capped
 * (realtime-limits.ts): past its sockets the socket closes with 4029; past a socket's
 * subscriptions only that operation fails, and a second subscription to the same stream
 * replaces the first (socket-operations.ts).
 */
export function useWebSocketGateway(
  httpServer: http.Server,
  schema: GraphQLSchema,
  deps: ServerDependencies,
  trustedDocuments: TrustedDocuments,
): WebSocketGateway {
  const allowedOrigins = new Set(deps.config.allowedOrigins);
  const wss = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: WEBSOCKET_MAX_PAYLOAD,
    WebSocket: ClientFaultTolerantWebSocket,
    // Browsers always send Origin: only our own pages may open sockets with a user's token.
    // Servers (partners) send none, and authenticate like everyone else.
    verifyClient: ({ origin }: { origin?: string }, accept: (allowed: boolean, code?: number, reason?: string) => void) =>
      !origin || allowedOrigins.has(origin) ? accept(true) : accept(false, 403, 'Origin not allowed'),
  });
  // The same rules and limits as the HTTP path, where Apollo adds the introspection ban in production.
  const operationRules = operationLimits({ production: deps.config.production });
  const rules = [...specifiedRules, ...operationRules.validationRules, ...(deps.config.production ? [NoSchemaIntrospectionCustomRule] : [])];
  const tidy = (message: string) => (deps.config.production ? withoutSuggestions(message) : message);
  const { realtime } = deps;
  const limits = deps.config.realtimeLimits;
  /** Per operation: whether graphql-ws still holds it open. */
  const stillOpen = new WeakMap<RequestContext, () => boolean>();

  /**
   * Parses, validates and admits one operation. Done here, so a bad document fails its
   * operation with the codes Apollo uses over HTTP, instead of graphql-ws closing the whole
   * socket (4400) on a syntax error.
   */
  const prepare = async (ctx: SocketContext, id: string, payload: SubscribePayload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
    const state = ctx.extra.state!;
    const viewer = state.viewer!;
    if (viewer.kind === 'partner') {
      try {
        await deps.rateLimits.partnerRequests.consume(viewer.apiKeyId);
      } catch (error) {
        if (error instanceof DomainError) return [graphQLErrorOf(error)];
        throw error;
      }
    }
    const resolution = resolveOperation(trustedDocuments, payload, { production: deps.config.production, partner: viewer.kind === 'partner' });
    if (resolution === 'not-found') return [new GraphQLError('PersistedQueryNotFound', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } })];
    if (resolution === 'untrusted') return [new GraphQLError(UNTRUSTED_MESSAGE, { extensions: { code: 'BAD_REQUEST' } })];
    let document;
    try {
      document = parse(payload.query, operationRules.parseOptions);
    } catch (error) {
      return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    const invalid = validate(schema, document, rules);
    if (invalid.length > 0) {
      return invalid.map((error) => new GraphQLError(tidy(error.message), { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
    }
    // After the last await: checking and admitting happen in one step, so two subscribes
    // of the same stream arriving together can't both stay.
    const stream = streamOf(schema, document, payload.operationName, payload.variables);
    if (stream !== undefined) {
      const admission = state.operations.admit(id, stream);
      if ('refused' in admission) return [graphQLErrorOf(admission.refused)];
      if (admission.replaces !== undefined) completeFromServer(ctx, admission.replaces);
    }
    // One context per operation: fresh loaders, the socket's viewer and read audit.
    const contextValue = new RequestContext(viewer, deps, undefined, state.reads);
    stillOpen.set(contextValue, () => id in ctx.subscriptions);
    return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
  };

  const server = useServer<{ authorization?: unknown }, { state: SocketState }>(
    {
      onSubscribe: async (ctx, id, payload) => {
        const { operations } = ctx.extra.state!;
        const taken = operations.begin(id, payload);
        if (taken) return [graphQLErrorOf(taken)];
        const prepared = await prepare(ctx, id, payload);
        // Refused before it ran: graphql-ws calls no onComplete for it.
        if (Array.isArray(prepared)) operations.end(id, payload);
        return prepared;
      },
      // Every operation that ran ends here: finished, failed, completed by the client, or its socket closed.
      onComplete: (ctx, id, payload) => ctx.extra.state?.operations.end(id, payload),
      onConnect: async (ctx) => {
        const state: SocketState = { closed: false, cleanup: [], operations: new SocketOperations(limits.subscriptionsPerSocket, () => ctx.subscriptions) };
        ctx.extra.state = state;
        const authorization = ctx.connectionParams?.authorization;
        let viewer;
        try {
          viewer = await authenticate(typeof authorization === 'string' ? authorization : undefined, deps);
        } catch (error) {
          // The credential could not be checked (an API key while the database is away): not
          // Forbidden, but "try again later", which graphql-ws clients retry.
          if (isDatabaseUnavailable(error)) ctx.extra.socket.close(TRY_AGAIN_LATER, 'Try again later');
          return false;
        }
        if (viewer.kind === 'anonymous' || state.closed) return false;
        const actor = actorOf(viewer);
        const lease = await realtime.presence.connect(viewer.organizationId, actor);
        state.cleanup.push(async () => {
          const { wentOffline } = await lease.release();
          if (wentOffline) realtime.publisher.presence(viewer.organizationId, actor, false);
        });
        if (lease.sockets > limits.socketsPerIdentity[viewer.kind]) {
          ctx.extra.socket.close(RealtimeCloseCode.TooManySockets, 'Too many sockets for this credential');
          await runCleanup(state);
          return false;
        }
        if (lease.cameOnline) realtime.publisher.presence(viewer.organizationId, actor, true);
        state.viewer = viewer;
        state.reads = new ReadAudit(deps.database.scopeFor(viewer));
        const close = (reason: string) => ctx.extra.socket.close(CloseCode.Forbidden, reason);
        if (viewer.expiresAt) watchExpiry(state, viewer.expiresAt, () => close('Credential expired'));
        // A staff session ended on any instance (sign-out everywhere, deactivation…) closes its sockets.
        if (viewer.kind === 'staff') state.cleanup.push(deps.sessions.watch(viewer, () => close('Session ended')));
        if (viewer.kind === 'partner' || viewer.kind === 'customer') {
          state.cleanup.push(
            realtime.bus.on('access', viewer.organizationId, (revoked) => {
              if (viewer.kind === 'partner' && 'apiKeyId' in revoked && revoked.apiKeyId === viewer.apiKeyId) close('API key revoked');
              if (viewer.kind === 'customer' && 'customerId' in revoked && revoked.customerId === viewer.customerId) close('Chat token revoked');
            }),
          );
        }
        // Closed while we were registering: undo at once rather than leak presence.
        if (state.closed) await runCleanup(state);
        return true;
      },
      // Every statement of an operation, and of each event a subscription resolves, runs as the
      // socket's tenant (row-level security). Events are resolved inside the iterator's next().
      execute: (args) => withTenant(tenantOfOperation(args), () => execute(args)),
      subscribe: (args) => {
        // Completed, replaced or its socket closed while it waited its turn: graphql-ws would
        // drop it once set up, so don't set it up (a conversation check, a replay).
        if (stillOpen.get(args.contextValue as RequestContext)?.() === false) return {};
        const tenant = tenantOfOperation(args);
        return withTenant(tenant, async () => {
          const result = await subscribe(args);
          return isAsyncIterable(result) ? iterateAsTenant(result, tenant) : result;
        });
      },
      onClose: async (ctx) => {
        const state = ctx.extra.state;
        if (!state) return;
        state.closed = true;
        await runCleanup(state);
      },
      // Errors without a path were raised before any resolver ran: they are about the
      // variables, which Apollo calls BAD_USER_INPUT over HTTP.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors
          ? {
              ...result,
              errors: result.errors.map((error) =>
                error.path || error.extensions.code
                  ? formatError(error.toJSON(), error)
                  : { ...error.toJSON(), message: tidy(error.message), extensions: { code: 'BAD_USER_INPUT' } },
              ),
            }
          : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
    },
    wss,
  );

  return {
    get openSockets() {
      return wss.clients.size;
    },
    async dispose() {
      for (const socket of wss.clients) socket.close(1001, 'Server shutting down');
      // Let closing handshakes and the events already being resolved finish before the
      // caller closes the database under them (bounded: a stuck client can't hold shutdown).
      const deadline = Date.now() + DRAIN_TIMEOUT_MS;
      while (wss.clients.size > 0 && Date.now() < deadline) await delay(25);
      await delay(DRAIN_GRACE_MS);
      await server.dispose();
    },
  };
}

function tenantOfOperation(args: ExecutionArgs): DatabaseTenant {
  return tenantOf((args.contextValue as RequestContext).signedInViewer);
}

const isAsyncIterable = (value: object): value is AsyncIterable<unknown> => Symbol.asyncIterator in value;

/** The same events, each pulled (and so resolved) as `tenant`. */
function iterateAsTenant<T>(events: AsyncIterable<T>, tenant: DatabaseTenant): AsyncIterableIterator<T> {
  const iterator = events[Symbol.asyncIterator]();
  return {
    next: () => withTenant(tenant, () => iterator.next()),
    return: (value?: unknown) => withTenant(tenant, async () => (iterator.return ? iterator.return(value) : { done: true as const, value: value as T })),
    throw: (error?: unknown) => withTenant(tenant, async () => (iterator.throw ? iterator.throw(error) : Promise.reject(error))),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Ends operation `id` from the server's side, the way a subscription that ran out ends: the
 * client gets `complete`. One still being set up is dropped by graphql-ws once ready, without
 * a word to the client, so the `complete` is sent here.
 */
function completeFromServer(ctx: SocketContext, id: string): void {
  const operations = ctx.subscriptions as Record<string, AsyncGenerator<unknown> | AsyncIterable<unknown> | null>;
  const operation = operations[id];
  if (operation && 'return' in operation && typeof operation.return === 'function') {
    operation.return(undefined).catch((error: unknown) => logger.warn({ err: error }, 'A replaced subscription did not end cleanly'));
    return;
  }
  delete operations[id];
  ctx.extra.socket.send(stringifyMessage({ id, type: MessageType.Complete }));
}

function watchExpiry(state: SocketState, expiresAt: Date, onExpired: () => void): void {
  const check = () => {
    const remaining = expiresAt.getTime() - Date.now();
    if (remaining <= 0) return onExpired();
    const timer = setTimeout(check, Math.min(remaining, MAX_TIMER_MS));
    state.cleanup.push(() => clearTimeout(timer));
  };
  check();
}

async function runCleanup(state: SocketState): Promise<void> {
  const tasks = state.cleanup.splice(0);
  await Promise.allSettled(tasks.map((task) => task()));
}
