import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { readConfig, type GatewayConfig } from '../../gateway/server/config.js';
import { startRealtime, type Realtime } from '../../gateway/pubsub/realtime.js';
import { createGatewayFiles, type GatewayFiles } from '../../gateway/files/gateway-files.js';
import { createRateLimits } from '../../gateway/rate-limits/rate-limits.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WebSocketGateway } from '../../gateway/server/websocket/websocket-server.js';
import { createDataSource, queryCounterOf } from '../../gateway/database/data-source.js';
import { connectApplication } from '../../gateway/database/open-database.js';
import type { QueryCounter } from '../../gateway/database/query-counter.js';
import { startGateway } from '../../gateway/server/start-gateway.js';
import { findFreePort } from '../../gateway/database/find-free-port.js';
import { createThrowawayDatabase } from './test-database.js';
import { DEFAULT_WEBHOOK_DISPATCHER_OPTIONS } from '../../gateway/webhooks/webhook-dispatcher.js';
import { SecretBox } from '../../gateway/secrets/secret-box.js';
import { DEFAULT_STAFF_SESSIONS_OPTIONS, StaffSessions, type StaffSessionsOptions } from '../../gateway/auth/staff-sessions.js';
import { staffSessionStoreOver } from '../../gateway/tenancy/staff-session-activity.js';
import { TenantDatabase } from '../../gateway/tenancy/tenant-database.js';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

export interface TestGateway {
  url: string;
  /** ws://…/graphql */
  wsUrl: string;
  realtime: Realtime;
  websockets: WebSocketGateway;
  /** Where Prometheus would scrape it: only with `config.metrics`. */
  metricsUrl: string | undefined;
  /** The database URL, to start another instance on the same database. */
  databaseUrl: string;
  /** Uploads and other files of this instance (shared with instances started with `sharing`). */
  dataDir: string;
  files: GatewayFiles;
  /** The schema owner's connection (bypasses row-level security): for fixtures and checks. */
  dataSource: DataSource;
  /** The connection the gateway serves with, as the application role. */
  appDataSource: DataSource;
  /** The gateway's handle on it (background work, lookups), as the gateway holds it. */
  database: TenantDatabase;
  /** The same handle on the owner's connection: set-up such as demo data. */
  ownerDatabase: TenantDatabase;
  tokens: TokenIssuer;
  /** Keyed like `tokens` (instances started with `sharing` share it). */
  secrets: SecretBox;
  /** This instance's set of ended staff sessions. */
  sessions: StaffSessions;
  queries: QueryCounter;
  /** POSTs a GraphQL operation; `token` goes into `Authorization: Bearer`. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  dispose(): Promise<void>;
  /** `/healthz` answers 503 from now on (the last-resort policy's first step). */
  failHealth(): void;
}

export interface TestGatewayOptions {
  /** Join another instance: same database and signing secret (default: a fresh database). */
  sharing?: TestGateway;
  /** Fan-out and presence over Redis (default: in memory). */
  redisUrl?: string;
  /** Serve this database, which the caller made and drops (a restart: instances come and go on it). */
  databaseUrl?: string;
  /** Sign tokens and seal secrets with this (default: a random one, or the shared instance's). */
  authSecret?: string;
  config?: Partial<GatewayConfig>;
  /** How often staff sessions' activity is written and ended sessions re-read (default: the gateway's). */
  sessions?: Partial<StaffSessionsOptions>;
}

/**
 * For tests that count a request's statements: no session activity write (every 20 s by
 * default) lands inside the count by chance.
 */
export const quietSessions: Partial<StaffSessionsOptions> = { activityFlushIntervalMs: 3_600_000, refreshIntervalMs: 3_600_000 };

/**
 * No background work on the data source (webhook polling, the retention job), for tests
 * that count the SQL statements of a request.
 */
export const withoutBackgroundWork: Partial<GatewayConfig> = {
  webhooks: { ...DEFAULT_WEBHOOK_DISPATCHER_OPTIONS, deliver: false },
  retention: { enabled: false, intervalMs: 3_600_000 },
};

/** Redis for tests that need it: REDIS_URL, or the one this machine runs. */
export const testRedisUrl = () => process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** A gateway on a free port over a fresh database, as production wires it. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const joined = options.sharing?.databaseUrl ?? options.databaseUrl;
  const database = joined ? { url: joined, drop: async () => {} } : await createThrowawayDatabase();
  // Fixtures and assertions use the owner's connection; the gateway serves as the application role, under row-level security.
  const dataSource = createDataSource(database.url, 'owner');
  await dataSource.initialize();
  const appDataSource = await connectApplication(dataSource, database.url);
  const authSecret = options.authSecret ?? randomBytes(32).toString('base64url');
  const tokens = options.sharing?.tokens ?? new TokenIssuer(authSecret);
  const secrets = options.sharing?.secrets ?? new SecretBox(authSecret);
  // A known port, so PUBLIC_URL (signed file links, chat links) points at this instance.
  const port = await findFreePort();
  const config = { ...readConfig({ PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }), dataDir: options.sharing?.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'counterchat-data-'))), ...options.config };
  const realtime = startRealtime(options.redisUrl);
  const files = createGatewayFiles(config, 'test-file-url-secret');
  const rateLimits = createRateLimits(options.redisUrl, config.rateLimits);
  const tenantDatabase = new TenantDatabase(appDataSource, config.tenantFilters);
  const sessions = await StaffSessions.start(staffSessionStoreOver(tenantDatabase), realtime.bus, { ...DEFAULT_STAFF_SESSIONS_OPTIONS, ...options.sessions });
  const gateway = await startGateway({ config, database: tenantDatabase, tokens, realtime, files, rateLimits, secrets, sessions, jobQueueUrl: database.url });
  return {
    url: gateway.url,
    wsUrl: `${gateway.url.replace(/^http/, 'ws')}/graphql`,
    realtime,
    websockets: gateway.websockets,
    metricsUrl: gateway.metricsUrl,
    databaseUrl: database.url,
    dataDir: config.dataDir,
    files,
    dataSource,
    tokens,
    secrets,
    sessions,
    appDataSource,
    database: tenantDatabase,
    ownerDatabase: new TenantDatabase(dataSource),
    queries: queryCounterOf(appDataSource),
    async graphql(query, variables, token) {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body };
    },
    failHealth: () => gateway.failHealth(),
    async dispose() {
      await gateway.dispose();
      await sessions.dispose();
      await realtime.dispose();
      await rateLimits.dispose();
      await appDataSource.destroy();
      await dataSource.destroy();
      await database.drop();
      if (!options.sharing) await rm(config.dataDir, { recursive: true, force: true });
    },
  };
}
