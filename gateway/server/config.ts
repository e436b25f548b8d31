import { readChannelConfig, type ChannelConfig } from '../channels/channel-config.js';
import { readSmsConfig, type SmsConfig } from '../sms/sms-config.js';
import { systemClock, type Clock } from '../notifications/clock.js';
import type { GatewayDependencies } from '../context/request-context.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WEBHOOK_DISPATCHER_OPTIONS, type WebhookDispatcherOptions } from '../webhooks/webhook-dispatcher.js';
import { defaultRateLimitRules, unlimitedRateLimitRules, type RateLimitRules } from '../rate-limits/rate-limits.js';
import type { TenantFilters } from '../tenancy/tenant-scope.js';
import { DEFAULT_RETENTION_JOB_OPTIONS, type RetentionJobOptions } from '../retention/retention-task.js';
import { DEFAULT_REALTIME_LIMITS, withoutIdentityLimits, type RealtimeLimits } from './websocket/realtime-limits.js';
import { DEFAULT_MAIL_FROM, type MailConfig } from '../mail/mailer.js';
import { DEFAULT_JOB_QUEUE_OPTIONS, type JobQueueOptions } from '../jobs/job-queue.js';
import { defaultVapidSubject, type VapidConfig } from '../notifications/vapid-keys.js';
import { readCallSettings, type CallSettings } from '../calls/call-settings.js';

/** What the server is started with: the process-wide dependencies, with the whole configuration. */
export interface ServerDependencies extends GatewayDependencies {
  config: GatewayConfig;
  /** The schema owner's connection string: the job queue's tables are the owner's (gateway/jobs/). */
  jobQueueUrl: string;
}

/** What `startGateway` is given: it makes the rest (the Web Push sender, from keys it may have to generate). */
export type GivenServerDependencies = Omit<ServerDependencies, 'webPush' | 'channels'>;

/** Everything the gateway reads from the environment, resolved once at start. */
export interface GatewayConfig {
  /** Listen port. Default 4000; 0 picks a free port (tests). */
  port: number;
  /** How browsers reach the gateway; used for chat links and, later, file URLs. */
  publicUrl: string;
  /** Embedded database, generated secrets and local uploads live here. */
  dataDir: string;
  /** External PostgreSQL, as the schema's owner (migrations); unset means an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  /** The application's own connection (a role subject to row-level security); unset means the provisioned `counterchat_app`. */
  databaseAppUrl: string | undefined;
  /** Origins allowed for CORS and WebSocket upgrades: PUBLIC_URL's plus ALLOWED_ORIGINS. */
  allowedOrigins: string[];
  /** Redis for fan-out and presence across instances; unset means in-memory (one instance). */
  redisUrl: string | undefined;
  /** Attachment storage: STORAGE_DRIVER (local | s3) and S3_BUCKET, S3_ENDPOINT, S3_REGION. */
  storageEnv: Pick<NodeJS.ProcessEnv, 'STORAGE_DRIVER' | 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION'>;
  /** "Typing…" ends this long after the last refresh, even if the client vanished. */
  typingTimeoutMs: number;
  /** Video calls: ICE_SERVERS, TURN_SECRET, and how long a call rings before it is missed. */
  calls: CallSettings;
  production: boolean;
  /** Signs staff JWTs and customer chat tokens; unset means generated into `dataDir`. */
  authSecret: string | undefined;
  /** The built browser apps (dashboard, widget, widget loader): `dist/clients` of the package. */
  clientsDir: string;
  /** codegen's persisted-documents.json of each first-party app: the only operations production runs for them. */
  trustedDocumentFiles: string[];
  /** Outbox polling, timeouts and the retry schedule of webhook deliveries; WEBHOOK_DELIVERY=off leaves delivery to other instances. */
  webhooks: WebhookDispatcherOptions;
  /** The hourly purge of messages past each pharmacy's retention period (RETENTION_JOB=off disables it here). */
  retention: RetentionJobOptions;
  /** Per-IP and per-key limits (tests lower them). */
  rateLimits: RateLimitRules;
  /** Subscriptions per socket and sockets per identity (defaults in realtime-limits.ts); RATE_LIMITS=off lifts the latter. */
  realtimeLimits: RealtimeLimits;
  /**
   * TRUST_PROXY: which proxies may say who the client is (X-Forwarded-For), for per-IP rate
   * limits and the audit log. Unset trusts none (the header could be forged); a number
   * trusts that many hops, anything else is Express's list of addresses, subnets or presets.
   */
  trustProxy: number | string | false;
  /** Never from the environment: only the tenant probe runs with 'database-only', to test row-level security alone. */
  tenantFilters: TenantFilters;
  /** Outgoing e-mail: SMTP_URL and MAIL_FROM; without SMTP_URL, `.eml` files in DATA_DIR/mail. */
  mail: MailConfig;
  /** The durable job queue's worker on this instance (mail sending). */
  jobs: JobQueueOptions;
  /** Outgoing SMS: SMS_PROVIDER=twilio with TWILIO_*; unset writes texts into DATA_DIR/sms. */
  sms: SmsConfig;
  /** The clock business-hours decisions run on: customer notifications (issue 18), the auto-reply (issue 19); tests move it. */
  notifications: { clock: Clock };
  /**
   * Prometheus metrics on a listener of their own (METRICS_PORT, METRICS_HOST default
   * 127.0.0.1, METRICS_TOKEN as a bearer token when set), never on the public port;
   * undefined (METRICS_PORT unset) exports nothing and records nothing.
   */
  metrics: MetricsConfig | undefined;
  /** Web Push to staff browsers: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (unset: generated into DATA_DIR/secrets/vapid-keys), VAPID_SUBJECT. */
  webPush: VapidConfig;
  /** WhatsApp and SMS channels (issue 22): CHANNEL_SECRETS_KEY, WHATSAPP_API_URL, TWILIO_API_URL. */
  channels: ChannelConfig;
}

