import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { logger } from '../logging/logger.js';

/** How full a pg pool is: open connections, those idle among them, and callers waiting for one. */
export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
}

/** What the gateway's parts report when scraped, read only then (cheap counters or one small query). */
export interface ScrapedFigures {
  openSockets(): number;
  /** Events this instance published, by bus topic, since it started. */
  publishedEvents(): Readonly<Record<string, number>>;
  /** By pool name ("app": the serving pool). */
  pools(): Readonly<Record<string, PoolUse>>;
  /** Jobs due and waiting for a worker; webhook deliveries due and waiting for a sender. */
  queueDepths(): Promise<{ pendingJobs: number; dueWebhookDeliveries: number }>;
}

/** Latencies from a fraction of a millisecond (an inbox read) to the 10 s a stuck request may take. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One gateway instance's metrics, in a registry of its own: tests start several gateways in
 * one process, and prom-client's global registry would mix (and refuse to re-register) them.
 * The pipeline records operations, root fields and deliveries here (pipeline/operation-metrics.ts);
 * the rest is read from `figures` at scrape time, so it costs nothing between scrapes.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly operationDuration: Histogram<'operation' | 'type' | 'transport' | 'outcome'>;
  readonly rootFieldDuration: Histogram<'field'>;
  readonly liveSubscriptions: Gauge;
  readonly eventsDelivered: Counter<'channel'>;
  readonly commitToSend: Histogram<'channel'>;

  constructor(figures: ScrapedFigures) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.operationDuration = new Histogram({
      name: 'counterchat_graphql_operation_duration_seconds',
      help: 'GraphQL operations from arrival (credential included) to result, by operation name (bounded: see operation-metrics.ts), type, transport and outcome (ok or the first error code).',
      labelNames: ['operation', 'type', 'transport', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.rootFieldDuration = new Histogram({
      name: 'counterchat_graphql_root_field_duration_seconds',
      help: 'Resolvers of root fields (Query.x, Mutation.y), by field; nested fields are not timed.',
      labelNames: ['field'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    new Gauge({
      name: 'counterchat_websocket_open_sockets',
      help: 'WebSocket connections open on this instance.',
      registers,
      collect() {
        this.set(figures.openSockets());
      },
    });
    this.liveSubscriptions = new Gauge({ name: 'counterchat_live_subscriptions', help: 'Subscriptions streaming on this instance.', registers });
    new Counter({
      name: 'counterchat_events_published_total',
      help: 'Events this instance published on the bus (after commit), by channel.',
      labelNames: ['channel'],
      registers,
      collect() {
        // The bus counts (it is there without metrics too); this copies its running totals.
        this.reset();
        for (const [channel, count] of Object.entries(figures.publishedEvents())) this.inc({ channel }, count);
      },
    });
    this.eventsDelivered = new Counter({
      name: 'counterchat_events_delivered_total',
      help: 'Live bus events sent to a subscriber on this instance, by channel (one per subscriber that received it).',
      labelNames: ['channel'],
      registers,
    });
    this.commitToSend = new Histogram({
      name: 'counterchat_event_commit_to_send_seconds',
      help: 'From publishing an event (right after its commit) to sending it to a subscriber, by channel; across instances this includes Redis and their clock difference.',
      labelNames: ['channel'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    for (const [field, help] of [
      ['total', 'Connections open in the pool.'],
      ['idle', 'Open connections not in use.'],
      ['waiting', 'Callers waiting for a connection: above 0 for long, the pool is too small or statements too slow.'],
    ] as const) {
      new Gauge({
        name: `counterchat_database_pool_${field}_connections`,
        help,
        labelNames: ['pool'],
        registers,
        collect() {
          for (const [pool, use] of Object.entries(figures.pools())) this.set({ pool }, use[field]);
        },
      });
    }
    // One query answers both depths, at most once per scrape.
    let depths: Promise<{ pendingJobs: number; dueWebhookDeliveries: number }> | undefined;
    const depthsOfThisScrape = () => {
      if (!depths) {
        depths = figures.queueDepths().catch((error: unknown) => {
          logger.warn({ err: error }, 'Could not read the queue depths for /metrics');
          return { pendingJobs: Number.NaN, dueWebhookDeliveries: Number.NaN };
        });
        void depths.finally(() => (depths = undefined));
      }
      return depths;
    };
    new Gauge({
      name: 'counterchat_job_queue_pending_jobs',
      help: 'Background jobs (e-mail) due now and not yet taken by a worker, across instances. NaN when the database could not be asked.',
      registers,
      async collect() {
        this.set((await depthsOfThisScrape()).pendingJobs);
      },
    });
    new Gauge({
      name: 'counterchat_webhook_outbox_due_deliveries',
      help: 'Webhook deliveries due now and not yet sent, across instances. NaN when the database could not be asked.',
      registers,
      async collect() {
        this.set((await depthsOfThisScrape()).dueWebhookDeliveries);
      },
    });
  }
}
