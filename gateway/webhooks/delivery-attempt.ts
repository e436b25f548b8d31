import { fetch, type Agent } from 'undici';
import { logger } from '../logging/logger.js';
import type { ClaimedDelivery } from './due-deliveries.js';
import { isLiteralNonPublicHost, NOT_PUBLIC_ADDRESS, publicOnlyDispatcher } from './public-address-guard.js';
import { retryDelayMs, type RetrySchedule } from './retry-schedule.js';
import { signWebhook, WebhookHeader } from './webhook-signature.js';
import type { TenantDatabase } from '../tenancy/tenant-database.js';

export interface DeliveryAttemptOptions extends RetrySchedule {
  /** A receiver slower than this counts as failed. */
  requestTimeoutMs: number;
  /** Connect only to public addresses, whatever a receiver's host name resolves to (production). */
  publicAddressesOnly: boolean;
  /** For tests: the jitter source. */
  random?: () => number;
}

/** How one attempt went, as the attempt log keeps it. */
export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  startedAt: Date;
  durationMs: number;
}

export interface DeliveryAttempts {
  /** Sends one claimed delivery and records the attempt; never throws for the receiver's failures. */
  deliver(delivery: ClaimedDelivery): Promise<void>;
  /** Closes the connections kept to receivers. */
  dispose(): Promise<void>;
}

/** Sending and recording attempts, with one connection pool for all receivers. */
export function createDeliveryAttempts(database: TenantDatabase, options: DeliveryAttemptOptions): DeliveryAttempts {
  const dispatcher = options.publicAddressesOnly ? publicOnlyDispatcher() : undefined;
  return {
    async deliver(delivery) {
      const recorded = await recordAttempt(database, delivery, await sendDelivery(delivery, options, dispatcher), options);
      if (!recorded) logger.debug({ deliveryId: delivery.id, eventId: delivery.event_id }, 'Webhook delivery was deleted while it was being sent; no attempt to record');
    },
    async dispose() {
      await dispatcher?.close();
    },
  };
}

/** POSTs the event, signed, to the endpoint; any answer but 2xx, a redirect or no answer in time is a failure. */
export async function sendDelivery(
  delivery: ClaimedDelivery,
  options: DeliveryAttemptOptions,
  dispatcher?: Agent,
): Promise<AttemptOutcome> {
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

/**
 * Logs the attempt and settles the delivery: SUCCEEDED, FAILED after the schedule's last
 * attempt, or PENDING with its next attempt after the backoff. False when the delivery is
 * gone: there is nothing to record then.
 */
export async function recordAttempt(database: TenantDatabase, delivery: ClaimedDelivery, outcome: AttemptOutcome, options: DeliveryAttemptOptions): Promise<boolean> {
  const attemptsInSchedule = delivery.attempt_count - delivery.schedule_started_at_attempt;
  const gaveUp = !outcome.ok && attemptsInSchedule >= options.maxAttempts;
  const nextAttemptAt = new Date(Date.now() + retryDelayMs(options, attemptsInSchedule, options.random));
  // As the delivery's pharmacy (row-level security), in one transaction.
  return database.asTenant({ organizationId: delivery.organization_id }, (pharmacy) => pharmacy.transaction(async (tx) => {
    // Nothing holds a delivery while it is sent, so it can be deleted meanwhile: a customer's
    // erasure removes their events with their deliveries, and an endpoint's deletion its own.
    // The attempt's row would then break its foreign key. FOR KEY SHARE keeps a delivery that
    // is still here until the attempt is written; one deleted before it is not found.
    const [still] = await tx.query(`SELECT 1 FROM webhook_delivery WHERE organization_id = $1 AND id = $2 FOR KEY SHARE`, [delivery.id]);
    if (!still) return false;
    await tx.execute(
      `INSERT INTO webhook_delivery_attempt (organization_id, delivery_id, attempt, started_at, duration_ms, status_code, error)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (delivery_id, attempt) DO NOTHING`,
      [delivery.id, delivery.attempt_count, outcome.startedAt, outcome.durationMs, outcome.statusCode, outcome.error],
    );
    // Only if nobody claimed it again meanwhile (our lease ran out): theirs is the newer truth.
    await tx.execute(
      `UPDATE webhook_delivery
          SET status = $4::webhook_delivery_status,
              delivered_at = CASE WHEN $4 = 'SUCCEEDED' THEN now() ELSE delivered_at END,
              next_attempt_at = CASE WHEN $4 = 'PENDING' THEN $5::timestamptz ELSE next_attempt_at END
        WHERE organization_id = $1 AND id = $2 AND attempt_count = $3 AND status = 'PENDING'`,
      [delivery.id, delivery.attempt_count, outcome.ok ? 'SUCCEEDED' : gaveUp ? 'FAILED' : 'PENDING', nextAttemptAt],
    );
    return true;
  }));
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
