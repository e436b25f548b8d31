import type { BenchContext } from '../support/bench-context.js';
import { startBenchGateway, staffTokens } from '../support/bench-context.js';
import { startFloorServer } from '../support/floor-server.js';
import { startInProcessGateway } from '../support/in-process-gateway.js';
import { startWorker } from '../support/load-workers.js';
import type { SendResult } from '../support/load-worker.js';
import { round, summarize, type LatencySummary } from '../support/percentiles.js';
import { appOperation, persistedBody } from '../support/persisted-operations.js';
import { seedOrganization } from '../support/seed.js';

/**
 * The dashboard's Inbox (clients/dashboard/src/inbox/inbox-pane.tsx) on its default tab,
 * "Open": the first 25 rows with customer, assignee, last message and unread count.
 */
export const INBOX_VARIABLES = { filter: { status: ['OPEN'] } };

export interface InboxSize {
  conversations: number;
  messagesPerConversation: number;
  seedSeconds: number;
  latencyMs: LatencySummary;
  requestsPerSecond: number;
  /** Statements TypeORM ran for one request (what services and loaders asked for). */
  statementsPerRequest: number;
  /** What PostgreSQL received for one request: those, the read audit, and BEGIN, tenant settings and COMMIT. */
  statementsSentPerRequest: number;
  /** How many of those PostgreSQL answered before the gateway sent more: texts sent together in one write count once. */
  roundTripsPerRequest?: number;
  errors: number;
  /** The gateway process's CPU time (user + system) over the round ÷ requests answered. */
  cpuMsPerRequest: number;
}

export interface InboxGrowthResult {
  /** Clients, each a pharmacist of its own with its own read positions. */
  concurrency: number;
  sizes: InboxSize[];
  /** p95 at the largest size ÷ p95 at the smallest: flat growth is ≈ 1. */
  p95GrowthRatio: number;
  /** The inbox statement, explained at the largest size: the plan shows why growth is flat (or not). */
  largestPlan: string;
  /** The same clients and document against Express + Apollo + graphql-js answering from memory: the chosen stack's floor. */
  stackFloor?: { latencyMs: LatencySummary; requestsPerSecond: number; errors: number; cpuMsPerRequest: number };
}

/**
 * The inbox query on pharmacies of increasing size, all in one database (as tenants
 * share one in production). Latency and throughput come from separate client processes
 * against a server process; statements per request from an in-process gateway's counter.
 */
