import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { Pool, PoolConfig, QueryResult } from 'pg';
import { TenantAwareClient, type StatementTally } from '../../../gateway/tenancy/tenant-aware-client.js';
import { withTenant } from '../../../gateway/tenancy/tenant-context.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

/**
 * The application's connection (gateway/tenancy/tenant-aware-client.ts) sends a text it has
 * sent before as a named statement, keeps at most its capacity of them, and deallocates the
 * evicted ones when the next transaction starts; the tenant's settings still decide every
 * statement's rows.
 */
let gateway: TestGateway;
let first: PharmacyFixture;
let second: PharmacyFixture;
let client: TenantAwareClient | undefined;

const CUSTOMERS = `SELECT name FROM customer WHERE name LIKE $1 ORDER BY name`;

/** A connection of the application role, as the pool opens them, keeping at most `preparedStatements`. */
async function connect(preparedStatements: number, tally?: StatementTally): Promise<TenantAwareClient> {
  const options = (gateway.appDataSource.driver as unknown as { master: Pool & { options: PoolConfig } }).master.options;
  client = new TenantAwareClient({ ...options, preparedStatements, statementTally: tally });
  await client.connect();
  return client;
}

/** What the connection's server session holds prepared (a parameterless text is never named). */
async function prepared(connection: TenantAwareClient): Promise<string[]> {
  const { rows } = await connection.query(`SELECT statement FROM pg_prepared_statements ORDER BY statement`, []);
  return rows.map((row: { statement: string }) => row.statement);
}

const valueOf = async (connection: TenantAwareClient, text: string, value: number) => (await connection.query(text, [value])).rows[0].v;

beforeAll(async () => {
  gateway = await startTestGateway({ config: withoutBackgroundWork });
  first = await createPharmacy(gateway.dataSource, gateway.tokens, 'named-statements-one');
  second = await createPharmacy(gateway.dataSource, gateway.tokens, 'named-statements-two');
});

afterEach(async () => {
  await client?.end();
  client = undefined;
});

afterAll(async () => {
  await gateway?.dispose();
});

describe('named statements', () => {
  it('sends a text unnamed the first time and named from the second, with the same answers', async () => {
    const connection = await connect(10);
    const text = `SELECT $1::int + 1 AS v`;

    expect(await valueOf(connection, text, 1)).toBe(2);
    expect(await prepared(connection)).toEqual([]);
    expect(await valueOf(connection, text, 2)).toBe(3);
    expect(await valueOf(connection, text, 3)).toBe(4);
    expect(await prepared(connection)).toEqual([text]);
  });

  it("serves each tenant its own rows from one named statement, under a generic plan", async () => {
    const connection = await connect(10);
    const namesOf = (pharmacy: PharmacyFixture) =>
      withTenant({ organizationId: pharmacy.organization.id }, async () => (await connection.query(CUSTOMERS, ['%'])).rows.map((row: { name: string }) => row.name));

    // A generic plan (PostgreSQL's choice after a named statement's fifth run) from the first run.
    await connection.query('SET plan_cache_mode = force_generic_plan');
    for (let round = 0; round < 3; round++) {
      expect(await namesOf(first)).toEqual(['Alice named-statements-one', 'Bob named-statements-one']);
      expect(await namesOf(second)).toEqual(['Alice named-statements-two', 'Bob named-statements-two']);
    }
    expect(await prepared(connection)).toEqual([CUSTOMERS]);
    // Without a tenant the policies show no rows, named or not.
    expect((await connection.query(CUSTOMERS, ['%'])).rows).toEqual([]);
  });

  it('keeps at most its capacity, deallocating the least recently used when the next transaction starts', async () => {
    const connection = await connect(2);
    const [a, b, c] = ['a', 'b', 'c'].map((tag) => `SELECT $1::int AS v, '${tag}' AS tag`) as [string, string, string];
    for (const text of [a, a, b, b]) await valueOf(connection, text, 1);
    await valueOf(connection, a, 1); // a is now used more recently than b
    for (const text of [c, c]) await valueOf(connection, text, 1);

    // b was evicted; the server still holds it until a transaction starts.
    expect(await prepared(connection)).toEqual([a, b, c]);
    await withTenant({ organizationId: first.organization.id }, async () => {
      await connection.query('START TRANSACTION');
      expect(await valueOf(connection, b, 7)).toBe(7);
      await connection.query('COMMIT');
    });
    expect(await prepared(connection)).toEqual([a, c]);

    // b comes back as any new text does, under a new name.
    for (const text of [b, b]) expect(await valueOf(connection, text, 8)).toBe(8);
    expect((await prepared(connection)).length).toBe(3);
    // A transaction that runs nothing sends nothing, its DEALLOCATE included: that waits for one that does.
    await connection.query('BEGIN');
    await connection.query('COMMIT');
    expect((await prepared(connection)).length).toBe(3);
    await connection.query('BEGIN');
    await connection.query('SELECT 1');
    await connection.query('COMMIT');
    expect((await prepared(connection)).length).toBe(2);
    for (const text of [a, b, c]) expect(await valueOf(connection, text, 9)).toBe(9);
  });

  it('keeps a statement prepared inside a transaction that rolled back, and forgets one that failed to parse', async () => {
    const connection = await connect(10);
    const text = `SELECT $1::int * 2 AS v`;
    await valueOf(connection, text, 1);
    await connection.query('BEGIN');
    expect(await valueOf(connection, text, 2)).toBe(4);
    await connection.query('ROLLBACK');
    expect(await valueOf(connection, text, 3)).toBe(6);

    const broken = `SELECT $1::int AS v FROM no_such_table`;
    for (let attempt = 0; attempt < 3; attempt++) {
      await expect(connection.query(broken, [1])).rejects.toThrow('relation "no_such_table" does not exist');
    }
    expect(await prepared(connection)).toEqual([text]);
    expect(await valueOf(connection, text, 4)).toBe(8);
  });

  it('sends every text unnamed with a capacity of 0', async () => {
    const connection = await connect(0);
    const text = `SELECT $1::int AS v`;
    for (let run = 0; run < 3; run++) expect(await valueOf(connection, text, run)).toBe(run);
    expect(await prepared(connection)).toEqual([]);
  });
});

