import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled, ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type ErrorRequestHandler } from 'express';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildCounterchatSchema } from '../../schema/build-schema.js';
import type { RequestContext } from '../context/request-context.js';
import type { GivenServerDependencies, ServerDependencies } from './config.js';
import { loadVapidKeys } from '../notifications/vapid-keys.js';
import { WebPushSender } from '../notifications/web-push-sender.js';
import { loadChannelProviders } from '../channels/channel-config.js';
import { ErrorCode } from '../errors/error-code.js';
import { formatError } from '../pipeline/format-error.js';
import { clientAppsRouter } from './http/client-apps.js';
import { widgetSessionRouter } from './http/widget-session-route.js';
import { notificationRouter } from './http/notification-routes.js';
import { channelRouter } from './http/channel-routes.js';
import { filesRouter } from './http/files-route.js';
import { multipartRequests } from './http/multipart-requests.js';
import { ReadAuditBatches } from '../audit/read-audit-batches.js';
import { OperationPipeline } from '../pipeline/operation-pipeline.js';
import { graphqlContext } from './http/graphql-context.js';
import { oneTransactionPerOperation } from './http/operation-transaction-plugin.js';
import proxyAddress from 'proxy-addr';
import { TrustedDocuments } from '../pipeline/trusted-documents.js';
import { trustedDocumentsMiddleware } from '../pipeline/trusted-documents-middleware.js';
import { useWebSocketGateway, type WebSocketGateway } from './websocket/websocket-server.js';
import { startWebhookDispatcher, type WebhookDispatcher } from '../webhooks/webhook-dispatcher.js';
import { startGatewayJobs } from './gateway-jobs.js';
import { strictTransportSecurity } from './http/strict-transport-security.js';
import { logger } from '../logging/logger.js';
import { pinoHttp } from 'pino-http';
import { withTenantSlot } from '../tenancy/tenant-context.js';
import { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { startMetricsListener, type MetricsListener } from './metrics-listener.js';

/** Largest JSON request body; a 4,000-character message with its envelope fits many times over. */
const JSON_BODY_LIMIT = '256kb';
/** How long a stopping gateway lets in-flight HTTP requests finish before cutting their connections. */
export const DRAIN_GRACE_MS = 10_000;
/**
 * Connections the kernel holds for us while the event loop is busy (Linux caps it at
 * net.core.somaxconn, 4096 by default). A reconnect storm opens thousands of sockets in
 * seconds: at Node's default of 511 the kernel drops the rest of their handshakes, and each
 * dropped one costs its client a TCP retransmission of 1, 3, 7… seconds, or a retry.
 */
const LISTEN_BACKLOG = 4096;

export interface Gateway {
  /** e.g. http://127.0.0.1:4000 — the address actually listened on. */
  url: string;
  httpServer: http.Server;
  websockets: WebSocketGateway;
  /** Sends the outbox's webhook deliveries (every instance runs one; they share the work). */
  webhooks: WebhookDispatcher;
  /** Where Prometheus scrapes this instance (METRICS_PORT); undefined without it. */
  metricsUrl: string | undefined;
  /** Drains: stops accepting, closes sockets with 1001, lets in-flight requests finish. */
  dispose(): Promise<void>;
  /** From now on `/healthz` answers 503, whatever the database says (the last-resort policy, main.ts). */
  failHealth(): void;
}

/** Serves `/graphql` (HTTP and graphql-ws) and `/healthz` on one HTTP server. */
export async function startGateway(given: GivenServerDependencies): Promise<Gateway> {
  const webPush = new WebPushSender(await loadVapidKeys(given.config.webPush, given.config.dataDir), given.config.production);
  // Sockets' reads share inserts per pharmacy instead of one each (a reconnect storm).
  const readBatches = given.readBatches ?? new ReadAuditBatches();
  const channels = await loadChannelProviders(given.config.channels, given.config.dataDir);
  const deps: ServerDependencies = { ...given, webPush, readBatches, channels };
  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer every request would otherwise come from its address, and one
  // pharmacy's sign-ins would use up everyone's per-IP limit.
  app.set('trust proxy', deps.config.trustProxy);
  app.use(strictTransportSecurity(deps.config.publicUrl));
  const httpServer = http.createServer(app);

  const schema = await buildCounterchatSchema();
  const trustedDocuments = TrustedDocuments.load(deps.config.trustedDocumentFiles);
  // This instance's own registry (never prom-client's global one); read at scrape time only.
  const metrics = deps.config.metrics
    ? new GatewayMetrics({
        openSockets: () => websockets.openSockets,
        publishedEvents: () => deps.realtime.bus.publishedEvents,
        pools: () => ({ app: deps.database.poolUse() }),
        queueDepths: () => deps.database.lookups.queueDepths(),
      })
    : undefined;
  const pipeline = new OperationPipeline(schema, deps, trustedDocuments, metrics);
  // Express's own proxy rule (TRUST_PROXY), so a socket's address is read as a request's is.
  const websockets = useWebSocketGateway(httpServer, pipeline, deps, (request) => proxyAddress(request, app.get('trust proxy fn')));
  const webhooks = startWebhookDispatcher(deps.database, deps.realtime.bus, deps.config.webhooks);
  const jobs = await startGatewayJobs(deps);
  const { limits } = pipeline;
  const apollo = new ApolloServer<RequestContext>({
    schema,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // One operation per request: a batch would multiply every limit by its length.
    allowBatchedHttpRequests: false,
    // Hashes name trusted documents only (see trustedDocumentsMiddleware); nothing is registered at run time.
    persistedQueries: false,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !deps.config.production,
    // Rejects simple (CSRF-able) requests such as a form post with text/plain or multipart.
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: DRAIN_GRACE_MS }),
      // On stop: sockets get 1001 (clients reconnect) while in-flight HTTP requests finish.
      { serverWillStart: async () => ({ drainServer: async () => {
          await Promise.all([websockets.dispose(), webhooks.dispose(), jobs.dispose()]);
          await readBatches.flush();
        } }) },
      ...limits.plugins,
      oneTransactionPerOperation(pipeline),
      ...(pipeline.metrics ? [pipeline.metrics.httpPlugin] : []),
      ...(deps.config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      // Apollo installs its cache-control plugin unless told not to, and its per-field hook
      // makes Apollo wrap every resolver of every request; nothing here is cacheable by a CDN
      // (answers are per viewer), so no hints are set and the wrapping is pure cost.
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  app.use(requestLog);

  let failing = false;
  app.get('/healthz', async (_request, response) => {
    if (failing) return void response.status(503).json({ status: 'failing' });
    try {
      const status = await deps.database.health();
      response.status(status === 'ok' ? 200 : 503).json({ status });
    } catch {
      response.status(503).json({ status: 'database unavailable' });
    }
  });

  app.use(
    filesRouter({
      signer: deps.files.signer,
      storage: deps.files.storage,
      // The signed link is the permission: the file is read as the pharmacy it belongs to.
      findAttachment: async (id) => {
        const organizationId = await deps.database.lookups.tenantOfAttachment(id);
        if (!organizationId) return null;
        return deps.database.asTenant({ organizationId }, (pharmacy) => pharmacy.attachments('attachment').andWhere('attachment.id = :id', { id }).getOne());
      },
    }),
  );

  app.use(notificationRouter({ database: deps.database, tokens: deps.tokens, secrets: deps.secrets, publicUrl: deps.config.publicUrl, twilio: deps.config.sms.twilio }));
  app.use(
    channelRouter({
      database: deps.database,
      realtime: deps.realtime.publisher,
      channels: deps.channels,
      files: deps.files,
      publicUrl: deps.config.publicUrl,
    }),
  );
  // Before the apps: /widget/session would otherwise be a client route of the widget.
  app.use(widgetSessionRouter({ tokens: deps.tokens, lookups: deps.database.lookups, publicUrl: deps.config.publicUrl }));
  app.use(clientAppsRouter({ clientsDir: deps.config.clientsDir, publicUrl: deps.config.publicUrl }));

  app.use(
    '/graphql',
    // The request's database tenant (row-level security) is bound once its credential is read.
    (_request, _response, next) => withTenantSlot(next),
    cors({ origin: deps.config.allowedOrigins, maxAge: 600 }),
    ...multipartRequests(),
    express.json({ limit: JSON_BODY_LIMIT }),
    trustedDocumentsMiddleware(trustedDocuments, { production: deps.config.production }),
    expressMiddleware(apollo, { context: graphqlContext(pipeline) }),
  );
  app.use(jsonErrorHandler);

  // A port already taken must fail the start (and the process, non-zero), not leave it running unreachable.
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen({ port: deps.config.port, backlog: LISTEN_BACKLOG }, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const { port } = httpServer.address() as AddressInfo;
  let metricsListener: MetricsListener | undefined;
  if (deps.config.metrics && metrics) {
    const { port: metricsPort, host } = deps.config.metrics;
    metricsListener = await startMetricsListener(deps.config.metrics, metrics.registry).catch((error: Error) => {
      throw new Error(`Could not serve metrics on ${host}:${metricsPort} (METRICS_HOST, METRICS_PORT): ${error.message}`);
    });
  }
  return {
    url: `http://127.0.0.1:${port}`,
    httpServer,
    websockets,
    webhooks,
    metricsUrl: metricsListener?.url,
    // Metrics stay scrapable while the gateway drains.
    dispose: async () => {
      await apollo.stop();
      await metricsListener?.dispose();
    },
    failHealth: () => void (failing = true),
  };
}

/**
 * One line per request: method, path without its query (chat links and signed file URLs
 * carry secrets there), status and duration. No headers, no bodies.
 */
const requestLog = pinoHttp({
  logger,
  autoLogging: { ignore: (request) => request.url === '/healthz' },
  serializers: {
    req: (request: { method: string; url: string }) => ({ method: request.method, path: request.url.split('?')[0] }),
    res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
  },
  customLogLevel: (_request, response, error) => (error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info'),
});

/** Malformed or oversized bodies get a GraphQL-shaped error, not Express's HTML page. */
const jsonErrorHandler: ErrorRequestHandler = (error, _request, response, next) => {
  if (response.headersSent) return next(error);
  const status = typeof error?.status === 'number' ? error.status : 500;
  const code =
    status === 413 ? ErrorCode.PayloadTooLarge : status < 500 ? 'BAD_REQUEST' : ErrorCode.InternalServerError;
  const message =
    status === 413
      ? 'The request body is too large.'
      : status < 500
        ? 'The request body is not valid JSON.'
        : 'Something went wrong on our side. Please try again.';
  if (status >= 500) logger.error({ err: error }, 'Unexpected HTTP error');
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
};
