import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { processCpuMs } from './gateway-process.js';

const BASELINE_SERVERS = {
  'graphql-ws': fileURLToPath(new URL('../baselines/graphql-ws-server.js', import.meta.url)),
  'bare-ws': fileURLToPath(new URL('../baselines/ws-broadcast-server.js', import.meta.url)),
  'apollo-floor': fileURLToPath(new URL('../baselines/apollo-floor-server.js', import.meta.url)),
};
export type BaselineKind = keyof typeof BASELINE_SERVERS;

export interface BaselineServer {
  child: ChildProcess;
  port: number;
  /** The server process's CPU time so far (user + system), in ms. */
  cpuMs(): Promise<number>;
}

/** Forks one baseline server (bench/baselines/) and waits for the port it tells over IPC. */
export async function startBaselineServer(kind: BaselineKind, env?: Record<string, string>): Promise<BaselineServer> {
  const child = fork(BASELINE_SERVERS[kind], [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: env && { ...process.env, ...env } });
  const [{ port }] = (await once(child, 'message')) as [{ port: number }];
  return { child, port, cpuMs: () => processCpuMs(child.pid!) };
}

/** Disconnecting is the baselines' signal to exit. */
export function stopBaselineServer(server: BaselineServer): void {
  if (server.child.connected) server.child.disconnect();
}
