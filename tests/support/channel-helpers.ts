import type { TestGateway } from './test-gateway.js';
import { waitUntil } from './wait-until.js';

/** Every job waiting for a later attempt (backoff) becomes due now, as if the worker slept through to then. */
export async function wakeJobs(gateway: TestGateway): Promise<void> {
  await gateway.dataSource.query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL AND run_at > now()`);
}

/** Until `condition` holds, waking retried jobs as it waits (provider outages back off for seconds). */
export async function untilWithRetries(gateway: TestGateway, what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  await waitUntil(
    what,
    async () => {
      if (await condition()) return true;
      await wakeJobs(gateway);
      return false;
    },
    timeoutMs,
  );
}

/** Creates a channel connection through the admin API; its webhook URL and id. */
export async function connectChannel(gateway: TestGateway, adminToken: string, input: Record<string, unknown>): Promise<{ id: string; webhookUrl: string }> {
  const created = await gateway.graphql(`mutation ($input: CreateChannelConnectionInput!) { createChannelConnection(input: $input) { id webhookUrl } }`, { input }, adminToken);
  if (created.errors) throw new Error(JSON.stringify(created.errors));
  return created.data.createChannelConnection;
}
