import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { processCpuMs } from './gateway-process.js';

export interface FloorServer {
  graphqlUrl: string;
  /** CPU time (user + system) of the floor's process so far. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

const SERVER = fileURLToPath(new URL('../baselines/apollo-floor-server.js', import.meta.url));

/** Forks bench/baselines/apollo-floor-server.ts: Express + Apollo + graphql-js with nothing of the project's own. */
export async function startFloorServer(options: { databaseUrl: string; organizationId: string; staffId: string; poolSize: number }): Promise<FloorServer> {
  const child = fork(SERVER, [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      FLOOR_DATABASE_URL: options.databaseUrl,
      FLOOR_ORGANIZATION_ID: options.organizationId,
      FLOOR_STAFF_ID: options.staffId,
      FLOOR_POOL_SIZE: String(options.poolSize),
    },
  });
  const [{ port }] = (await once(child, 'message')) as [{ port: number }];
  return {
    graphqlUrl: `http://127.0.0.1:${port}/graphql`,
    cpuMs: () => processCpuMs(child.pid!),
    async stop() {
      const exited = once(child, 'exit');
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}
