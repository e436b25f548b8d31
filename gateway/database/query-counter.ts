import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that counts the statements sent to PostgreSQL. Tests and the
 * inbox benchmark read it to prove that loaders keep the statement count flat.
 */
export class QueryCounter implements Logger {
  count = 0;

  logQuery(): void {
    this.count += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    // Constraint violations are expected (idempotent inserts); the service turns them into typed errors.
    if (process.env.LOG_SQL_ERRORS) console.error('SQL error', error, query);
  }

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
