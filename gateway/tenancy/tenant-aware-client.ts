import pg from 'pg';
import { answeredTogether } from './answered-together.js';
import { StatementNames } from './statement-names.js';
import { currentTenant, type DatabaseTenant } from './tenant-context.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TRANSACTION_START = /^\s*(START\s+TRANSACTION|BEGIN)\b/i;
const TRANSACTION_END = /^\s*(COMMIT|END|ROLLBACK|ABORT)\s*;?\s*$/i;
const TRANSACTION_MODE = /^\s*SET\s+TRANSACTION\s+([^;]+?)\s*;?\s*$/i;

/**
 * The application's PostgreSQL connection (pg's `Client` option of the pool). Row-level
 * security needs to know the tenant of every statement, and the setting must never
 * outlive a transaction, or a pooled connection would carry one pharmacy's id into the
 * next request. So, for work running `withTenant`:
 * - a transaction gets `set_config(…, true)` right after it starts;
 * - a statement outside one becomes its own short transaction with the settings.
 * Outside `withTenant` statements run as written, and the policies show no tenant rows.
 *
 * Round trips are much of what a statement costs (a write and a read apiece; a network's
 * latency where the database is elsewhere), so the connection runs in pg's pipeline mode: a
 * statement sent while others are out goes right behind them (an operation's concurrent loader
 * batches, OperationTransaction), and the ones that wait on nothing are saved:
 * - a transaction's start waits for its first statement and goes in the same write (Npgsql's
 *   lazy BEGIN); a transaction that runs nothing sends nothing;
 * - a statement outside a transaction goes out with its BEGIN and COMMIT in one write. Each
 *   keeps its own Sync, so a failed statement leaves the transaction aborted and the COMMIT
 *   behind it ends it as a rollback; a failed start fails the statement behind it.
 *
 * Texts sent in the same tick leave in one write: an operation's concurrent statements reach
 * the client a few microtasks apart, and each write to the socket is a system call and a
 * wake-up of the server's process (a quarter of the send path's sampled time was spent in them).
 *
 * A parameterized text the connection has sent before goes as a named statement, so the
 * server plans it once (StatementNames); evicted names are deallocated in the round trip that
 * starts the next transaction.
 */
export class TenantAwareClient extends pg.Client {
  /** Told how many statements each text sent holds (QueryCounter.sent), when the pool's options name one. */
  private readonly tally?: StatementTally;
  private transactionOpen = false;
  /** The open transaction's start, not sent yet: it goes with the transaction's first statement. */
  private pendingStart?: PendingStart;
  /** Serializes this connection's wrapped statements, so no other statement lands inside one. */
  private wrapped: Promise<unknown> = Promise.resolve();
  private readonly names: StatementNames;
  /** Texts sent and not yet answered: one sent while others are out waits for no round trip of its own. */
  private outstanding = 0;
  /** The socket holds its writes until the current tick ends (`batchWrites`). */
  private corked = false;

  constructor(config?: pg.ClientConfig & { statementTally?: StatementTally; preparedStatements?: number }) {
    // pg's pipeline mode (8.2x, not yet in its types): a text goes out without waiting for the answer to the one before.
    super({ ...config, pipeline: true } as pg.ClientConfig);
    this.tally = config?.statementTally;
    this.names = new StatementNames(config?.preparedStatements);
  }

  // pg's overloads (callbacks, query objects, streams) pass through untouched; TypeORM uses (text, values).
  override query(...args: any[]): any {
    const [text, values, callback] = args;
    if (typeof text !== 'string' || typeof values === 'function' || callback !== undefined) {
      this.startPending()?.catch(() => {});
      this.tally?.sent(1);
      this.tally?.waited?.();
      return super.query(...(args as [any]));
    }
    const tenant = currentTenant();
    if (TRANSACTION_START.test(text)) {
      // The start waits for the first statement; TypeORM needs only to know it went well.
      this.pendingStart = { text, tenant };
      this.transactionOpen = true;
      return Promise.resolve(resultOf('BEGIN'));
    }
    if (TRANSACTION_END.test(text)) {
      this.transactionOpen = false;
      if (this.pendingStart) {
        // Nothing ran: there is no transaction to end.
        this.pendingStart = undefined;
        return Promise.resolve(resultOf(/^\s*(COMMIT|END)/i.test(text) ? 'COMMIT' : 'ROLLBACK'));
      }
      return this.send(text);
    }
    const mode = TRANSACTION_MODE.exec(text);
    if (mode && this.pendingStart && this.pendingStart.mode === undefined) {
      // SET TRANSACTION must precede every query: it joins the start, ahead of our settings.
      this.pendingStart.mode = mode[1];
      return Promise.resolve(resultOf('SET'));
    }
    if (this.transactionOpen) {
      if (!this.pendingStart) return this.send(text, values);
      return this.together(() => [this.startPending()!, this.send(text, values)], 1);
    }
    if (!tenant) return this.send(text, values);
    const run = this.wrapped.then(() => this.inOwnTransaction(text, values, tenant));
    this.wrapped = run.catch(() => {});
    return run;
  }

  /** Sends the pending start of the open transaction, if any. */
  private startPending(): Promise<pg.QueryResult> | undefined {
    const start = this.pendingStart;
    if (!start) return undefined;
    this.pendingStart = undefined;
    return this.sendStart(start);
  }

