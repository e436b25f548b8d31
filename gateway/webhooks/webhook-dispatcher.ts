import type { EventBus } from '../pubsub/event-bus.js';
import { logger } from '../logging/logger.js';
import { createDeliveryAttempts, type DeliveryAttemptOptions } from './delivery-attempt.js';
import { scheduleDeliveryRounds } from './delivery-rounds.js';
import { pollDueDeliveries } from './due-deliveries.js';
import { DEFAULT_RETRY_SCHEDULE } from './retry-schedule.js';
import type { TenantDatabase } from '../tenancy/tenant-database.js';

export interface WebhookDispatcherOptions extends DeliveryAttemptOptions {
  /** False: this instance only queues; others deliver (e.g. dedicated workers). */
  deliver: boolean;
  /** How often the outbox is checked without a nudge (other instances, retries coming due). */
  pollIntervalMs: number;
  /** Deliveries claimed (and sent in parallel) per round. */
  batchSize: number;
  /** A receiver slower than this counts as failed; the claim lease is a little longer. */
  requestTimeoutMs: number;
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

/**
 * Delivers the outbox: rounds (on a timer, and nudged when an event is queued) claim due
 * deliveries pharmacy by pharmacy (`due-deliveries.ts`), and each claimed one is sent and
 * its attempt recorded (`delivery-attempt.ts`). Several instances share the work; a crash
 * mid-send only delays that attempt until its claim's lease ends (at-least-once, never lost).
 */
export function startWebhookDispatcher(
  database: TenantDatabase,
  bus: EventBus,
  options: WebhookDispatcherOptions = DEFAULT_WEBHOOK_DISPATCHER_OPTIONS,
): WebhookDispatcher {
  if (!options.deliver) return { nudge: () => {}, dispose: async () => {} };
  const attempts = createDeliveryAttempts(database, options);
  const due = { batchSize: options.batchSize, leaseSeconds: Math.ceil(options.requestTimeoutMs / 1000) + 30 };
  const rounds = scheduleDeliveryRounds((signal) => pollDueDeliveries(database, due, attempts.deliver, signal), {
    intervalMs: options.pollIntervalMs,
    onError: (error) => logger.error({ err: error }, 'Webhook delivery round failed; retrying at the next poll.'),
  });
  const stopListening = bus.on('webhooks', 'queued', rounds.nudge);

  return {
    nudge: rounds.nudge,
    async dispose() {
      stopListening();
      await rounds.dispose();
      await attempts.dispose();
    },
  };
}