describe('round trips', () => {
  const SETTINGS = `SELECT current_setting('counterchat.organization_id', true) AS organization, current_setting('transaction_isolation') AS isolation, $1::int AS v`;

  /** Counts what the connection sends, and the writes its socket makes (one write: one round trip). */
  async function counted() {
    const tally = { statements: 0, sent(statements: number) { this.statements += statements; } };
    const connection = await connect(10, tally);
    const socket = (connection as unknown as { connection: { stream: { _write: (...args: unknown[]) => void; _writev: (...args: unknown[]) => void } } }).connection.stream;
    const writes = { count: 0 };
    for (const method of ['_write', '_writev'] as const) {
      const original = socket[method].bind(socket);
      socket[method] = (...args: unknown[]) => {
        writes.count += 1;
        original(...args);
      };
    }
    const measure = async <T>(work: () => Promise<T>) => {
      const [statements, before] = [tally.statements, writes.count];
      const result = await work();
      return { result, statements: tally.statements - statements, writes: writes.count - before };
    };
    return { connection, measure };
  }

  it("sends a transaction's start with its first statement, in one write, and nothing for a transaction that runs nothing", async () => {
    const { connection, measure } = await counted();
    const tenant = { organizationId: first.organization.id };

    const empty = await measure(() => withTenant(tenant, async () => {
      await connection.query('START TRANSACTION');
      await connection.query('COMMIT');
    }));
    expect(empty).toMatchObject({ statements: 0, writes: 0 });

    await withTenant(tenant, () => connection.query('START TRANSACTION'));
    const firstStatement = await measure((): Promise<QueryResult> => connection.query(SETTINGS, [1]));
    expect(firstStatement.result.rows).toEqual([{ organization: first.organization.id, isolation: 'read committed', v: 1 }]);
    // START TRANSACTION with the two settings, and the statement.
    expect(firstStatement).toMatchObject({ statements: 3, writes: 1 });
    await connection.query('COMMIT');
    expect(connection.getTransactionStatus()).toBe('I');
  });

  it('puts the texts sent in one tick in one write, each with its own answer', async () => {
    const { connection, measure } = await counted();
    await withTenant({ organizationId: first.organization.id }, () => connection.query('START TRANSACTION'));
    await connection.query(SETTINGS, [0]);
    const concurrent = await measure(() => Promise.all([5, 6, 7].map((value) => valueOf(connection, SETTINGS, value))));
    expect(concurrent).toMatchObject({ result: [5, 6, 7], statements: 3, writes: 1 });
    // The next tick's text is a write of its own.
    const next = await measure(() => valueOf(connection, SETTINGS, 8));
    expect(next).toMatchObject({ result: 8, writes: 1 });
    await connection.query('COMMIT');
  });

  it('lets SET TRANSACTION join the start, ahead of the settings', async () => {
    const { connection } = await connect(10).then((connection) => ({ connection }));
    await withTenant({ organizationId: second.organization.id }, async () => {
      await connection.query('START TRANSACTION');
      await connection.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      expect((await connection.query(SETTINGS, [2])).rows).toEqual([{ organization: second.organization.id, isolation: 'repeatable read', v: 2 }]);
      await connection.query('COMMIT');
    });
  });

  it('runs a statement outside a transaction as its own, BEGIN to COMMIT in one write, and rolls back one that fails', async () => {
    const { connection, measure } = await counted();
    const tenant = { organizationId: first.organization.id };

    const alone = await measure((): Promise<QueryResult> => withTenant(tenant, () => connection.query(SETTINGS, [3])));
    expect(alone.result.rows).toEqual([{ organization: first.organization.id, isolation: 'read committed', v: 3 }]);
    expect(alone).toMatchObject({ statements: 4, writes: 1 });
    expect(connection.getTransactionStatus()).toBe('I');

    // A failed statement fails with its own error; the COMMIT behind it ends the aborted transaction.
    await expect(withTenant(tenant, () => connection.query(`SELECT $1::int / 0 AS v`, [1]))).rejects.toThrow('division by zero');
    expect(connection.getTransactionStatus()).toBe('I');
    // And a failed first statement of a transaction leaves it aborted until the ROLLBACK, as without the wait.
    await withTenant(tenant, () => connection.query('START TRANSACTION'));
    await expect(connection.query(`SELECT $1::int / 0 AS v`, [1])).rejects.toThrow('division by zero');
    expect(connection.getTransactionStatus()).toBe('E');
    await connection.query('ROLLBACK');
    expect((await withTenant(tenant, () => connection.query(SETTINGS, [4]))).rows[0].v).toBe(4);
  });
});
