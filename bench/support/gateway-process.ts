import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../gateway/database/find-free-port.js';
import { profileMarkdown, summarizeProfileOf, type ProfileSummary, type ProfileWindow } from './cpu-profile.js';
import { serveCommandOf } from './serve-command.js';

export interface GatewayProcess {
  url: string;
  wsUrl: string;
  pid: number;
  /** Resident memory of the gateway process now, from /proc. */
  rssBytes(): Promise<number>;
  /** CPU time (user + system, every thread) the process has used so far, from /proc. */
  cpuMs(): Promise<number>;
  /** Starts a measured round: its CPU time, and the stretch of the profile summarized for it. */
  round(): Promise<MeasuredRound>;
  stop(): Promise<void>;
}

export interface MeasuredRound {
  /** Ends the round: the gateway's CPU milliseconds and the wall-clock milliseconds it lasted. */
  end(): Promise<{ cpuMs: number; wallMs: number }>;
}

export interface GatewayProcessOptions {
  databaseUrl: string;
  authSecret: string;
  redisUrl?: string;
  /** What the profile summary calls this gateway, e.g. "fan-out 10000 × 1, instance 1". */
  label: string;
  /** Receives the profile summary when the gateway stops, with BENCH_PROFILE_DIR set. */
  onProfile?: (summary: ProfileSummary, markdown: string) => void;
  /** The built checkout whose dist/ runs (another commit's worktree, for an A/B); default this one. */
  checkout?: string;
}

/** CPU time (user + system, all threads) process `pid` has used so far, in ms, from /proc/<pid>/stat (10 ms resolution). */
export async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Linux's USER_HZ: /proc counts CPU time in these ticks on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** The real server, as `npm run serve` starts it (its Node flags included), in its own process on a free port. */
export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const port = await findFreePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counterchat-bench-gateway-'));
  // BENCH_PROFILE_DIR=dir writes a V8 CPU profile of every gateway process (open it in Chrome DevTools).
  const profileDirectory = process.env.BENCH_PROFILE_DIR ? path.resolve(process.env.BENCH_PROFILE_DIR) : undefined;
  const profile = profileDirectory ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`] : [];
  const serve = await serveCommandOf(options.checkout);
  const child: ChildProcess = spawn(process.execPath, [...serve.nodeFlags, ...profile, ...serve.scriptArgs], {
    cwd: options.checkout,
    env: {
      ...process.env,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: options.authSecret,
      REDIS_URL: options.redisUrl ?? '',
      // What users run: production, where only the apps' trusted documents (sent by hash) run
      // for them, and with every rate limit on: each load client is a person of its own.
      NODE_ENV: 'production',
      RATE_LIMITS: '',
      // The benchmark measures delivery to clients; webhooks are not part of it.
      WEBHOOK_DELIVERY: 'off',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The gateway exited with ${child.exitCode} while starting.`);
    const healthy = await fetch(`${url}/healthz`).then((response) => response.ok, () => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error('The gateway did not become healthy within 30 s.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = child.pid!;
  const windows: ProfileWindow[] = [];
  const cpuMs = () => processCpuMs(pid);
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    pid,
    async rssBytes() {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
    },
    cpuMs,
    async round() {
      const startUs = monotonicUs();
      const cpuBefore = await cpuMs();
      return {
        async end() {
          const cpuAfter = await cpuMs();
          const endUs = monotonicUs();
          windows.push({ label: options.label, startUs, endUs });
          return { cpuMs: cpuAfter - cpuBefore, wallMs: Math.round((endUs - startUs) / 1000) };
        },
      };
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await rm(dataDir, { recursive: true, force: true });
      if (profileDirectory && options.onProfile) {
        const summary = await summarizeProfileOf(profileDirectory, pid, options.label, windows);
        if (summary) options.onProfile(summary, profileMarkdown(summary));
      }
    },
  };
}
