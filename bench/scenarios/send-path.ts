import type { BenchContext } from '../support/bench-context.js';
import { startBenchGateway, staffTokens } from '../support/bench-context.js';
import { startFloorServer } from '../support/floor-server.js';
import { startWorker, shares } from '../support/load-workers.js';
import type { SendResult } from '../support/load-worker.js';
import { round, summarize, type LatencySummary } from '../support/percentiles.js';
import { seedOrganization } from '../support/seed.js';

export interface SendPathResult {
  clients: number;
  durationMs: number;
  /** Staff members signed in for the round: each client sends as several in turn, never over the 120-a-minute limit. */
  identities: number;
  gateway: { messagesPerSecond: number; latencyMs: LatencySummary; errors: number; cpuMsPerMessage: number; cpuUtilization: number };
  rawPg: { messagesPerSecond: number; latencyMs: LatencySummary; errors: number };
  /** gateway ÷ raw pg throughput: the GraphQL stack's share of the cost. Target ≥ 0.5. */
  ratio: number;
  /**
   * The same raw statements behind Express + Apollo + graphql-js and nothing else
   * (bench/baselines/apollo-floor-server.ts), sent the same SendMessage by the same clients:
   * what the chosen stack costs before any of the project's own work.
   */
  stackFloor?: { messagesPerSecond: number; latencyMs: LatencySummary; errors: number; cpuMsPerMessage: number; ratio: number };
}

/** The gateway's pool size (gateway/database/data-source.ts), so the baseline gets the same. */
const POOL_SIZE = 20;
const WORKERS = 2;
/**
 * People each client sends as, in turn (load-worker.ts: 100 messages each): rate limits stay
 * on at 120 messages a minute per person, so 32 clients × 15 (the 16th warms up) cover 48,000
 * messages a minute in the measured round.
 */
const IDENTITIES_PER_CLIENT = 16;

/**
 * Concurrent clients, each with its own conversation (as in a real inbox), sending as
 * fast as answers return, over HTTP to the real server; then the same inserts and
 * updates as raw SQL on a pool of the same size.
 */
export async function benchSendPath(context: BenchContext): Promise<SendPathResult> {
  const clients = context.quick ? 8 : 32;
  const durationMs = context.quick ? 3_000 : 15_000;
  const staffMembers = clients * IDENTITIES_PER_CLIENT;
  const organization = await seedOrganization(context.pool, { slug: 'bench-send', conversations: clients * 2, messagesPerConversation: 1, staffMembers });
  const tokens = await staffTokens(context, organization.organizationId, organization.staffIds);
  // Each client warms up as its first identity and measures as the others: a fast warm-up
  // followed by the round's first 100 messages as the same person would pass 120 a minute.
  const identities = chunk(tokens, clients);
  const warmUpIdentities = identities.map((own) => own.slice(0, 1));
  const roundIdentities = identities.map((own) => own.slice(1));
  const forGateway = organization.conversationIds.slice(0, clients);
  const forBaseline = organization.conversationIds.slice(clients);

  const gateway = await startBenchGateway(context, 'send path');
  let gatewayRun: SendResult;
  let cpu: { cpuMs: number; wallMs: number };
  try {
    // Warm-up: JIT, pool connections, plan caches.
    await runSend({ graphqlUrl: `${gateway.url}/graphql`, identities: warmUpIdentities, conversationIds: forGateway, durationMs: 1_000 });
    context.log(`send path: ${clients} clients (${staffMembers} staff members) over HTTP for ${durationMs / 1000} s`);
    const round = await gateway.round();
    gatewayRun = await runSend({ graphqlUrl: `${gateway.url}/graphql`, identities: roundIdentities, conversationIds: forGateway, durationMs });
    cpu = await round.end();
  } finally {
    await gateway.stop();
  }
  context.log(`send path: raw pg baseline, pool ${POOL_SIZE}`);
  const rawRun = await mergeSends(
    chunk(forBaseline, WORKERS).map((conversationIds) =>
      startWorker<SendResult>({
        kind: 'raw-send',
        databaseUrl: context.database.url,
        poolSize: Math.ceil(POOL_SIZE / WORKERS),
        organizationId: organization.organizationId,
        staffId: organization.staffId,
        conversationIds,
        durationMs,
      }).result,
    ),
  );
  const perSecond = (run: SendResult) => round(run.latenciesMs.length / (durationMs / 1000), 1);
  context.log(`send path: the stack's floor (Express + Apollo + graphql-js over the raw statements), ${clients} clients`);
  const floor = await startFloorServer({ databaseUrl: context.database.url, organizationId: organization.organizationId, staffId: organization.staffId, poolSize: POOL_SIZE });
  let floorRun: SendResult;
  let floorCpuMs: number;
  try {
    await runSend({ graphqlUrl: floor.graphqlUrl, identities: warmUpIdentities, conversationIds: forBaseline, durationMs: 1_000 });
    const cpuBefore = await floor.cpuMs();
    floorRun = await runSend({ graphqlUrl: floor.graphqlUrl, identities: roundIdentities, conversationIds: forBaseline, durationMs });
    floorCpuMs = (await floor.cpuMs()) - cpuBefore;
  } finally {
    await floor.stop();
  }
  return {
    clients,
    durationMs,
    identities: staffMembers,
    gateway: {
      messagesPerSecond: perSecond(gatewayRun),
      latencyMs: summarize(gatewayRun.latenciesMs),
      errors: gatewayRun.errors,
      cpuMsPerMessage: round(cpu.cpuMs / Math.max(1, gatewayRun.latenciesMs.length + gatewayRun.errors), 3),
      cpuUtilization: round(cpu.cpuMs / cpu.wallMs, 2),
    },
    rawPg: { messagesPerSecond: perSecond(rawRun), latencyMs: summarize(rawRun.latenciesMs), errors: rawRun.errors },
    ratio: round(perSecond(gatewayRun) / perSecond(rawRun), 3),
    stackFloor: {
      messagesPerSecond: perSecond(floorRun),
      latencyMs: summarize(floorRun.latenciesMs),
      errors: floorRun.errors,
      cpuMsPerMessage: round(floorCpuMs / Math.max(1, floorRun.latenciesMs.length + floorRun.errors), 3),
      ratio: round(perSecond(floorRun) / perSecond(rawRun), 3),
    },
  };
}

function runSend(job: { graphqlUrl: string; identities: string[][]; conversationIds: string[]; durationMs: number }) {
  const identities = chunk(job.identities, WORKERS);
  return mergeSends(
    chunk(job.conversationIds, WORKERS).map((conversationIds, worker) => startWorker<SendResult>({ kind: 'send', ...job, conversationIds, identities: identities[worker]! }).result),
  );
}

async function mergeSends(runs: Promise<SendResult>[]): Promise<SendResult> {
  const results = await Promise.all(runs);
  return { latenciesMs: results.flatMap((result) => result.latenciesMs), errors: results.reduce((sum, result) => sum + result.errors, 0) };
}

export function chunk<T>(items: T[], parts: number): T[][] {
  let start = 0;
  return shares(items.length, parts).map((size) => items.slice(start, (start += size)));
}
