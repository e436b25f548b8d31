import type { DataSource } from 'typeorm';
import type { EventBus } from '../pubsub/event-bus.js';
import { DEFAULT_RETRY_SCHEDULE, retryDelayMs, type RetrySchedule } from './retry-schedule.js';
import { signWebhook, WebhookHeader } from './webhook-signature.js';
import { logger } from '../logging/logger.js';
import { fetch } from 'undici';
import { isLiteralNonPublicHost, NOT_PUBLIC_ADDRESS, publicOnlyDispatcher } from './public-address-guard.js';
import { withTenant } from '../database/tenant-context.js';
import { tenantsWithDueWebhooks } from '../database/tenant-lookups.js';

export interface WebhookDispatcherOptions extends RetrySchedule {
  /** False: this instance only queues; others deliver (e.g. dedicated workers). */
  deliver: boolean;
  /** How often the outbox is checked without a nudge (other instances, retries coming due). */
  pollIntervalMs: number;
  /** Deliveries claimed (and sent in parallel) per round. */
  batchSize: number;
  /** A receiver slower than this counts as failed; the claim lease is a little longer. */
  requestTimeoutMs: number;
  /** Connect only to public addresses, whatever a receiver's host name resolves to (production). */
  publicAddressesOnly: boolean;
  /** For tests: the jitter source. */
  random?: () => number;
}

export const DEFAULT_WEBHOOK_DISPATCHER_OPTIONS: WebhookDispatcherOptions = {
  ...DEFAULT_RETRY_SCHEDULE,
  deliver: true,
  pollIntervalMs: 2_000,
  batchSize: 20,
  requestTimeoutMs: 10_000,
  publicAddressesOnly: false,
};

export interface WebhookDispatcher {
  /** Check the outbox now rather than at the next poll. */
  nudge(): void;
  /** Stops polling and waits for the attempts under way to finish. */
  dispose(): Promise<void>;
}

interface ClaimedDelivery {
  id: string;
  organization_id: string;
  attempt_count: number;
  schedule_started_at_attempt: number;
  event_id: string;
  type: string;
  payload: Record<string, unknown>;
  event_created_at: Date;
  url: string;
  secret: string;
}

interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  startedAt: Date;
  durationMs: number;
}

/**
 * Delivers the outbox. Each round claims due deliveries with `FOR UPDATE SKIP LOCKED`
 * and pushes their next attempt past a lease before sending, so several instances
 * share the work without sending one delivery twice at once, and a crash mid-send
 * only delays that attempt until the lease ends (at-least-once, never lost).
 */
