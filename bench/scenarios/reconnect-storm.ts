import { startBaselineServer, stopBaselineServer } from '../support/baseline-servers.js';
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
  /**
   * The same storm against the graphql-ws baseline (bench/baselines/graphql-ws-server.ts:
   * graphql-ws + graphql-js, the replay from memory, no auth, no database): the floor a
   * GraphQL subscription server on this machine reaches.
   */
  graphqlWsFloor?: { allResubscribedMs: number; ackLatencyMs: LatencySummary; failures: number; cpuMsPerClient: number };
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
  const conversationId = organization.conversationIds[0]!;
  const gateway = await startBenchGateway(context, 'reconnect storm');
  let storm: Omit<ReconnectStormResult, 'graphqlWsFloor'>;
  try {
    context.log(`reconnect storm: ${clients} clients within ${spreadMs / 1000} s`);
    const measured = await gateway.round();
    const runs = await stormOf(gateway.wsUrl, tokens, conversationId, spreadMs);
    storm = { clients, spreadMs, ...tally(runs, clients, (await measured.end()).cpuMs) };
  } finally {
    await gateway.stop();
  }
  context.log(`reconnect storm: graphql-ws floor, ${clients} clients within ${spreadMs / 1000} s`);
  const floor = await startBaselineServer('graphql-ws');
  try {
    const cpuBefore = await floor.cpuMs();
    const runs = await stormOf(`ws://127.0.0.1:${floor.port}/graphql`, tokens, conversationId, spreadMs);
    return { ...storm, graphqlWsFloor: tally(runs, clients, (await floor.cpuMs()) - cpuBefore) };
  } finally {
    stopBaselineServer(floor);
  }
}

/** Load workers of 2,500 clients each, every client reconnecting once at a random moment within `spreadMs`. */
function stormOf(wsUrl: string, tokens: string[], conversationId: string, spreadMs: number): Promise<StormResult[]> {
  let offset = 0;
  return Promise.all(
    shares(tokens.length, Math.ceil(tokens.length / 2_500)).map(
      (share) => startWorker<StormResult>({ kind: 'storm', wsUrl, tokens: tokens.slice(offset, (offset += share)), conversationId, spreadMs }).result,
    ),
  );
}

function tally(runs: StormResult[], clients: number, cpuMs: number) {
  const startedAt = Math.min(...runs.map((run) => run.startedAt));
  const lastResubscribed = Math.max(...runs.flatMap((run) => run.resubscribedAt));
  return {
    allResubscribedMs: round(lastResubscribed - startedAt, 0),
    ackLatencyMs: summarize(runs.flatMap((run) => run.ackLatenciesMs)),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
    cpuMsPerClient: round(cpuMs / clients, 2),
  };
}
