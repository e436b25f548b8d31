import { once } from 'node:events';
import { startBaselineServer, stopBaselineServer } from './baseline-servers.js';

export interface FloorServer {
  graphqlUrl: string;
  /** CPU time (user + system) of the floor's process so far. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** Forks bench/baselines/apollo-floor-server.ts: Express + Apollo + graphql-js with nothing of the project's own. */
export async function startFloorServer(options: { databaseUrl: string; organizationId: string; staffId: string; poolSize: number }): Promise<FloorServer> {
  const server = await startBaselineServer('apollo-floor', {
    NODE_ENV: 'production',
    FLOOR_DATABASE_URL: options.databaseUrl,
    FLOOR_ORGANIZATION_ID: options.organizationId,
    FLOOR_STAFF_ID: options.staffId,
    FLOOR_POOL_SIZE: String(options.poolSize),
  });
  return {
    graphqlUrl: `http://127.0.0.1:${server.port}/graphql`,
    cpuMs: server.cpuMs,
    async stop() {
      // It closes its pool before exiting: wait, so the next round starts on a quiet database.
      const exited = once(server.child, 'exit');
      stopBaselineServer(server);
      await exited;
    },
  };
}
