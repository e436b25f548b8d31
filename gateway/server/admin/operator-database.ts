import { openDatabase, type OpenDatabase } from '../../database/open-database.js';
import { portOfRunningCluster } from '../../database/running-cluster.js';
import { loadOrCreateSecret } from '../../secrets/secrets.js';
import type { GatewayConfig } from '../config.js';

export interface OperatorDatabase extends OpenDatabase {
  /** How it was reached, for the operator: "DATABASE_URL", or where the embedded cluster is. */
  description: string;
}

/**
 * The database the operator's commands work on, as the gateway would open it: DATABASE_URL;
 * else the embedded PostgreSQL of DATA_DIR, joined where a live gateway already runs it (its
 * postmaster.pid names the port; PostgreSQL would refuse a second server on that directory),
 * started for the command and stopped after it otherwise. Either way the schema is brought up
 * to date first, as a gateway's start does.
 */
export async function openOperatorDatabase(config: GatewayConfig): Promise<OperatorDatabase> {
  if (config.databaseUrl) return { ...(await openDatabase(config)), description: 'DATABASE_URL' };
  const port = await portOfRunningCluster(config.dataDir);
  if (port === undefined) {
    const database = await openDatabase(config);
    return { ...database, description: `the embedded PostgreSQL of DATA_DIR ${config.dataDir} (started for this command)` };
  }
  const password = await loadOrCreateSecret(config.dataDir, 'postgres-password');
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const database = await openDatabase({ ...config, databaseUrl: url });
  return { ...database, description: `the embedded PostgreSQL of DATA_DIR ${config.dataDir} (its running gateway's, port ${port})` };
}