export interface MetricsConfig {
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  /** When set, a scrape must send `Authorization: Bearer <token>`. */
  token: string | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const publicUrl = (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
  const extraOrigins = (env.ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const dataDir = path.resolve(env.DATA_DIR || './data');
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    throw new Error('SMTP_URL must look like smtp://user:password@host:587 or smtps://user:password@host:465');
  }
  return {
    port,
    publicUrl,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseAppUrl: env.DATABASE_APP_URL || undefined,
    allowedOrigins: [new URL(publicUrl).origin, ...extraOrigins],
    redisUrl: env.REDIS_URL || undefined,
    storageEnv: { STORAGE_DRIVER: env.STORAGE_DRIVER, S3_BUCKET: env.S3_BUCKET, S3_ENDPOINT: env.S3_ENDPOINT, S3_REGION: env.S3_REGION },
    typingTimeoutMs: 6000,
    calls: readCallSettings(env),
    production: env.NODE_ENV === 'production',
    authSecret: env.AUTH_SECRET || undefined,
    clientsDir: path.join(packageRoot(), 'dist', 'clients'),
    trustedDocumentFiles: ['dashboard', 'widget'].map((app) => path.join(packageRoot(), 'clients', app, 'src', 'gql', 'persisted-documents.json')),
    webhooks: { ...DEFAULT_WEBHOOK_DISPATCHER_OPTIONS, deliver: env.WEBHOOK_DELIVERY !== 'off', publicAddressesOnly: env.NODE_ENV === 'production' },
    retention: { ...DEFAULT_RETENTION_JOB_OPTIONS, enabled: env.RETENTION_JOB !== 'off' },
    // Load tests drive one account far past any person's pace; RATE_LIMITS=off is for them only.
    rateLimits: env.RATE_LIMITS === 'off' ? unlimitedRateLimitRules : defaultRateLimitRules,
    // A benchmark's thousands of sockets share one identity; the per-socket limit stays.
    realtimeLimits: env.RATE_LIMITS === 'off' ? withoutIdentityLimits(DEFAULT_REALTIME_LIMITS) : DEFAULT_REALTIME_LIMITS,
    trustProxy: !env.TRUST_PROXY ? false : /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY,
    tenantFilters: 'application-and-database',
    mail: { smtpUrl, from: env.MAIL_FROM || DEFAULT_MAIL_FROM, directory: path.join(dataDir, 'mail') },
    jobs: DEFAULT_JOB_QUEUE_OPTIONS,
    sms: readSmsConfig(env, path.join(dataDir, 'sms')),
    channels: readChannelConfig(env),
    notifications: { clock: systemClock },
    metrics: metricsConfig(env),
    webPush: {
      publicKey: env.VAPID_PUBLIC_KEY || undefined,
      privateKey: env.VAPID_PRIVATE_KEY || undefined,
      subject: env.VAPID_SUBJECT || defaultVapidSubject(publicUrl, env.MAIL_FROM || DEFAULT_MAIL_FROM),
    },
  };
}

function metricsConfig(env: NodeJS.ProcessEnv): MetricsConfig | undefined {
  if (env.METRICS_PORT === undefined || env.METRICS_PORT === '') return undefined;
  const port = Number(env.METRICS_PORT);
  if (!/^\d+$/.test(env.METRICS_PORT) || port > 65535) throw new Error(`METRICS_PORT must be a port number, got "${env.METRICS_PORT}"`);
  return { port, host: env.METRICS_HOST || '127.0.0.1', token: env.METRICS_TOKEN || undefined };
}

/** The folder holding package.json, whether this runs from `dist/` or from source (tests). */
function packageRoot(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(folder, 'package.json'))) {
    const parent = path.dirname(folder);
    if (parent === folder) return process.cwd();
    folder = parent;
  }
  return folder;
}
