import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../gateway/database/find-free-port.js';

/** USER_HZ: 100 on Linux (x86 and arm alike); /proc's times are in these ticks. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface GatewayProcess {
  url: string;
  wsUrl: string;
  pid: number;
  /** CPU time (user + system) the gateway process has used so far, in milliseconds. */
  cpuMs(): Promise<number>;
  /** Resident memory of the gateway process now, from /proc. */
  rssBytes(): Promise<number>;
  stop(): Promise<void>;
}

export interface GatewayProcessOptions {
  databaseUrl: string;
  authSecret: string;
  redisUrl?: string;
}

/** The real server, `node dist/gateway/server/main.js`, in its own process on a free port. */
export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const port = await findFreePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counterchat-bench-gateway-'));
  // BENCH_PROFILE_DIR=dir writes a V8 CPU profile of every gateway process (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, 'dist/gateway/server/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: options.authSecret,
      REDIS_URL: options.redisUrl ?? '',
      // Production mode would refuse the benchmark's operations (only the apps' trusted
      // documents run there); development differs only in that, introspection and suggestions.
      NODE_ENV: 'development',
      // The benchmark measures delivery to clients; webhooks are not part of it.
      WEBHOOK_DELIVERY: 'off',
      // One benchmark account sends far faster than any person; the limits would be all it measured.
      RATE_LIMITS: 'off',
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
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    pid: child.pid!,
    async cpuMs() {
      // /proc/<pid>/stat fields 14 and 15 (utime, stime) in clock ticks, after the command name's closing parenthesis.
      const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
    },
    async rssBytes() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
