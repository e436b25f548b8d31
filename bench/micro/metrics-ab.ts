import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { openBenchDatabase } from '../support/bench-database.js';
import { seedOrganization } from '../support/seed.js';
import { staffTokens, type BenchContext } from '../support/bench-context.js';
import { startGatewayProcess } from '../support/gateway-process.js';
import { startWorker } from '../support/load-workers.js';
import type { SendResult } from '../support/load-worker.js';
import { summarize } from '../support/percentiles.js';
import { INBOX_VARIABLES } from '../scenarios/inbox-growth.js';

/**
 * `node dist/bench/micro/metrics-ab.js [rounds] [ms]`: the inbox query (10k conversations,
 * 8 clients) against gateway processes without and with METRICS_PORT, alternating, each
 * round in the other order; prints each run and the medians of requests per second, p50,
 * p95 and the gateway's own CPU time per request (utime + stime from /proc, 10 ms ticks).
 */
const rounds = Number(process.argv[2] ?? 10);
const durationMs = Number(process.argv[3] ?? 5000);
const database = await openBenchDatabase();
const pool = new pg.Pool({ connectionString: database.url, max: 4 });
const authSecret = randomBytes(32).toString('base64url');
const context = { database, pool, tokens: new TokenIssuer(authSecret), authSecret } as BenchContext;
// Each client a pharmacist of its own, as in the inbox scenario (rate limits stay on).
const organization = await seedOrganization(pool, { slug: 'metrics-ab', conversations: 10_000, messagesPerConversation: 5, staffMembers: 8, readingStaff: 8 });
const tokens = await staffTokens(context, organization.organizationId, organization.staffIds);
const cpuMs = async (pid: number) => {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
type Run = { requestsPerSecond: number; p50: number; p95: number; cpuMsPerRequest: number };
const runs: Record<'off' | 'on', Run[]> = { off: [], on: [] };
try {
  for (let round = 0; round < rounds; round++) {
    for (const variant of round % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      // The gateway process inherits this environment: METRICS_PORT=0 picks a free port.
      if (variant === 'on') process.env.METRICS_PORT = '0';
      else delete process.env.METRICS_PORT;
      const gateway = await startGatewayProcess({ databaseUrl: database.url, authSecret, label: `metrics ${variant}` });
      try {
        const job = { kind: 'query' as const, graphqlUrl: `${gateway.url}/graphql`, tokens, operation: 'Inbox' as const, variables: INBOX_VARIABLES };
        await startWorker<SendResult>({ ...job, durationMs: 1500 }).result;
        const cpuBefore = await cpuMs(gateway.pid);
        const run = await startWorker<SendResult>({ ...job, durationMs }).result;
        const cpu = (await cpuMs(gateway.pid)) - cpuBefore;
        const latency = summarize(run.latenciesMs);
        const row = { requestsPerSecond: run.latenciesMs.length / (durationMs / 1000), p50: latency.p50, p95: latency.p95, cpuMsPerRequest: cpu / run.latenciesMs.length };
        runs[variant].push(row);
        console.log(`round ${round} metrics ${variant.padEnd(3)} ${JSON.stringify(row)}`);
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
for (const variant of ['off', 'on'] as const) {
  const of = (key: keyof Run) => median(runs[variant].map((run) => run[key])).toFixed(key === 'cpuMsPerRequest' ? 3 : 1);
  console.log(`metrics ${variant}: medians ${of('requestsPerSecond')} req/s, p50 ${of('p50')} ms, p95 ${of('p95')} ms, ${of('cpuMsPerRequest')} ms CPU per request`);
}
