import { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { readConfig } from '../../gateway/server/config.js';
import { createDataSource, queryCounterOf } from '../../gateway/database/data-source.js';
import { connectApplication } from '../../gateway/database/open-database.js';
import type { QueryCounter } from '../../gateway/database/query-counter.js';
import { createGatewayFiles } from '../../gateway/files/gateway-files.js';
import { startRealtime } from '../../gateway/pubsub/realtime.js';
import { createRateLimits } from '../../gateway/rate-limits/rate-limits.js';
import { startGateway } from '../../gateway/server/start-gateway.js';
import { SecretBox } from '../../gateway/secrets/secret-box.js';
import { StaffSessions } from '../../gateway/auth/staff-sessions.js';
import { staffSessionStoreOver } from '../../gateway/tenancy/staff-session-activity.js';
import { TenantDatabase } from '../../gateway/tenancy/tenant-database.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface InProcessGateway {
  url: string;
  /** Counts every SQL statement this gateway sends. */
  queries: QueryCounter;
  dispose(): Promise<void>;
}

/**
 * The gateway wired as in production but inside this process, so the benchmark can read
 * its statement counter. Only for counting; latency is measured on separate processes.
 */
export async function startInProcessGateway(databaseUrl: string, authSecret: string): Promise<InProcessGateway> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'counterchat-bench-counting-'));
  const owner = createDataSource(databaseUrl, 'owner');
  await owner.initialize();
  const dataSource = await connectApplication(owner, databaseUrl);
  // As the bench's gateway processes run: production (trusted documents only), rate limits on.
  const config = { ...readConfig({ PORT: '0', WEBHOOK_DELIVERY: 'off', NODE_ENV: 'production' }), dataDir };
  const realtime = startRealtime(undefined);
  const rateLimits = createRateLimits(undefined, config.rateLimits);
  const database = new TenantDatabase(dataSource);
  const sessions = await StaffSessions.start(staffSessionStoreOver(database), realtime.bus);
  const gateway = await startGateway({ config, database, tokens: new TokenIssuer(authSecret), realtime, files: createGatewayFiles(config, authSecret), rateLimits, secrets: new SecretBox(authSecret), sessions, jobQueueUrl: databaseUrl });
  return {
    url: gateway.url,
    queries: queryCounterOf(dataSource),
    async dispose() {
      await gateway.dispose();
      await sessions.dispose();
      await realtime.dispose();
      await rateLimits.dispose();
      await dataSource.destroy();
      await owner.destroy();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
