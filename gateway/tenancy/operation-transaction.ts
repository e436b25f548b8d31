import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { isAbortedTransaction } from '../database/database-error.js';
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

type OperationState = 'idle' | 'open' | 'ended';

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
 * - One connection, pipelined: the resolvers' concurrent statements (their loader batches)
 *   go out on it at once, without waiting for each other's answers (pg's pipeline mode,
 *   TenantAwareClient). The COMMIT and a ROLLBACK wait until every statement out has been
 *   answered: one still on its way through TypeORM would otherwise land behind them, outside
 *   the transaction, or in the next user's of the pooled connection.
 * - A failed statement rolls the transaction back at once, and the next statement begins a
 *   fresh one: one field's failure doesn't fail the other fields, as before. Statements sent
 *   behind it find the transaction aborted (25P02); they run again in the fresh one.
 * - `end()` commits and gives the connection back; the settings were transaction-local, so
 *   nothing of the tenant stays on the pooled connection. A connection whose COMMIT or
 *   ROLLBACK failed is closed, never reused. Statements after `end()` (work a resolver left
 *   running) run on pooled connections in transactions of their own, as without one. A
 *   COMMIT that PostgreSQL answers as a rollback (the transaction aborted) runs no commit hooks.
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
  private state: OperationState = 'idle';
  /** The begin under way, which every statement arriving meanwhile waits for. */
  private opening?: Promise<void>;
  /** The rollback after a failed statement, which statements wait for before they begin afresh. */
  private recovery?: Promise<void>;
  /** Which transaction on the connection is open: a failure rolls back only its own. */
  private generation = 0;
  /** Statements sent (or on their way through TypeORM) and not yet answered. */
  private readonly inFlight = new Set<Promise<unknown>>();
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

  /** Commits (once the statements in flight are answered) and gives the connection back; runs the commit hooks. Never throws. */
  end(): Promise<void> {
    this.ending ??= this.finish();
    return this.ending;
  }

  private async statement<T>(run: () => Promise<T>, afterEnd: () => Promise<T>): Promise<T> {
    if (this.ending) return afterEnd();
    for (let attempt = 0; ; attempt++) {
      if (this.recovery) await this.recovery;
      if (this.state === 'ended') return afterEnd();
      if (this.state === 'idle') {
        if (this.opening) await this.opening.catch(() => {});
        else await this.open();
        continue;
      }
      const generation = this.generation;
      const sent = run();
      this.inFlight.add(sent);
      const answered = () => void this.inFlight.delete(sent);
      sent.then(answered, answered);
      try {
        return await sent;
      } catch (error) {
        // Read again (widened past the check above): the state may have moved on while the statement was out.
        if ((this.state as OperationState) === 'ended') {
          // On a connection given up (its COMMIT or ROLLBACK failed).
          if (isAbortedTransaction(error) && attempt === 0) return afterEnd();
          throw error;
        }
        if (generation === this.generation) this.recover();
        // Sent behind the statement that failed: not this one's fault; once more, in a fresh transaction.
        if (isAbortedTransaction(error) && attempt === 0) continue;
        throw error;
      }
    }
  }

  /** Begins the transaction (its start goes with the first statement); a statement that can't begin fails as it would have. */
  private async open(): Promise<void> {
    this.opening = this.begin();
    try {
      await this.opening;
    } finally {
      this.opening = undefined;
    }
  }

  private async begin(): Promise<void> {
    try {
      if (!this.connection) {
        await this.slots.acquire();
        this.holdsSlot = true;
        this.connection = await this.runner.connect();
      }
      // TenantAwareClient adds the tenant's settings to the START, and sends both with the first statement.
      await withTenant(this.tenant, () => this.connection!.query('START TRANSACTION'));
      this.generation += 1;
      this.state = 'open';
    } catch (error) {
      // No connection, or one that failed to begin: the statement fails as it would have; the rest run on pooled ones.
      await this.release(error as Error);
      throw error;
    }
  }

  /** After a failed statement: the transaction is over (rolled back once what is in flight is answered); the next statement begins another. */
  private recover(): void {
    this.state = 'idle';
    this.generation += 1;
    const connection = this.connection;
    const answered = Promise.allSettled([...this.inFlight]);
    this.recovery = (async () => {
      try {
        await answered;
        await connection?.query('ROLLBACK');
      } catch (error) {
        // The connection is gone or confused: close it; what is left of the operation runs on pooled ones.
        if (this.connection === connection) await this.release(error as Error);
      } finally {
        this.recovery = undefined;
      }
    })();
  }

  private async finish(): Promise<void> {
    // A begin, a rollback or statements under way settle first (a statement waiting for either may send one more).
    for (;;) {
      if (this.opening) await this.opening.catch(() => {});
      else if (this.recovery) await this.recovery;
      else if (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      else break;
    }
    const open = this.state === 'open';
    this.state = 'ended';
    let committed = true;
    if (this.connection) {
      try {
        if (open) {
          const answer = (await this.connection.query('COMMIT')) as { command?: string } | undefined;
          // PostgreSQL answers a COMMIT of an aborted transaction with ROLLBACK.
          committed = answer?.command !== 'ROLLBACK';
        }
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
