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

  // Failed statements surface as errors: services turn expected ones (unique violations) into
  // typed errors, and formatError logs the rest. Logging here too would print each twice.
  logQueryError(): void {}

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
