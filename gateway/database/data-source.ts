import { DataSource } from 'typeorm';
import * as entities from '../../entities/index.js';
import { migrations } from '../../entities/migrations/all-migrations.js';
import { QueryCounter } from './query-counter.js';

/** Pool size per gateway process; PostgreSQL's default max_connections (100) leaves room for several. */
const POOL_SIZE = 20;

/** A TypeORM data source for Counterchat's schema. Call `initialize()` and `runMigrations()` before use. */
export function createDataSource(url: string, queryCounter = new QueryCounter()): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: Object.values(entities),
    migrations,
    // The schema is owned by migrations only; synchronize would silently drift from them.
    synchronize: false,
    migrationsTransactionMode: 'each',
    logger: queryCounter,
    extra: { max: POOL_SIZE },
  });
}

export function queryCounterOf(dataSource: DataSource): QueryCounter {
  return dataSource.logger as QueryCounter;
}