  /** A transaction's start with its mode and the tenant's settings, after the evicted names' DEALLOCATEs (outside it). */
  private sendStart(start: PendingStart): Promise<pg.QueryResult> {
    const evicted = this.deallocations();
    const mode = start.mode === undefined ? '' : `; SET TRANSACTION ${start.mode}`;
    const settings = start.tenant ? `; ${tenantSettings(start.tenant)}` : '';
    return this.send(`${evicted.text}${start.text}${mode}${settings}`, undefined, evicted.count + 1 + (mode ? 1 : 0) + (start.tenant ? 1 : 0));
  }

  /** A statement outside a transaction, as its own transaction with the tenant's settings: one write, one wait. */
  private inOwnTransaction(text: string, values: unknown[] | undefined, tenant: DatabaseTenant): Promise<pg.QueryResult> {
    return this.together(() => [this.sendStart({ text: 'BEGIN', tenant }), this.send(text, values), this.send('COMMIT')], 1);
  }

  /**
   * Texts sent back to back (pipeline mode answers each in turn; `send` puts them in one write),
   * settled together (`answeredTogether`): the answer at `index`, or the failure that aborted them.
   */
  private together(texts: () => Promise<pg.QueryResult>[], index: number): Promise<pg.QueryResult> {
    // Settled only when all are answered, so the caller finds the connection idle again (its transaction ended).
    return answeredTogether(texts()).then((answers) => answers[index]!);
  }

  /** One text to PostgreSQL, holding `statements` statements (several only in our own multi-statement texts). */
  private send(text: string, values?: unknown[], statements = 1): Promise<pg.QueryResult> {
    this.batchWrites();
    this.tally?.sent(statements);
    if (this.outstanding === 0) this.tally?.waited?.();
    this.outstanding += 1;
    // Only a text with parameters: a multi-statement text can't be prepared, and takes none.
    const name = values && values.length > 0 ? this.names.nameFor(text) : undefined;
    const answer: Promise<pg.QueryResult> = name === undefined ? super.query(text, values) : super.query({ name, text, values });
    const answered = () => void (this.outstanding -= 1);
    answer.then(answered, answered);
    return answer;
  }

  /**
   * Holds the socket's writes until the current tick's microtasks have run (Node's own advice
   * for batching writes: cork, then uncork on the next tick), so the texts sent meanwhile leave
   * together. pg corks around each text's messages too; the counts nest.
   */
  private batchWrites(): void {
    if (this.corked) return;
    const stream = this.pgConnection.stream;
    stream.cork();
    this.corked = true;
    process.nextTick(() => {
      this.corked = false;
      stream.uncork();
    });
  }

  /** pg's connection under this client (not in its public types). */
  private get pgConnection(): PgConnection {
    return (this as unknown as { connection: PgConnection }).connection;
  }

  /**
   * `DEALLOCATE …; ` for each evicted statement the server holds, to go before a transaction's
   * start in its round trip: outside a transaction, where nothing refuses it. pg forgets them
   * here; their names are never sent again.
   */
  private deallocations(): { text: string; count: number } {
    const statements = this.pgConnection;
    const names = this.names.evicted((name) => {
      if (statements.parsedStatements[name] !== undefined) return 'prepared';
      return statements.submittedNamedStatements?.[name] !== undefined ? 'in flight' : 'unknown';
    });
    for (const name of names) delete statements.parsedStatements[name];
    return { text: names.map((name) => `DEALLOCATE ${name}; `).join(''), count: names.length };
  }
}

/** A transaction's start as TypeORM asked for it, with the tenant of that moment and any `SET TRANSACTION` after it. */
interface PendingStart {
  text: string;
  tenant: DatabaseTenant | undefined;
  mode?: string;
}

/** What pg answers a command that returns no rows; for the ones that wait to be sent, or never need to be. */
function resultOf(command: string): pg.QueryResult {
  return { command, rowCount: null, oid: 0, rows: [], fields: [] } as unknown as pg.QueryResult;
}

/** What of pg's connection the client uses: its socket, and what it remembers of the named statements it sent. */
interface PgConnection {
  stream: { cork(): void; uncork(): void };
  /** Parsed by the server. */
  parsedStatements: Record<string, string>;
  /** Sent, parse not yet answered (pg 8.2x). */
  submittedNamedStatements?: Record<string, string>;
}

/** Whoever counts what the connection sends (the data source's QueryCounter). */
export interface StatementTally {
  sent(statements: number): void;
  /** Once per round trip: a text sent while none is out (those sent with it, or while it is out, wait on the same). */
  waited?(): void;
}

/** Inlined rather than bound: a multi-statement text can't take parameters. Both are checked UUIDs. */
function tenantSettings(tenant: DatabaseTenant): string {
  if (!UUID.test(tenant.organizationId) || (tenant.customerId !== undefined && !UUID.test(tenant.customerId))) {
    throw new Error('A database tenant is made of UUIDs');
  }
  return `SELECT set_config('counterchat.organization_id', '${tenant.organizationId}', true), set_config('counterchat.customer_id', '${tenant.customerId ?? ''}', true)`;
}
