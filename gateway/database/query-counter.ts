import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that counts the statements sent to PostgreSQL. Tests and the
 * inbox benchmark read it to prove that loaders keep the statement count flat.
 */
export class QueryCounter implements Logger {
  /** Statements TypeORM ran (what services and loaders asked for). */
  count = 0;
  /**
   * Every statement PostgreSQL received on the application's connections, including the
   * transaction control and tenant settings around them (TenantAwareClient, an operation's
   * transaction): what a request costs in round trips. `BEGIN; SELECT set_config(…)` counts
   * as two statements, sent in one round trip.
   */
  statements = 0;
  /**
   * The round trips among those statements: how often a connection sent a text with nothing
   * else out. Texts pipelined behind one still out (a transaction's start with its first
   * statement; BEGIN, statement and COMMIT; an operation's concurrent loader batches) share its wait.
   */
  roundTrips = 0;

  logQuery(): void {
    this.count += 1;
  }

  /** Called by the application's connections (TenantAwareClient) for each text they send. */
  sent(statements: number): void {
    this.statements += statements;
  }

  /** Called by the application's connections once per round trip. */
  waited(): void {
    this.roundTrips += 1;
  }

  // Failed statements surface as errors: services turn expected ones (unique violations) into
  // typed errors, and formatError logs the rest. Logging here too would print each twice.
  logQueryError(): void {}

  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
