import type { BenchContext } from '../support/bench-context.js';
import { startBenchGateway, staffTokens } from '../support/bench-context.js';
import { shares, startWorker } from '../support/load-workers.js';
import { round } from '../support/percentiles.js';
import { seedOrganization } from '../support/seed.js';

export interface IdleConnectionsResult {
  connections: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  /** Target ≤ 40 KB. */
  bytesPerConnection: number;
}

/**
 * Authenticated sockets, each subscribed to the inbox and then silent, as an open but
 * idle dashboard tab is. Gateway RSS before and after, settled, divided by the count.
 */
export async function benchIdleConnections(context: BenchContext): Promise<IdleConnectionsResult> {
  const connections = context.quick ? 500 : 10_000;
  // A person per socket: with rate limits on, one staff member may hold 20 sockets.
  const organization = await seedOrganization(context.pool, { slug: 'bench-idle', conversations: 1, messagesPerConversation: 1, staffMembers: connections });
  const tokens = await staffTokens(context, organization.organizationId, organization.staffIds);
  const gateway = await startBenchGateway(context, 'idle connections');
  try {
    // Warm the code paths (auth, subscribe) so their one-off allocations are not counted per socket.
    const warm = startWorker({ kind: 'idle', wsUrl: gateway.wsUrl, tokens: tokens.slice(0, 50) });
    await warm.ready;
    await warm.stop();
    await settle();
    const before = await gateway.rssBytes();
    context.log(`idle: ${connections} subscribed sockets`);
    let offset = 0;
    const workers = shares(connections, Math.ceil(connections / 2_500)).map((clients) =>
      startWorker({ kind: 'idle', wsUrl: gateway.wsUrl, tokens: tokens.slice(offset, (offset += clients)) }),
    );
    await Promise.all(workers.map((worker) => worker.ready));
    await settle();
    const after = await gateway.rssBytes();
    await Promise.all(workers.map((worker) => worker.stop()));
    return {
      connections,
      rssBeforeMiB: round(before / 2 ** 20, 1),
      rssAfterMiB: round(after / 2 ** 20, 1),
      bytesPerConnection: Math.round((after - before) / connections),
    };
  } finally {
    await gateway.stop();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 3_000));