export function startWebhookDispatcher(
  dataSource: DataSource,
  bus: EventBus,
  options: WebhookDispatcherOptions = DEFAULT_WEBHOOK_DISPATCHER_OPTIONS,
): WebhookDispatcher {
  if (!options.deliver) return { nudge: () => {}, dispose: async () => {} };
  const dispatcher = options.publicAddressesOnly ? publicOnlyDispatcher() : undefined;
  const leaseSeconds = Math.ceil(options.requestTimeoutMs / 1000) + 30;
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;

  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drainDueDeliveries()
      .catch((error) => logger.error({ err: error }, 'Webhook delivery round failed; retrying at the next poll.'))
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          run();
        }
      });
  };

  /** Each pharmacy's deliveries are claimed and recorded as that pharmacy (row-level security). */
  async function drainDueDeliveries(): Promise<void> {
    for (const organizationId of await tenantsWithDueWebhooks(dataSource)) {
      if (stopped) return;
      await withTenant({ organizationId }, drainDueDeliveriesOfTenant);
    }
  }

  async function drainDueDeliveriesOfTenant(): Promise<void> {
    for (;;) {
      const claimed = await claim();
      await Promise.all(claimed.map(async (delivery) => record(delivery, await attempt(delivery))));
      if (claimed.length < options.batchSize || stopped) return;
    }
  }

  async function claim(): Promise<ClaimedDelivery[]> {
    const rows: [ClaimedDelivery[], number] | ClaimedDelivery[] = await dataSource.query(
      `UPDATE webhook_delivery d
          SET attempt_count = d.attempt_count + 1,
              last_attempt_at = now(),
              next_attempt_at = now() + make_interval(secs => $2)
         FROM (SELECT delivery.id
                 FROM webhook_delivery delivery
                 JOIN webhook_endpoint endpoint ON endpoint.id = delivery.endpoint_id AND endpoint.enabled
                WHERE delivery.status = 'PENDING' AND delivery.next_attempt_at <= now()
                ORDER BY delivery.next_attempt_at
                LIMIT $1
                  FOR UPDATE OF delivery SKIP LOCKED) due,
              outbox_event event,
              webhook_endpoint endpoint
        WHERE d.id = due.id AND event.id = d.event_id AND endpoint.id = d.endpoint_id
    RETURNING d.id, d.organization_id, d.attempt_count, d.schedule_started_at_attempt,
              event.id AS event_id, event.type, event.payload, event.created_at AS event_created_at,
              endpoint.url, endpoint.secret`,
      [options.batchSize, leaseSeconds],
    );
    // TypeORM's postgres driver answers an UPDATE … RETURNING with [rows, affectedCount].
    return (Array.isArray(rows[0]) ? rows[0] : rows) as ClaimedDelivery[];
  }

  async function attempt(delivery: ClaimedDelivery): Promise<AttemptOutcome> {
    const body = JSON.stringify({
      id: delivery.event_id,
      type: delivery.type,
      createdAt: new Date(delivery.event_created_at).toISOString(),
      organizationId: delivery.organization_id,
      data: delivery.payload,
    });
    const startedAt = new Date();
    const timestamp = Math.floor(startedAt.getTime() / 1000);
    const finish = (ok: boolean, statusCode: number | null, error: string | null): AttemptOutcome => ({
      ok,
      statusCode,
      error,
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
    });
    if (options.publicAddressesOnly && isLiteralNonPublicHost(delivery.url)) {
      return finish(false, null, 'The URL points at an address that is not public.');
    }
    try {
      const response = await fetch(delivery.url, {
        dispatcher,
        method: 'POST',
        // A redirect could point anywhere, including inside our network: it counts as a failure.
        redirect: 'manual',
        signal: AbortSignal.timeout(options.requestTimeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Counterchat-Webhooks/1',
          [WebhookHeader.EventId]: delivery.event_id,
          [WebhookHeader.EventType]: delivery.type,
          [WebhookHeader.DeliveryId]: delivery.id,
          [WebhookHeader.Attempt]: String(delivery.attempt_count),
          [WebhookHeader.Timestamp]: String(timestamp),
          [WebhookHeader.Signature]: signWebhook(delivery.secret, timestamp, body),
        },
        body,
      });
      // The answer's body is of no use to us; don't hold the connection for it.
      await response.body?.cancel().catch(() => {});
      const ok = response.status >= 200 && response.status < 300;
      return finish(ok, response.status, ok ? null : `The endpoint answered HTTP ${response.status}.`);
    } catch (error) {
      return finish(false, null, describeFailure(error, options.requestTimeoutMs));
    }
  }

  async function record(delivery: ClaimedDelivery, outcome: AttemptOutcome): Promise<void> {
    const attemptsInSchedule = delivery.attempt_count - delivery.schedule_started_at_attempt;
    const gaveUp = !outcome.ok && attemptsInSchedule >= options.maxAttempts;
    const nextAttemptAt = new Date(Date.now() + retryDelayMs(options, attemptsInSchedule, options.random));
    await dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO webhook_delivery_attempt (organization_id, delivery_id, attempt, started_at, duration_ms, status_code, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (delivery_id, attempt) DO NOTHING`,
        [delivery.organization_id, delivery.id, delivery.attempt_count, outcome.startedAt, outcome.durationMs, outcome.statusCode, outcome.error],
      );
      // Only if nobody claimed it again meanwhile (our lease ran out): theirs is the newer truth.
      await manager.query(
        `UPDATE webhook_delivery
            SET status = $3::webhook_delivery_status,
                delivered_at = CASE WHEN $3 = 'SUCCEEDED' THEN now() ELSE delivered_at END,
                next_attempt_at = CASE WHEN $3 = 'PENDING' THEN $4::timestamptz ELSE next_attempt_at END
          WHERE id = $1 AND attempt_count = $2 AND status = 'PENDING'`,
        [delivery.id, delivery.attempt_count, outcome.ok ? 'SUCCEEDED' : gaveUp ? 'FAILED' : 'PENDING', nextAttemptAt],
      );
    });
  }

  const stopListening = bus.on('webhooks', 'queued', run);
  const poll = setInterval(run, options.pollIntervalMs);
  poll.unref();
  run();

  return {
    nudge: run,
    async dispose() {
      stopped = true;
      clearInterval(poll);
      stopListening();
      await running;
      await dispatcher?.close();
    },
  };
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const failure = error as Error & { cause?: { code?: string } };
  if (failure.name === 'TimeoutError') return `No answer within ${Math.round(timeoutMs / 1000)} s.`;
  const code = failure.cause?.code;
  if (code === 'ECONNREFUSED') return 'Connection refused.';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'The host name does not resolve.';
  if (code === NOT_PUBLIC_ADDRESS) return 'The host name resolves to an address that is not public.';
  if (code) return `Network error (${code}).`;
  return 'The request failed before an answer arrived.';
}
