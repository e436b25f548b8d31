import { randomBytes } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { TokenIssuer } from '../gateway/auth/token-issuer.js';
import { benchFanOut, defaultFanOutPlan } from './scenarios/fan-out.js';
import { benchIdleConnections } from './scenarios/idle-connections.js';
import { benchInboxGrowth } from './scenarios/inbox-growth.js';
import { benchReconnectStorm } from './scenarios/reconnect-storm.js';
import { benchSendPath } from './scenarios/send-path.js';
import { benchUploadMemory } from './scenarios/upload-memory.js';
import { benchSessionCheck } from './scenarios/session-check.js';
import type { BenchContext } from './support/bench-context.js';
import { openBenchDatabase } from './support/bench-database.js';
import type { BenchResults } from './support/bench-results.js';
import { reportStem, writeReport } from './support/report.js';

/**
 * `npm run bench [-- --quick] [--only send,fanout,inbox,idle,storm,upload,sessions] [--fanout 10000x1,20000x2] [--out DIR]`
 * Starts real gateway processes as users run them (production: the apps' trusted documents
 * by hash; rate limits on, every load client a person of its own) against a real PostgreSQL
 * (BENCH_DATABASE_URL's server, or an embedded one) and Redis (BENCH_REDIS_URL, default the
 * local one; "off" to skip), drives them from separate processes on 127.0.0.x, and writes
 * JSON, Markdown and SVG. BENCH_PROFILE_DIR=dir keeps the gateways' CPU profiles there and
 * writes `<time>-profile.md` beside the results: self time by package in each measured round.
 */
const SCENARIOS = ['send', 'fanout', 'inbox', 'idle', 'storm', 'upload', 'sessions'] as const;

const argv = process.argv.slice(2);
const option = (name: string) => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
};
const quick = argv.includes('--quick');
const only = new Set((option('--only') ?? SCENARIOS.join(',')).split(','));
const outDirectory = path.resolve(option('--out') ?? 'bench/results');
const redisSetting = process.env.BENCH_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const fanOutPlan = option('--fanout')
  ?.split(',')
  .map((step) => {
    const [subscribers, instances = '1'] = step.split('x');
    return { subscribers: Number(subscribers), instances: Number(instances) };
  });

const started = Date.now();
const stem = reportStem(new Date(started).toISOString(), quick);
const profileFile = path.join(outDirectory, `${stem}-profile.md`);
const profileSections: string[] = [];
let profileHeaderWritten = false;
const database = await openBenchDatabase();
const pool = new pg.Pool({ connectionString: database.url, max: 4 });
const authSecret = randomBytes(32).toString('base64url');
const context: BenchContext = {
  database,
  pool,
  tokens: new TokenIssuer(authSecret),
  authSecret,
  quick,
  redisUrl: redisSetting === 'off' ? undefined : redisSetting,
  log: (line) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`),
  recordProfile: (summary, markdown) => {
    (results.profiles ??= []).push(summary);
    profileSections.push(markdown);
  },
};
const results: BenchResults = {
  startedAt: new Date(started).toISOString(),
  quick,
  database: database.server,
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
};

/** A scenario that fails is reported as failed; the others still run. */
async function attempt<T>(name: (typeof SCENARIOS)[number], run: () => Promise<T>): Promise<T | undefined> {
  if (!only.has(name)) return undefined;
  try {
    await dropScheduledJobs();
    return await run();
  } catch (error) {
    context.log(`${name}: FAILED: ${(error as Error).message}`);
    (results.failures ??= []).push({ scenario: name, error: (error as Error).message.slice(0, 500) });
    return undefined;
  } finally {
    await writeProfiles();
  }
}

/**
 * Work an earlier scenario scheduled for later — each staff reply of the fan-out schedules
 * its customer's away-notification check five minutes on — would otherwise run inside a
 * later scenario's measured round, in its gateway, and count as that scenario's statements
 * and CPU (the inbox showed 25 statements a request instead of 5).
 */
async function dropScheduledJobs() {
  const { rowCount } = await pool.query(`DELETE FROM graphile_worker._private_jobs WHERE locked_at IS NULL`).catch(() => ({ rowCount: 0 }));
  if (rowCount) context.log(`dropped ${rowCount} background job(s) scheduled by earlier scenarios`);
}

/** After each scenario, its gateways' profile summaries go to `<stem>-profile.md`, so a later failure keeps them. */
async function writeProfiles() {
  if (profileSections.length === 0) return;
  await mkdir(outDirectory, { recursive: true });
  const header = profileHeaderWritten ? '' : PROFILE_HEADER;
  profileHeaderWritten = true;
  await appendFile(profileFile, header + profileSections.splice(0).join('\n'));
}

const PROFILE_HEADER = `# Gateway CPU profiles, run ${new Date(started).toISOString()}${quick ? ' (quick)' : ''}

Self time of each gateway process by package, from its V8 CPU profile (\`--cpu-prof\`,
BENCH_PROFILE_DIR), counting only the samples taken during the scenario's measured rounds.
Built-ins without a script (JSON, Buffer, crypto) count for the package that called them;
\`project: …\` is this repository's own code by folder.

`;

try {
  results.sendPath = await attempt('send', () => benchSendPath(context));
  results.fanOut = await attempt('fanout', () => benchFanOut(context, fanOutPlan ?? defaultFanOutPlan(context)));
  results.inboxGrowth = await attempt('inbox', () => benchInboxGrowth(context));
  results.idleConnections = await attempt('idle', () => benchIdleConnections(context));
  results.reconnectStorm = await attempt('storm', () => benchReconnectStorm(context));
  results.uploadMemory = await attempt('upload', () => benchUploadMemory(context));
  results.sessionCheck = await attempt('sessions', () => benchSessionCheck(context));
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  const written = await writeReport(results, outDirectory);
  context.log(`wrote ${path.relative(process.cwd(), written.markdown)}, .json and .svg${results.profiles ? ` and ${path.basename(profileFile)}` : ''}`);
  if (results.failures?.length) process.exitCode = 1;
} finally {
  await pool.end();
  await database.dispose();
}
