import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { logger } from '../logging/logger.js';
import type { ConnectionSlots } from './connection-slots.js';
import { withTenant, type DatabaseTenant } from './tenant-context.js';

/** The pg connection under a TypeORM query runner: only what we send on it ourselves. */
interface Connection {
  query(text: string): Promise<unknown>;
}

/** TypeORM's Postgres runner, for releasing a connection whose state is unknown (pg-pool then closes it). */
type PostgresRunner = QueryRunner & { connect(): Promise<Connection>; releasePostgresConnection(error?: Error): Promise<void> };

const managers = new WeakSet<EntityManager>();

/** Whether `manager` is an operation's (its statements share the operation's transaction). */
export function isOperationManager(manager: EntityManager): boolean {
  return managers.has(manager);
}

/**
 * One transaction for all the statements of one read operation (an HTTP or WebSocket query,
 * one subscription event), carrying the tenant's settings once. Without it TenantAwareClient
 * wraps each statement outside a transaction in `BEGIN; set_config…` / statement / `COMMIT`:
 * the inbox sent 24 statements, 18 of them transaction control.
 *
 * - Lazy: nothing is taken from the pool until the operation's first statement, which begins
 *   the transaction (`START TRANSACTION; SELECT set_config(…, true)`, one round trip).
 * - One connection: the statements run one after the other on it (the resolvers' concurrent
 *   loader batches queue here instead of taking a pooled connection each).
 * - A failed statement rolls the transaction back at once, and the next statement begins a
 *   fresh one: one field's failure doesn't fail the other fields, as before.
 * - `end()` commits and gives the connection back; the settings were transaction-local, so
 *   nothing of the tenant stays on the pooled connection. A connection whose COMMIT or
 *   ROLLBACK failed is closed, never reused. Statements after `end()` (work a resolver left
 *   running) run on pooled connections in transactions of their own, as without one.
 * - Reads only, by intent: a service's `scope.transaction(…)` still opens a transaction of its
 *   own on another connection (OrganizationScope), so mutations behave exactly as before. A
 *   single write outside one (the read audit) joins the operation's transaction and commits
 *   with it; hooks registered with `afterCommit` run after that commit.
 * - Deadlock-free: operations hold at most `slots` connections at once, fewer than the pool
 *   has, so a resolver's own transaction (which holds one connection and waits for nothing)
 *   always finds one, even when every slot is held by an operation waiting for it.
 */
export class OperationTransaction {
  /** The manager that the operation's scope uses: its builders run their statements here. */
  readonly manager: EntityManager;
  /** What `afterCommit` registered, run once the operation's transaction has committed. */
  readonly commitHooks = new Map<string, () => void>();
  private readonly runner: PostgresRunner;
  private connection?: Connection;
  private state: 'idle' | 'open' | 'ended' = 'idle';
  /** Statements (and the end) one after the other: a failed one is rolled back before the next starts. */
  private queue: Promise<unknown> = Promise.resolve();
  private holdsSlot = false;
  private ending?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    readonly tenant: DatabaseTenant,
    private readonly slots: ConnectionSlots,
  ) {
    const runner = dataSource.createQueryRunner() as PostgresRunner;
    const run = runner.query.bind(runner);
    runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) =>
      this.statement(
        () => run(sql, parameters, structured as true),
        () => this.onPooledConnection((pooled) => withTenant(tenant, () => pooled.query(sql, parameters, structured as true))),
      )) as QueryRunner['query'];
    // To TypeORM the runner is inside a transaction from the start (it begins with the first
    // statement), so nothing there starts one of its own on it (`save` would).
    (runner as { isTransactionActive: boolean }).isTransactionActive = true;
    const refuse = () => Promise.reject(new Error("An operation's transaction is its own: open another with scope.transaction()"));
    runner.startTransaction = refuse;
    runner.commitTransaction = refuse;
    runner.rollbackTransaction = refuse;
    this.runner = runner;
    this.manager = dataSource.createEntityManager(runner);
    managers.add(this.manager);
  }

  /** Commits (after the statements in flight) and gives the connection back; runs the commit hooks. Never throws. */
  end(): Promise<void> {
    if (!this.ending) {
      this.ending = this.queue.then(() => this.finish());
      this.queue = this.ending;
    }
    return this.ending;
  }

  private statement<T>(run: () => Promise<T>, afterEnd: () => Promise<T>): Promise<T> {
    if (this.ending) return afterEnd();
    const result = this.queue.then(async () => {
      if (this.state === 'ended') return afterEnd();
      if (this.state === 'idle') await this.begin();
      try {
        return await run();
      } catch (error) {
        await this.rollBack();
        throw error;
      }
    });
    this.queue = result.catch(() => {});
    return result;
  }

  private async begin(): Promise<void> {
    try {
      if (!this.connection) {
        await this.slots.acquire();
        this.holdsSlot = true;
        this.connection = await this.runner.connect();
      }
      // TenantAwareClient adds the tenant's settings to the START, in the same round trip.
      await withTenant(this.tenant, () => this.connection!.query('START TRANSACTION'));
      this.state = 'open';
    } catch (error) {
      // No connection, or one that failed to begin: the statement fails as it would have; the rest run on pooled ones.
      await this.release(error as Error);
      throw error;
    }
  }

  /** After a failed statement: the transaction is over; the next statement begins another. */
  private async rollBack(): Promise<void> {
    this.state = 'idle';
    try {
      await this.connection?.query('ROLLBACK');
    } catch (error) {
      // The connection is gone or confused: close it; what is left of the operation runs on pooled ones.
      await this.release(error as Error);
    }
  }

  private async finish(): Promise<void> {
    const open = this.state === 'open';
    this.state = 'ended';
    let committed = true;
    if (this.connection) {
      try {
        if (open) await this.connection.query('COMMIT');
        await this.release();
      } catch (error) {
        committed = false;
        logger.error({ err: error }, "Could not commit an operation's transaction");
        await this.release(error as Error);
      }
    }
    if (!committed) return;
    for (const hook of this.commitHooks.values()) hook();
  }

  /** Back to the pool (closed there when `error` says the connection can't be trusted), and the slot with it. */
  private async release(error?: Error): Promise<void> {
    this.state = 'ended';
    this.connection = undefined;
    try {
      await (error ? this.runner.releasePostgresConnection(error) : this.runner.release());
    } finally {
      if (this.holdsSlot) {
        this.holdsSlot = false;
        this.slots.release();
      }
    }
  }

  /** A statement after the operation: on a pooled connection, in a transaction of its own (TenantAwareClient). */
  private async onPooledConnection<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const pooled = this.dataSource.createQueryRunner();
    try {
      return await work(pooled);
    } finally {
      await pooled.release();
    }
  }
}
