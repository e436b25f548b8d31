import type { BenchContext } from '../support/bench-context.js';
import { staffToken } from '../support/bench-context.js';
import { startGatewayProcess } from '../support/gateway-process.js';
import { shares, startWorker } from '../support/load-workers.js';
import type { StormResult } from '../support/load-worker.js';
import { round, summarize, type LatencySummary } from '../support/percentiles.js';
import { seedOrganization } from '../support/seed.js';

export interface ReconnectStormResult {
  clients: number;
  spreadMs: number;
  /** From the first reconnect until the last client's subscription answered again. */
  allResubscribedMs: number;
  /** The storm window itself: the floor for allResubscribedMs. */
  ackLatencyMs: LatencySummary;
  failures: number;
}

/**
 * After a deploy or a network blip every dashboard reconnects at once: N clients open a
 * socket, authenticate and resubscribe (with catch-up) at random moments within the window.
 */
export async function benchReconnectStorm(context: BenchContext): Promise<ReconnectStormResult> {
  const clients = context.quick ? 300 : 5_000;
  const spreadMs = context.quick ? 2_000 : 10_000;
  const organization = await seedOrganization(context.pool, { slug: 'bench-storm', conversations: 1, messagesPerConversation: 1 });
  const token = await staffToken(context, organization.organizationId, organization.staffId);
  const gateway = await startGatewayProcess({ databaseUrl: context.database.url, authSecret: context.authSecret });
  try {
    context.log(`reconnect storm: ${clients} clients within ${spreadMs / 1000} s`);
    const runs = await Promise.all(
      shares(clients, Math.ceil(clients / 2_500)).map(
        (share) => startWorker<StormResult>({ kind: 'storm', wsUrl: gateway.wsUrl, token, conversationId: organization.conversationIds[0]!, clients: share, spreadMs }).result,
      ),
    );
    const startedAt = Math.min(...runs.map((run) => run.startedAt));
    const lastResubscribed = Math.max(...runs.flatMap((run) => run.resubscribedAt));
    return {
      clients,
      spreadMs,
      allResubscribedMs: round(lastResubscribed - startedAt, 0),
      ackLatencyMs: summarize(runs.flatMap((run) => run.ackLatenciesMs)),
      failures: runs.reduce((sum, run) => sum + run.failures, 0),
    };
  } finally {
    await gateway.stop();
  }
}
