import pg from 'pg';
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
 * A parameterized text the connection has sent before goes as a named statement, so the
 * server plans it once (StatementNames); evicted names are deallocated in the round trip that
 * starts the next transaction.
 */
export class TenantAwareClient extends pg.Client {
  /** Told how many statements each text sent holds (QueryCounter.sent), when the pool's options name one. */
  private readonly tally?: StatementTally;
  private transactionOpen = false;
  /** The open transaction has run nothing but our settings (so it can still take a `SET TRANSACTION`). */
  private onlySettingsSoFar = false;
  /** Serializes this connection's wrapped statements, so no other statement lands inside one. */
  private wrapped: Promise<unknown> = Promise.resolve();
  private readonly names: StatementNames;

  constructor(config?: pg.ClientConfig & { statementTally?: StatementTally; preparedStatements?: number }) {
    super(config);
    this.tally = config?.statementTally;
    this.names = new StatementNames(config?.preparedStatements);
  }

  // pg's overloads (callbacks, query objects, streams) pass through untouched; TypeORM uses (text, values).
  override query(...args: any[]): any {
    const [text, values, callback] = args;
    if (typeof text !== 'string' || typeof values === 'function' || callback !== undefined) {
      this.tally?.sent(1);
      return super.query(...(args as [any]));
    }
    const tenant = currentTenant();
    if (TRANSACTION_START.test(text)) return this.startTransaction(text, tenant);
    if (TRANSACTION_END.test(text)) {
      this.transactionOpen = this.onlySettingsSoFar = false;
      return this.send(text);
    }
    const mode = TRANSACTION_MODE.exec(text);
    if (mode && tenant && this.onlySettingsSoFar) {
      // SET TRANSACTION must precede every query, and our settings were one: start again in that mode.
      return (this.send(`ROLLBACK; START TRANSACTION ${mode[1]}; ${tenantSettings(tenant)}`, undefined, 3) as unknown as Promise<pg.QueryResult[]>).then((results) => results.at(-1));
    }
    this.onlySettingsSoFar = false;
    if (!tenant || this.transactionOpen) return this.send(text, values);
    const run = this.wrapped.then(() => this.inOwnTransaction(text, values, tenant));
    this.wrapped = run.catch(() => {});
    return run;
  }

  private async startTransaction(text: string, tenant: DatabaseTenant | undefined): Promise<pg.QueryResult> {
    // One round trip: pg answers a multi-statement text with one result per statement.
    const evicted = this.deallocations();
    const settings = tenant ? `; ${tenantSettings(tenant)}` : '';
    const sent = await this.send(`${evicted.text}${text}${settings}`, undefined, evicted.count + (tenant ? 2 : 1));
    this.transactionOpen = true;
    this.onlySettingsSoFar = tenant !== undefined;
    return Array.isArray(sent) ? (sent as pg.QueryResult[])[evicted.count]! : sent;
  }

  private async inOwnTransaction(text: string, values: unknown[] | undefined, tenant: DatabaseTenant): Promise<pg.QueryResult> {
    const evicted = this.deallocations();
    await this.send(`${evicted.text}BEGIN; ${tenantSettings(tenant)}`, undefined, evicted.count + 2);
    try {
      const result = await this.send(text, values);
      await this.send('COMMIT');
      return result;
    } catch (error) {
      await this.send('ROLLBACK').catch(() => {});
      throw error;
    }
  }

  /** One text to PostgreSQL, holding `statements` statements (several only in our own multi-statement texts). */
  private send(text: string, values?: unknown[], statements = 1): Promise<pg.QueryResult> {
    this.tally?.sent(statements);
    // Only a text with parameters: a multi-statement text can't be prepared, and takes none.
    const name = values && values.length > 0 ? this.names.nameFor(text) : undefined;
    return name === undefined ? super.query(text, values) : super.query({ name, text, values });
  }

  /**
   * `DEALLOCATE …; ` for each evicted statement the server holds, to go before a transaction's
   * start in its round trip: outside a transaction, where nothing refuses it. pg forgets them
   * here; their names are never sent again.
   */
  private deallocations(): { text: string; count: number } {
    const statements = (this as unknown as { connection: PgConnection }).connection;
    const names = this.names.evicted((name) => {
      if (statements.parsedStatements[name] !== undefined) return 'prepared';
      return statements.submittedNamedStatements?.[name] !== undefined ? 'in flight' : 'unknown';
    });
    for (const name of names) delete statements.parsedStatements[name];
    return { text: names.map((name) => `DEALLOCATE ${name}; `).join(''), count: names.length };
  }
}

/** What pg's connection remembers of the named statements it sent (not in its public types). */
interface PgConnection {
  /** Parsed by the server. */
  parsedStatements: Record<string, string>;
  /** Sent, parse not yet answered (pg 8.2x). */
  submittedNamedStatements?: Record<string, string>;
}

/** Whoever counts what the connection sends (the data source's QueryCounter). */
export interface StatementTally {
  sent(statements: number): void;
}

/** Inlined rather than bound: a multi-statement text can't take parameters. Both are checked UUIDs. */
function tenantSettings(tenant: DatabaseTenant): string {
  if (!UUID.test(tenant.organizationId) || (tenant.customerId !== undefined && !UUID.test(tenant.customerId))) {
    throw new Error('A database tenant is made of UUIDs');
  }
  return `SELECT set_config('counterchat.organization_id', '${tenant.organizationId}', true), set_config('counterchat.customer_id', '${tenant.customerId ?? ''}', true)`;
}
