import { DataSource } from 'typeorm';
import * as entities from '../../entities/index.js';
import { migrations } from '../../entities/migrations/all-migrations.js';
import { QueryCounter } from './query-counter.js';
import { TenantAwareClient } from '../tenancy/tenant-aware-client.js';

/** Pool size per gateway process; PostgreSQL's default max_connections (100) leaves room for several. */
const POOL_SIZE = 20;
/**
 * Longest wait for a connection, new or from the pool. Without it a database that drops
 * packets (host down, partition) holds each request for the kernel's TCP timeout (minutes);
 * with it the request fails with a clean error and /healthz answers 503.
 */
const CONNECTION_TIMEOUT_MS = 10_000;

/**
 * Who connects: the `owner` of the schema runs migrations (and set-up such as demo data);
 * the `app` role serves requests under row-level security (see tenant-aware-client.ts).
 */
export type DatabaseRole = 'owner' | 'app';

/** A TypeORM data source for Counterchat's schema. Call `initialize()` before use; the owner's runs the migrations. */
export function createDataSource(url: string, role: DatabaseRole, queryCounter = new QueryCounter()): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: Object.values(entities),
    migrations,
    // The schema is owned by migrations only; synchronize would silently drift from them.
    synchronize: false,
    migrationsTransactionMode: 'each',
    // Extensions are the migrations' business, and the app role may not create them.
    installExtensions: role === 'owner',
    logger: queryCounter,
    extra: { ...(role === 'app' ? { max: POOL_SIZE, Client: TenantAwareClient, statementTally: queryCounter } : { max: 4 }), connectionTimeoutMillis: CONNECTION_TIMEOUT_MS },
  });
}

export function queryCounterOf(dataSource: DataSource): QueryCounter {
  return dataSource.logger as QueryCounter;
}