export async function benchInboxGrowth(context: BenchContext): Promise<InboxGrowthResult> {
  const plan = context.quick
    ? [
        { conversations: 1_000, messagesPerConversation: 2 },
        { conversations: 5_000, messagesPerConversation: 2 },
      ]
    : [
        { conversations: 1_000, messagesPerConversation: 5 },
        { conversations: 10_000, messagesPerConversation: 5 },
        { conversations: 100_000, messagesPerConversation: 50 },
      ];
  const concurrency = 8;
  const durationMs = context.quick ? 2_000 : 10_000;
  const seeded = [];
  for (const size of plan) {
    context.log(`inbox: seeding ${size.conversations} conversations × ${size.messagesPerConversation} messages`);
    const started = Date.now();
    const organization = await seedOrganization(context.pool, { slug: `bench-inbox-${size.conversations}`, ...size, staffMembers: concurrency, readingStaff: concurrency });
    const tokens = await staffTokens(context, organization.organizationId, organization.staffIds);
    seeded.push({ ...size, organization, seedSeconds: round((Date.now() - started) / 1000, 1), tokens });
  }

  const counting = await startInProcessGateway(context.database.url, context.authSecret);
  const statements = new Map<number, { ran: number; sent: number; waits: number }>();
  try {
    for (const size of seeded) {
      // The first request of a session does one-off work (its first sight, written in a batch
      // later), and background writes (session activity) may land in any request's count:
      // the figures are the medians of the five after the first.
      const ran: number[] = [];
      const sent: number[] = [];
      const waits: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const before = { ran: counting.queries.count, sent: counting.queries.statements, waits: counting.queries.roundTrips };
        const response = await fetch(`${counting.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${size.tokens[0]}` },
          body: JSON.stringify(persistedBody(appOperation('Inbox'), INBOX_VARIABLES)),
        });
        const answer = await response.text();
        if (!response.ok || answer.includes('"errors"')) throw new Error(`Inbox query failed: ${answer.slice(0, 500)}`);
        if (attempt === 0) continue;
        ran.push(counting.queries.count - before.ran);
        sent.push(counting.queries.statements - before.sent);
        waits.push(counting.queries.roundTrips - before.waits);
      }
      const median = (values: number[]) => values.sort((a, b) => a - b)[2]!;
      statements.set(size.conversations, { ran: median(ran), sent: median(sent), waits: median(waits) });
    }
  } finally {
    await counting.dispose();
  }

  const gateway = await startBenchGateway(context, 'inbox');
  const sizes: InboxSize[] = [];
  try {
    for (const size of seeded) {
      context.log(`inbox: ${size.conversations} conversations, ${concurrency} clients for ${durationMs / 1000} s`);
      const job = { kind: 'query' as const, graphqlUrl: `${gateway.url}/graphql`, tokens: size.tokens, operation: 'Inbox' as const, variables: INBOX_VARIABLES };
      await startWorker<SendResult>({ ...job, durationMs: 500 }).result;
      const measured = await gateway.round();
      const run = await startWorker<SendResult>({ ...job, durationMs }).result;
      const cpu = await measured.end();
      sizes.push({
        conversations: size.conversations,
        messagesPerConversation: size.messagesPerConversation,
        seedSeconds: size.seedSeconds,
        latencyMs: summarize(run.latenciesMs),
        requestsPerSecond: round(run.latenciesMs.length / (durationMs / 1000), 1),
        statementsPerRequest: statements.get(size.conversations)!.ran,
        statementsSentPerRequest: statements.get(size.conversations)!.sent,
        roundTripsPerRequest: statements.get(size.conversations)!.waits,
        errors: run.errors,
        cpuMsPerRequest: round(cpu.cpuMs / Math.max(1, run.latenciesMs.length + run.errors), 2),
      });
    }
  } finally {
    await gateway.stop();
  }

  const first = seeded[0]!;
  context.log(`inbox: the stack's floor (Express + Apollo + graphql-js, rows from memory), ${concurrency} clients for ${durationMs / 1000} s`);
  const floor = await startFloorServer({ databaseUrl: context.database.url, organizationId: first.organization.organizationId, staffId: first.organization.staffId, poolSize: 1 });
  let stackFloor: InboxGrowthResult['stackFloor'];
  try {
    const job = { kind: 'query' as const, graphqlUrl: floor.graphqlUrl, tokens: first.tokens, operation: 'Inbox' as const, variables: INBOX_VARIABLES };
    await startWorker<SendResult>({ ...job, durationMs: 500 }).result;
    const cpuBefore = await floor.cpuMs();
    const run = await startWorker<SendResult>({ ...job, durationMs }).result;
    const cpuMs = (await floor.cpuMs()) - cpuBefore;
    stackFloor = {
      latencyMs: summarize(run.latenciesMs),
      requestsPerSecond: round(run.latenciesMs.length / (durationMs / 1000), 1),
      errors: run.errors,
      cpuMsPerRequest: round(cpuMs / Math.max(1, run.latenciesMs.length + run.errors), 2),
    };
  } finally {
    await floor.stop();
  }

  const largest = seeded[seeded.length - 1]!;
  const explained = await context.pool.query(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
     SELECT id FROM conversation WHERE organization_id = $1 AND status = ANY('{OPEN}')
      ORDER BY last_activity_at DESC, id DESC LIMIT 26`,
    [largest.organization.organizationId],
  );
  return {
    concurrency,
    sizes,
    p95GrowthRatio: round(sizes[sizes.length - 1]!.latencyMs.p95 / sizes[0]!.latencyMs.p95, 2),
    largestPlan: explained.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n'),
    stackFloor,
  };
}
