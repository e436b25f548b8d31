import type { BenchContext } from '../support/bench-context.js';
import { startBenchGateway, staffTokens } from '../support/bench-context.js';
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
  /** Clients that gave up (graphql-ws's retries exhausted, or the subscription refused). */
  failures: number;
  /** The gateway process's CPU time from the first reconnect until the last client was back ÷ clients. */
  cpuMsPerClient: number;
}

/**
 * After a deploy or a network blip every dashboard reconnects at once: N clients open a
 * socket, authenticate and resubscribe (with catch-up) at random moments within the window.
 */
export async function benchReconnectStorm(context: BenchContext): Promise<ReconnectStormResult> {
  const clients = context.quick ? 300 : 10_000;
  const spreadMs = context.quick ? 2_000 : 10_000;
  // Every dashboard is a person of its own (10k staff members and sessions, seeded in one
  // statement each): with rate limits on, one person may hold only 20 sockets.
  const organization = await seedOrganization(context.pool, { slug: 'bench-storm', conversations: 1, messagesPerConversation: 1, staffMembers: clients });
  const tokens = await staffTokens(context, organization.organizationId, organization.staffIds);
  const gateway = await startBenchGateway(context, 'reconnect storm');
  try {
    context.log(`reconnect storm: ${clients} clients within ${spreadMs / 1000} s`);
    const measured = await gateway.round();
    let offset = 0;
    const runs = await Promise.all(
      shares(clients, Math.ceil(clients / 2_500)).map(
        (share) =>
          startWorker<StormResult>({ kind: 'storm', wsUrl: gateway.wsUrl, tokens: tokens.slice(offset, (offset += share)), conversationId: organization.conversationIds[0]!, spreadMs })
            .result,
      ),
    );
    const cpu = await measured.end();
    const startedAt = Math.min(...runs.map((run) => run.startedAt));
    const lastResubscribed = Math.max(...runs.flatMap((run) => run.resubscribedAt));
    return {
      clients,
      spreadMs,
      allResubscribedMs: round(lastResubscribed - startedAt, 0),
      ackLatencyMs: summarize(runs.flatMap((run) => run.ackLatenciesMs)),
      failures: runs.reduce((sum, run) => sum + run.failures, 0),
      cpuMsPerClient: round(cpu.cpuMs / clients, 2),
    };
  } finally {
    await gateway.stop();
  }
}
