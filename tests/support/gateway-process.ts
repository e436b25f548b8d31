import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { findFreePort } from '../../gateway/database/find-free-port.js';
import type { GraphQLResponse } from './test-gateway.js';

/** The built gateway, as operators run it (`npm run build:server` first). */
const MAIN = 'dist/gateway/server/main.js';
/** One signing secret for every process of a test: tokens stay valid across restarts and instances. */
export const AUTH_SECRET = 'counterchat-fault-tests-signing-secret-0123456789';
/** Bounds every wait on a child, so a broken gateway fails the test instead of hanging it. */
const START_TIMEOUT_MS = 20_000;
/** The embedded default also creates (initdb) or recovers its cluster first: slower on a loaded machine. */
const EMBEDDED_START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
/** A request that gets no answer within this long counts as hung. */
export const REQUEST_TIMEOUT_MS = 10_000;

export interface GatewayProcessOptions {
  /** An owner (superuser) URL: the gateway migrates with it and sets up what else it needs. Unset: the embedded default under `dataDir`. */
  databaseUrl: string | undefined;
  /** Generated secrets and local uploads; the same directory may serve several processes in turn. */
  dataDir: string;
  /** Default: a free port. Pass the old one to restart "the same server". */
  port?: number;
  redisUrl?: string;
  /** Extra environment, e.g. `RATE_LIMITS: 'off'` for a send loop faster than any person. */
  env?: Record<string, string>;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface GatewayProcess {
  readonly port: number;
  readonly pid: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** ws://127.0.0.1:<port>/graphql */
  readonly wsUrl: string;
  graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** The status `/healthz` answers. */
  health(): Promise<number>;
  /** Settles when the process has exited, however that happened. */
  readonly exited: Promise<ProcessExit>;
  /** Still running? */
  readonly running: boolean;
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM and wait; SIGKILL if it has not exited in time. Safe to call on an exited process. */
  stop(): Promise<ProcessExit>;
  /** What it printed (stdout and stderr), for failure messages. */
  output(): string;
}

const running = new Set<ChildProcess>();
// Last resort if a test file dies without its afterAll: no gateway outlives the test run.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function spawnGateway(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<ProcessExit> } {
  const child = spawn(process.execPath, [MAIN, ...args], {
    // Not the test runner's environment: its NODE_OPTIONS, DATABASE_URL or REDIS_URL must not leak in.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', AUTH_SECRET, LOG_LEVEL: 'error', NODE_ENV: 'development', WEBHOOK_DELIVERY: 'off', RETENTION_JOB: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => {
    running.delete(child);
    return { code, signal } as ProcessExit;
  });
  return { child, output: () => output, exited };
}

/** Starts `node dist/gateway/server/main.js` and resolves once it says it runs and `/healthz` answers 200. */
export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const gateway = await launchGatewayProcess(options);
  const timeoutMs = options.databaseUrl ? START_TIMEOUT_MS : EMBEDDED_START_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  // Its own words first: another process on the port (the one it replaces) would answer /healthz too.
  while (!(gateway.output().includes('Counterchat is running.') && (await gateway.health().catch(() => 0)) === 200)) {
    if (!gateway.running) throw new Error(`The gateway exited while starting (${JSON.stringify(await gateway.exited)}):\n${gateway.output()}`);
    if (Date.now() > deadline) {
      await gateway.stop();
      throw new Error(`The gateway was not healthy within ${timeoutMs} ms:\n${gateway.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return gateway;
}

/** Spawns `node dist/gateway/server/main.js` without waiting for it to be ready. */
export async function launchGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const port = options.port ?? (await findFreePort());
  const url = `http://127.0.0.1:${port}`;
  const { child, output, exited } = spawnGateway([], {
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    DATA_DIR: options.dataDir,
    PORT: String(port),
    PUBLIC_URL: url,
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  });
  let exit: ProcessExit | undefined;
  void exited.then((result) => (exit = result));
  return {
    port,
    pid: child.pid!,
    url,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    graphql: (query, variables, token) => postGraphQL(url, query, variables, token),
    health: async () => (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })).status,
    exited,
    get running() {
      return exit === undefined;
    },
    signal: (signal) => void child.kill(signal),
    async stop() {
      if (exit) return exit;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    output,
  };
}

/**
 * Runs the gateway once with `--demo` on a fresh database: it migrates and seeds the demo
 * pharmacy (README: anna@ / ben@demo-pharmacy.test, password counterchat-demo), then stops.
 */
export async function seedDemoPharmacy(databaseUrl: string | undefined, dataDir: string): Promise<void> {
  // Port 0 for the gateway and the example store it starts next to it.
  const { child, output, exited } = spawnGateway(['--demo'], { ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), DATA_DIR: dataDir, PORT: '0' });
  let exit: ProcessExit | undefined;
  void exited.then((result) => (exit = result));
  const deadline = Date.now() + (databaseUrl ? START_TIMEOUT_MS : EMBEDDED_START_TIMEOUT_MS);
  while (!/Demo pharmacy/.test(output())) {
    if (exit || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Seeding the demo pharmacy failed (${JSON.stringify(exit ?? 'timed out')}):\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited.finally(() => clearTimeout(timer));
}

/**
 * POSTs one operation. Rejects when no HTTP answer comes (refused, reset, or nothing
 * within REQUEST_TIMEOUT_MS); an answer that is not JSON resolves with its text in `raw`.
 */
export async function postGraphQL<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T> & { raw?: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  try {
    return { status: response.status, ...(JSON.parse(text) as Omit<GraphQLResponse<T>, 'status'>) };
  } catch {
    return { status: response.status, raw: text };
  }
}
