import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { PoolUse } from '../metrics/gateway-metrics.js';

/** The pg pool behind a TypeORM data source, as /metrics reports it; all zero before it connects. */
export function poolUseOf(dataSource: DataSource): PoolUse {
  const pool = (dataSource.driver as PostgresDriver).master as Pool | undefined;
  return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
}
