import pg from 'pg';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { openBenchDatabase } from '../support/bench-database.js';
import { seedOrganization } from '../support/seed.js';
import { staffTokens, type BenchContext } from '../support/bench-context.js';
import { processCpuMs, startGatewayProcess } from '../support/gateway-process.js';
import { startWorker } from '../support/load-workers.js';
import type { SendResult } from '../support/load-worker.js';
import { summarize } from '../support/percentiles.js';
import { INBOX_VARIABLES } from '../scenarios/inbox-growth.js';

/**
 * `node dist/bench/micro/inbox-ab.js BEFORE AFTER [rounds] [ms]`: the inbox query (10k
 * conversations, 8 clients, each a pharmacist of its own) against the gateways of two built
 * checkouts (a worktree of the commit before, and this one), on one seeded database,
 * alternating A B B A … so a drifting machine favours neither; prints each run and the
 * medians of requests per second, p50, p95 and the gateway's own CPU per request.
 */
const [before, after] = [process.argv[2], process.argv[3]].map((dir) => path.resolve(dir ?? '.'));
const rounds = Number(process.argv[4] ?? 6);
const durationMs = Number(process.argv[5] ?? 5000);
const database = await openBenchDatabase();
const pool = new pg.Pool({ connectionString: database.url, max: 4 });
const authSecret = randomBytes(32).toString('base64url');
const context = { database, pool, tokens: new TokenIssuer(authSecret), authSecret } as BenchContext;
const organization = await seedOrganization(pool, { slug: 'inbox-ab', conversations: 10_000, messagesPerConversation: 5, staffMembers: 8, readingStaff: 8 });
const tokens = await staffTokens(context, organization.organizationId, organization.staffIds);
type Run = { requestsPerSecond: number; p50: number; p95: number; cpuMsPerRequest: number };
const variants = { before, after };
const runs: Record<keyof typeof variants, Run[]> = { before: [], after: [] };
try {
  for (let round = 0; round < rounds; round++) {
    for (const variant of round % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)) {
      const gateway = await startGatewayProcess({ databaseUrl: database.url, authSecret, label: `inbox ${variant}`, checkout: variants[variant] });
      try {
        const job = { kind: 'query' as const, graphqlUrl: `${gateway.url}/graphql`, tokens, operation: 'Inbox' as const, variables: INBOX_VARIABLES };
        await startWorker<SendResult>({ ...job, durationMs: 1500 }).result;
        const cpuBefore = await processCpuMs(gateway.pid);
        const run = await startWorker<SendResult>({ ...job, durationMs }).result;
        const cpu = (await processCpuMs(gateway.pid)) - cpuBefore;
        const latency = summarize(run.latenciesMs);
        const row = { requestsPerSecond: run.latenciesMs.length / (durationMs / 1000), p50: latency.p50, p95: latency.p95, cpuMsPerRequest: cpu / run.latenciesMs.length };
        runs[variant].push(row);
        console.log(`round ${round} ${variant.padEnd(6)} ${JSON.stringify(row)}`);
      } finally {
        await gateway.stop();
      }
    }
  }
} finally {
  await pool.end();
  await database.dispose();
}
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const variant of ['before', 'after'] as const) {
  const of = (key: keyof Run) => median(runs[variant].map((run) => run[key])).toFixed(key === 'cpuMsPerRequest' ? 3 : 1);
  console.log(`${variant} (${variants[variant]}): medians ${of('requestsPerSecond')} req/s, p50 ${of('p50')} ms, p95 ${of('p95')} ms, ${of('cpuMsPerRequest')} ms CPU per request`);
}
