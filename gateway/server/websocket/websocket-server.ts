import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type http from 'node:http';
import { WebSocketServer } from 'ws';
import { AccessRevocations } from '../../auth/access-revocations.js';
import { actorOf } from '../../auth/viewer.js';
import type { ServerDependencies } from '../config.js';
import { DomainError } from '../../errors/domain-error.js';
import type { OperationPipeline } from '../../pipeline/operation-pipeline.js';
import { ClientFaultTolerantWebSocket } from './client-fault-tolerant-websocket.js';
import { RealtimeCloseCode } from './realtime-limits.js';
import { SocketOperations } from './socket-operations.js';
import { socketPipeline, type SocketState } from './socket-pipeline.js';
import { ReadAudit } from '../../audit/read-audit.js';
import { ReadAuditBatches } from '../../audit/read-audit-batches.js';

/** ws allows 100 MiB frames by default; no GraphQL message of ours comes near 64 KiB. */
export const WEBSOCKET_MAX_PAYLOAD = 64 * 1024;
const DRAIN_TIMEOUT_MS = 5000;
/** WebSocket close code 1013: a temporary condition on our side. */
const TRY_AGAIN_LATER = 1013;
const DRAIN_GRACE_MS = 100;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** setTimeout's ceiling (~24.8 days); later expiries are re-checked when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface WebSocketGateway {
  readonly openSockets: number;
  /** Live events sent to groups of subscribers, and the results that made (pipeline/live-fan-out.ts). */
  readonly fanOut: Readonly<{ events: number; deliveries: number }>;
  /** Closes every socket with 1001 (clients reconnect, elsewhere or later) and stops accepting. */
  dispose(): Promise<void>;
}

/**
 * graphql-ws on the HTTP server's `/graphql`: the socket's life. Its operations go through
 * the operation pipeline (socket-pipeline.ts), like HTTP requests. The credential comes in
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
  pipeline: OperationPipeline,
  deps: ServerDependencies,
  /** The client's address from the upgrade request, by the HTTP app's proxy rule (TRUST_PROXY). */
  clientIpOf: (request: http.IncomingMessage) => string | undefined,
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
  const { realtime } = deps;
  const limits = deps.config.realtimeLimits;
  // Sockets' reads share inserts: a reconnect storm would otherwise be an insert per socket.
  const readBatches = deps.readBatches ?? new ReadAuditBatches();
  const revocations = new AccessRevocations(realtime.bus);

  const server = useServer<{ authorization?: unknown }, { state: SocketState }>(
    {
      ...socketPipeline(pipeline),
      onConnect: async (ctx) => {
        const state: SocketState = {
          closed: false,
          cleanup: [],
          operations: new SocketOperations(limits.subscriptionsPerSocket, () => ctx.subscriptions),
          clientIp: clientIpOf(ctx.extra.request),
        };
        ctx.extra.state = state;
        const authorization = ctx.connectionParams?.authorization;
        const checkStarted = revocations.checkStarts();
        let viewer;
        try {
          viewer = await pipeline.authenticate(typeof authorization === 'string' ? authorization : undefined);
        } catch (error) {
          // The credential could not be checked (an API key while the database is away): not
          // Forbidden, but "try again later", which graphql-ws clients retry.
          if (error instanceof DomainError && error.extensions.http?.status === 503) ctx.extra.socket.close(TRY_AGAIN_LATER, 'Try again later');
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
        state.reads = new ReadAudit(deps.database.scopeFor(viewer, state.clientIp), { batches: readBatches });
        const close = (reason: string) => ctx.extra.socket.close(CloseCode.Forbidden, reason);
        if (viewer.expiresAt) watchExpiry(state, viewer.expiresAt, () => close('Credential expired'));
        // A staff session ended on any instance (sign-out everywhere, deactivation…) closes its sockets.
        if (viewer.kind === 'staff') state.cleanup.push(deps.sessions.watch(viewer, () => close('Session ended')));
        // Including a revocation that committed while the credential was being checked.
        if (viewer.kind === 'partner' || viewer.kind === 'customer') {
          state.cleanup.push(revocations.watch(viewer, checkStarted, () => close(viewer.kind === 'partner' ? 'API key revoked' : 'Chat token revoked')));
        }
        // Closed while we were registering: undo at once rather than leak presence.
        if (state.closed) await runCleanup(state);
        return true;
      },
      onClose: async (ctx) => {
        const state = ctx.extra.state;
        if (!state) return;
        state.closed = true;
        await runCleanup(state);
      },
    },
    wss,
  );

  return {
    get fanOut() {
      return pipeline.fanOut.stats;
    },
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
      revocations.dispose();
      await readBatches.flush();
    },
  };
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
