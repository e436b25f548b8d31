import type { BenchContext } from '../support/bench-context.js';
import { staffToken } from '../support/bench-context.js';
import { startGatewayProcess } from '../support/gateway-process.js';
import { startInProcessGateway } from '../support/in-process-gateway.js';
import { startWorker } from '../support/load-workers.js';
import type { SendResult } from '../support/load-worker.js';
import { round, summarize, type LatencySummary } from '../support/percentiles.js';
import { seedOrganization } from '../support/seed.js';

/** What the dashboard's inbox asks for: the first 20 rows with last message, customer and unread count. */
export const INBOX_QUERY = `query Inbox {
  conversations(first: 20, filter: { status: [OPEN, PENDING] }) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id subject status unreadCount lastActivityAt
      customer { id name phone }
      assignee { id name }
      lastMessage { id body createdAt sender { __typename ... on StaffMember { name } ... on Customer { name } } }
    } }
  }
}`;

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
  /** The gateway process's CPU time (user + system) over the run, per request. */
  gatewayCpuMsPerRequest: number;
  errors: number;
}

export interface InboxGrowthResult {
  concurrency: number;
  sizes: InboxSize[];
  /** p95 at the largest size ÷ p95 at the smallest: flat growth is ≈ 1. */
  p95GrowthRatio: number;
  /** The inbox statement, explained at the largest size: the plan shows why growth is flat (or not). */
  largestPlan: string;
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
    const organization = await seedOrganization(context.pool, { slug: `bench-inbox-${size.conversations}`, ...size });
    seeded.push({ ...size, organization, seedSeconds: round((Date.now() - started) / 1000, 1), token: await staffToken(context, organization.organizationId, organization.staffId) });
  }

  const counting = await startInProcessGateway(context.database.url, context.authSecret);
  const statements = new Map<number, { ran: number; sent: number }>();
  try {
    for (const size of seeded) {
      const before = { ran: counting.queries.count, sent: counting.queries.statements };
      const response = await fetch(`${counting.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${size.token}` },
        body: JSON.stringify({ query: INBOX_QUERY }),
      });
      if (!response.ok) throw new Error(`Inbox query failed: ${await response.text()}`);
      await response.json();
      // The read audit may be written just after the response (outside a query's transaction it was).
      await new Promise((resolve) => setTimeout(resolve, 100));
      statements.set(size.conversations, { ran: counting.queries.count - before.ran, sent: counting.queries.statements - before.sent });
    }
  } finally {
    await counting.dispose();
  }

  const gateway = await startGatewayProcess({ databaseUrl: context.database.url, authSecret: context.authSecret });
  const sizes: InboxSize[] = [];
  try {
    for (const size of seeded) {
      context.log(`inbox: ${size.conversations} conversations, ${concurrency} clients for ${durationMs / 1000} s`);
      const job = { kind: 'query' as const, graphqlUrl: `${gateway.url}/graphql`, token: size.token, query: INBOX_QUERY, variables: {}, concurrency };
      await startWorker<SendResult>({ ...job, durationMs: 500 }).result;
      const cpuBefore = await gateway.cpuMs();
      const run = await startWorker<SendResult>({ ...job, durationMs }).result;
      const cpuMs = (await gateway.cpuMs()) - cpuBefore;
      sizes.push({
        conversations: size.conversations,
        messagesPerConversation: size.messagesPerConversation,
        seedSeconds: size.seedSeconds,
        latencyMs: summarize(run.latenciesMs),
        requestsPerSecond: round(run.latenciesMs.length / (durationMs / 1000), 1),
        statementsPerRequest: statements.get(size.conversations)!.ran,
        statementsSentPerRequest: statements.get(size.conversations)!.sent,
        gatewayCpuMsPerRequest: round(cpuMs / Math.max(1, run.latenciesMs.length), 2),
        errors: run.errors,
      });
    }
  } finally {
    await gateway.stop();
  }

  const largest = seeded[seeded.length - 1]!;
  const explained = await context.pool.query(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
     SELECT id FROM conversation WHERE organization_id = $1 AND status = ANY('{OPEN,PENDING}')
      ORDER BY last_activity_at DESC, id DESC LIMIT 21`,
    [largest.organization.organizationId],
  );
  return {
    concurrency,
    sizes,
    p95GrowthRatio: round(sizes[sizes.length - 1]!.latencyMs.p95 / sizes[0]!.latencyMs.p95, 2),
    largestPlan: explained.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n'),
  };
}
