import type { Realtime } from '../pubsub/realtime.js';
import type { GatewayFiles } from '../files/gateway-files.js';
import type { TokenIssuer } from '../auth/token-issuer.js';
import type { RateLimits } from '../rate-limits/rate-limits.js';
import type { SignedInViewer, Viewer } from '../auth/viewer.js';
import { unauthenticated } from '../errors/domain-error.js';
import { createLoaders, type Loaders } from '../loaders/create-loaders.js';
import type { TenantDatabase } from '../tenancy/tenant-database.js';
import type { TenantScope } from '../tenancy/tenant-scope.js';
import type { OperationTransaction } from '../tenancy/operation-transaction.js';
import { tenantOf } from '../tenancy/tenant-context.js';
import type { ReadAuditBatches } from '../audit/read-audit-batches.js';
import { ReadAudit } from '../audit/read-audit.js';
import type { ConversationReads } from '../audit/recorded-reads.js';
import { actorKey } from '../presence/presence-registry.js';
import type { SecretBox } from '../secrets/secret-box.js';
import type { StaffSessions } from '../auth/staff-sessions.js';
import type { WebPushSender } from '../notifications/web-push-sender.js';
import type { Clock } from '../notifications/clock.js';
import type { CallSettings } from '../calls/call-settings.js';
import type { ChannelProviders } from '../channels/channel-config.js';

/** The part of the gateway's configuration that features read (the server holds the rest). */
export interface RequestSettings {
  /** How browsers reach the gateway: chat links, widget URLs. */
  publicUrl: string;
  production: boolean;
  /** "Typing…" ends this long after the last refresh, even if the client vanished. */
  typingTimeoutMs: number;
  /** The clock business-hours decisions run on (customer notifications, the auto-reply); tests move it. */
  notifications: { clock: Clock };
  /** Video calls: ICE servers, TURN credentials, how long a call rings. */
  calls: CallSettings;
}

/** What lives as long as the gateway process and every request may use. */
export interface GatewayDependencies {
  config: RequestSettings;
  /** Tenant data, through scopes only: `scopeFor(viewer)`, `asTenant(…)`, pre-authentication `lookups`. */
  database: TenantDatabase;
  tokens: TokenIssuer;
  realtime: Realtime;
  files: GatewayFiles;
  rateLimits: RateLimits;
  /** Seals what must be read back (TOTP secrets, queued mail links) and peppers recovery codes; keyed by AUTH_SECRET. */
  secrets: SecretBox;
  /** Which staff sessions have ended (an in-memory set kept current over the bus), and their last use. */
  sessions: StaffSessions;
  /** This instance's shared read-audit inserts for sockets; without it each socket writes its own. */
  readBatches?: ReadAuditBatches;
  /** Web Push to staff browsers with the gateway's VAPID keys (made by `startGateway`). */
  webPush: WebPushSender;
  /** WhatsApp and SMS providers' base URLs and the key their secrets are sealed with (made by `startGateway`). */
  channels: ChannelProviders;
}

/**
 * Where a subscription's stream can hand its events when the pipeline sends its results
 * itself (a socket's subscriptions: pipeline/live-fan-out.ts) instead of pulling them.
 */
export interface LiveTail {
  /** Resolves and sends one event of this subscriber's own (a replayed message); resolves once sent. */
  own(event: object): Promise<void>;
  /** A live event it lets through: resolved with its group's and sent after everything handed here before. */
  live(event: object): void;
}

/**
 * One per HTTP request or subscription. Scope and loaders are made on first use,
 * so requests that don't touch tenant data (sign-in) don't pay for them.
 */
export class RequestContext {
  private tenantScope?: TenantScope;
  private requestLoaders?: Loaders;
  private onlineActorKeys?: Promise<Set<string>>;
  private reads?: ConversationReads;
  /** The read audit is this context's own (not a socket's or a shared event's), so it is written in this operation. */
  private ownAudit?: ReadAudit;
  /** The operation's one transaction, when the pipeline opened one (queries, subscription events). */
  private operation?: OperationTransaction;
  /** The client's User-Agent header (HTTP only): what a new sign-in session is listed as. */
  userAgent?: string;
  /**
   * Set by the pipeline before a subscription's stream is made, when its results go straight
   * to a socket. A stream that uses it hands it every event from its start (never some pulled
   * and some handed, which could reorder them).
   */
  liveTail?: LiveTail;

  constructor(
    readonly viewer: Viewer,
    readonly gateway: GatewayDependencies,
    /** The client's address as Express sees it (HTTP only), for per-IP rate limits. */
    readonly clientIp?: string,
    /** A socket's operations share the socket's: its reads are recorded once per conversation. */
    socketReads?: ConversationReads,
  ) {
    this.reads = socketReads;
  }

  /** The viewer, or UNAUTHENTICATED; resolvers behind `@Authorized` never see the latter. */
  get signedInViewer(): SignedInViewer {
    if (this.viewer.kind === 'anonymous') throw unauthenticated();
    return this.viewer;
  }

  get scope(): TenantScope {
    this.tenantScope ??= this.gateway.database.scopeFor(this.signedInViewer, this.clientIp, this.operation);
    return this.tenantScope;
  }

  /**
   * Runs the operation's statements in one transaction as the viewer's tenant, from the first
   * statement until `closeTransaction` (the pipeline's, for queries and subscription events).
   * Only before the scope is first used; nothing for anonymous viewers, who have no tenant.
   */
  openTransaction(): void {
    if (this.viewer.kind === 'anonymous' || this.operation || this.tenantScope) return;
    this.operation = this.gateway.database.openOperation(tenantOf(this.viewer));
  }

  /** Writes the operation's read audit in its transaction, commits, gives the connection back. Never throws. */
  async closeTransaction(): Promise<void> {
    if (!this.operation) return;
    if (this.ownAudit) await this.ownAudit.flush();
    await this.operation.end();
  }

  /** Records which conversations' messages this request (or socket) read. */
  get readAudit(): ConversationReads {
    if (!this.reads) {
      // In an operation's transaction the entries wait for its end (closeTransaction), so
      // they commit with it and no failed statement of the operation can roll them back.
      // Outside one (mutations, whose services open their own transactions) they join the
      // instance's shared insert, as sockets' do: an insert of its own was three of a send's
      // twelve round trips (BEGIN and the tenant's settings, INSERT, COMMIT).
      const batches = this.operation ? undefined : this.gateway.readBatches;
      this.ownAudit = new ReadAudit(this.scope, batches ? { batches } : { flushedByOwner: Boolean(this.operation) });
      this.reads = this.ownAudit;
    }
    return this.reads;
  }

  get loaders(): Loaders {
    this.requestLoaders ??= createLoaders(this.scope);
    return this.requestLoaders;
  }

  /**
   * The context of one event of a subscription (the pipeline makes one per event): the same
   * viewer, caller and read audit, and empty loaders, so an event never sees rows cached
   * for an earlier one. An event resolved once for several subscribers records its reads in
   * `reads` instead, for each of them to replay into its own audit (event-multiplexer.ts).
   */
  forEvent(reads: ConversationReads = this.readAudit): RequestContext {
    const context = new RequestContext(this.viewer, this.gateway, this.clientIp, reads);
    context.userAgent = this.userAgent;
    return context;
  }

  /** `TYPE:id` of everyone in the viewer's organization with a live socket; one lookup per request. */
  onlineActors(): Promise<Set<string>> {
    this.onlineActorKeys ??= this.gateway.realtime.presence
      .online(this.signedInViewer.organizationId)
      .then((actors) => new Set(actors.map(actorKey)));
    return this.onlineActorKeys;
  }
}
