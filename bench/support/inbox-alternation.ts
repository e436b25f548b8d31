import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { openBenchDatabase } from './bench-database.js';
import { seedOrganization } from './seed.js';
import { staffTokens, type BenchContext } from './bench-context.js';
import { processCpuMs, startGatewayProcess } from './gateway-process.js';
import { startWorker } from './load-workers.js';
import type { SendResult } from './load-worker.js';
import { summarize } from './percentiles.js';
import { INBOX_VARIABLES } from '../scenarios/inbox-growth.js';
import { startDelayedLink } from './delayed-link.js';

/** One side of an A/B: the built checkout to run, and the environment it differs by. */
export interface InboxVariant {
  checkout?: string;
  /** Set for this variant's gateway process (undefined: removed from it). */
  env?: Record<string, string | undefined>;
}

interface Run {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  cpuMsPerRequest: number;
}

/** How the runs are made: `clients` load clients (8), and `databaseDelayMs` each way between the gateways and PostgreSQL (none). */
export interface InboxRunOptions {
  clients?: number;
  databaseDelayMs?: number;
}

/**
 * The inbox query (10k conversations, 8 clients, each a pharmacist of its own: rate limits
 * stay on) against a gateway process per variant on one seeded database, alternating A B,
 * B A … so a drifting machine favours neither; prints each run and the medians of requests
 * per second, p50, p95 and the gateway's own CPU per request (utime + stime, 10 ms ticks).
 */
export async function alternateInboxRuns(variants: Record<string, InboxVariant>, rounds: number, durationMs: number, options: InboxRunOptions = {}): Promise<void> {
  const names = Object.keys(variants);
  const database = await openBenchDatabase();
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const authSecret = randomBytes(32).toString('base64url');
  const context = { database, pool, tokens: new TokenIssuer(authSecret), authSecret } as BenchContext;
  const runs = new Map<string, Run[]>(names.map((name) => [name, []]));
  const inherited = { ...process.env };
  let closeLink: (() => Promise<void>) | undefined;
  try {
    const organization = await seedOrganization(pool, { slug: 'inbox-ab', conversations: 10_000, messagesPerConversation: 5, staffMembers: 8, readingStaff: 8 });
    const tokens = (await staffTokens(context, organization.organizationId, organization.staffIds)).slice(0, options.clients ?? 8);
    // The gateways reach PostgreSQL through the delaying link; seeding above went direct.
    const link = options.databaseDelayMs ? await startDelayedLink(Number(new URL(database.url).port || 5432), options.databaseDelayMs) : undefined;
    closeLink = link?.close;
    const gatewayDatabaseUrl = link ? Object.assign(new URL(database.url), { port: String(link.port) }).toString() : database.url;
    for (let round = 0; round < rounds; round++) {
      for (const name of round % 2 ? [...names].reverse() : names) {
        const variant = variants[name]!;
        // The gateway process inherits this environment.
        for (const [key, value] of Object.entries(variant.env ?? {})) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
        const gateway = await startGatewayProcess({ databaseUrl: gatewayDatabaseUrl, authSecret, label: `inbox ${name}`, checkout: variant.checkout });
        process.env = { ...inherited };
        try {
          const job = { kind: 'query' as const, graphqlUrl: `${gateway.url}/graphql`, tokens, operation: 'Inbox' as const, variables: INBOX_VARIABLES };
          await startWorker<SendResult>({ ...job, durationMs: 1500 }).result;
          const cpuBefore = await processCpuMs(gateway.pid);
          const run = await startWorker<SendResult>({ ...job, durationMs }).result;
          const cpu = (await processCpuMs(gateway.pid)) - cpuBefore;
          const latency = summarize(run.latenciesMs);
          const row = { requestsPerSecond: run.latenciesMs.length / (durationMs / 1000), p50: latency.p50, p95: latency.p95, cpuMsPerRequest: cpu / run.latenciesMs.length };
          runs.get(name)!.push(row);
          console.log(`round ${round} ${name.padEnd(8)} ${JSON.stringify(row)}`);
        } finally {
          await gateway.stop();
        }
      }
    }
  } finally {
    await closeLink?.();
    await pool.end();
    await database.dispose();
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const name of names) {
    const of = (key: keyof Run) => median(runs.get(name)!.map((run) => run[key])).toFixed(key === 'cpuMsPerRequest' ? 3 : 1);
    console.log(`${name}: medians ${of('requestsPerSecond')} req/s, p50 ${of('p50')} ms, p95 ${of('p95')} ms, ${of('cpuMsPerRequest')} ms CPU per request`);
  }
}
