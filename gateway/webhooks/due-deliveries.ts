import type { OrganizationScope } from '../tenancy/organization-scope.js';
import type { TenantDatabase } from '../tenancy/tenant-database.js';

/** A delivery claimed for its next attempt, with what sending it needs: its event and its endpoint. */
export interface ClaimedDelivery {
  id: string;
  organization_id: string;
  /** This attempt's number (the claim counted it). */
  attempt_count: number;
  schedule_started_at_attempt: number;
  event_id: string;
  type: string;
  payload: Record<string, unknown>;
  event_created_at: Date;
  url: string;
  secret: string;
}

export interface DueDeliveryOptions {
  /** Deliveries claimed (and sent in parallel) per round. */
  batchSize: number;
  /** How long a claim holds a delivery: longer than a request may take. */
  leaseSeconds: number;
}

/**
 * Every pharmacy's due deliveries, claimed a batch at a time and handed to `deliver`;
 * each pharmacy's are claimed and recorded as that pharmacy (row-level security). Stops
 * between batches once `signal` is aborted; what was claimed is still delivered.
 */
export async function pollDueDeliveries(
  database: TenantDatabase,
  options: DueDeliveryOptions,
  deliver: (delivery: ClaimedDelivery) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  for (const organizationId of await database.lookups.tenantsWithDueWebhooks()) {
    if (signal.aborted) return;
    await database.asTenant({ organizationId }, async (pharmacy) => {
      for (;;) {
        const claimed = await claimDueDeliveries(pharmacy, options);
        await Promise.all(claimed.map(deliver));
        if (claimed.length < options.batchSize || signal.aborted) return;
      }
    });
  }
}

/**
 * Claims the pharmacy's due deliveries with `FOR UPDATE SKIP LOCKED` and pushes
 * their next attempt past a lease before anything is sent, so several instances share
 * the work without sending one delivery twice at once, and a crash mid-send only delays
 * that attempt until the lease ends (at-least-once, never lost).
 */
export function claimDueDeliveries(pharmacy: OrganizationScope, options: DueDeliveryOptions): Promise<ClaimedDelivery[]> {
  return pharmacy.query<ClaimedDelivery>(
    `UPDATE webhook_delivery d
        SET attempt_count = d.attempt_count + 1,
            last_attempt_at = now(),
            next_attempt_at = now() + make_interval(secs => $3)
       FROM (SELECT delivery.id
               FROM webhook_delivery delivery
               JOIN webhook_endpoint endpoint ON endpoint.id = delivery.endpoint_id AND endpoint.enabled
              WHERE delivery.organization_id = $1 AND delivery.status = 'PENDING' AND delivery.next_attempt_at <= now()
              ORDER BY delivery.next_attempt_at
              LIMIT $2
                FOR UPDATE OF delivery SKIP LOCKED) due,
            outbox_event event,
            webhook_endpoint endpoint
      WHERE d.id = due.id AND event.id = d.event_id AND endpoint.id = d.endpoint_id
  RETURNING d.id, d.organization_id, d.attempt_count, d.schedule_started_at_attempt,
            event.id AS event_id, event.type, event.payload, event.created_at AS event_created_at,
            endpoint.url, endpoint.secret`,
    [options.batchSize, options.leaseSeconds],
  );
}
