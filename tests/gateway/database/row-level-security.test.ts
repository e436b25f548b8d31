import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withTenant } from '../../../gateway/tenancy/tenant-context.js';
import { TenantScope } from '../../../gateway/tenancy/tenant-scope.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/**
 * The database's own wall between pharmacies: whatever the application's scoping does,
 * the role it connects as sees and writes only the rows of the tenant it acts for.
 */
let gateway: TestGateway;
let north: PharmacyFixture;
let south: PharmacyFixture;

const SEND = `mutation ($conversationId: ID!, $clientMessageId: String!) {
  sendMessage(input: { conversationId: $conversationId, body: "Is my prescription ready?", clientMessageId: $clientMessageId }) { id }
}`;

async function startThread(pharmacy: PharmacyFixture, token: string): Promise<string> {
  const started = await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, token);
  const conversationId = started.data.startConversation.id as string;
  const sent = await gateway.graphql(SEND, { conversationId, clientMessageId: nextClientMessageId() }, token);
  expect(sent.errors).toBeUndefined();
  return conversationId;
}

/** Tables with an organization_id column, and the organization table itself. */
async function tenantTables(): Promise<string[]> {
  const rows: { table_name: string }[] = await gateway.dataSource.query(
    `SELECT DISTINCT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND (column_name = 'organization_id' OR table_name = 'organization')
      ORDER BY table_name`,
  );
  return rows.map((row) => row.table_name);
}

const count = async (sql: string, parameters: unknown[] = []) => Number((await gateway.appDataSource.query(sql, parameters))[0].count);

beforeAll(async () => {
  gateway = await startTestGateway();
  north = await createPharmacy(gateway.dataSource, gateway.tokens, 'rls-north');
  south = await createPharmacy(gateway.dataSource, gateway.tokens, 'rls-south');
  for (const pharmacy of [north, south]) {
    await startThread(pharmacy, pharmacy.tokens.customer);
    await startThread(pharmacy, pharmacy.tokens.otherCustomer);
  }
});

afterAll(() => gateway?.dispose());

describe('the schema', () => {
  it('enables and forces row-level security, with a policy, on every table that holds tenant rows', async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(expect.arrayContaining(['message', 'conversation', 'customer', 'attachment', 'audit_event', 'organization']));
    const rows: { relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean; policies: number }[] = await gateway.dataSource.query(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
              (SELECT count(*)::int FROM pg_policies p WHERE p.schemaname = 'public' AND p.tablename = c.relname) AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname = ANY($1)`,
      [tables],
    );
    expect(rows).toHaveLength(tables.length);
    for (const row of rows) expect({ table: row.relname, enabled: row.relrowsecurity, forced: row.relforcerowsecurity, hasPolicy: row.policies > 0 }).toEqual({ table: row.relname, enabled: true, forced: true, hasPolicy: true });
  });

  it('connects the application as a role that owns no table and cannot bypass row-level security', async () => {
    const [role] = await gateway.appDataSource.query(
      `SELECT current_user AS name, rolsuper, rolbypassrls,
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ name: 'counterchat_app', rolsuper: false, rolbypassrls: false, owned: 0 });
  });
});

describe('the application role', () => {
  it('sees no tenant rows at all when it acts for no tenant', async () => {
    for (const table of await tenantTables()) {
      expect({ table, rows: await count(`SELECT count(*) FROM ${table}`) }).toEqual({ table, rows: 0 });
    }
    // The owner sees them: they exist.
    expect(Number((await gateway.dataSource.query(`SELECT count(*) FROM message`))[0].count)).toBeGreaterThan(0);
  });

  it("sees only its own pharmacy's rows, even when asking for another's by id", async () => {
    await withTenant({ organizationId: north.organization.id }, async () => {
      expect(await count(`SELECT count(*) FROM customer WHERE organization_id = $1`, [south.organization.id])).toBe(0);
      expect(await count(`SELECT count(*) FROM customer WHERE id = $1`, [south.customers[0].id])).toBe(0);
      expect(await count(`SELECT count(*) FROM message WHERE organization_id <> $1`, [north.organization.id])).toBe(0);
      expect(await count(`SELECT count(*) FROM message`)).toBeGreaterThan(0);
      expect(await count(`SELECT count(*) FROM organization`)).toBe(1);
    });
  });

  it("cannot write rows into another pharmacy, nor change another's", async () => {
    await withTenant({ organizationId: north.organization.id }, async () => {
      await expect(
        gateway.appDataSource.query(`INSERT INTO customer (organization_id, name) VALUES ($1, 'Intruder')`, [south.organization.id]),
      ).rejects.toThrow(/row-level security/);
      const [, changed] = await gateway.appDataSource.query(`UPDATE customer SET name = 'Renamed' WHERE id = $1`, [south.customers[0].id]);
      expect(changed).toBe(0);
    });
    const [southCustomer] = await gateway.dataSource.query(`SELECT name FROM customer WHERE id = $1`, [south.customers[0].id]);
    expect(southCustomer.name).toBe(south.customers[0].name);
  });

  it("shows a customer only their own customer record, conversations and messages", async () => {
    const [alice, bob] = north.customers;
    await withTenant({ organizationId: north.organization.id, customerId: alice.id }, async () => {
      expect(await count(`SELECT count(*) FROM customer`)).toBe(1);
      expect(await count(`SELECT count(*) FROM conversation WHERE customer_id = $1`, [bob.id])).toBe(0);
      expect(await count(`SELECT count(*) FROM conversation WHERE customer_id = $1`, [alice.id])).toBe(1);
      expect(await count(`SELECT count(*) FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.customer_id <> $1`, [alice.id])).toBe(0);
      expect(await count(`SELECT count(*) FROM message`)).toBeGreaterThan(0);
      expect(await count(`SELECT count(*) FROM participant p JOIN conversation c ON c.id = p.conversation_id WHERE c.customer_id <> $1`, [alice.id])).toBe(0);
    });
  });

  it('may append to the audit log but not rewrite it, not even by privilege', async () => {
    await withTenant({ organizationId: north.organization.id }, async () => {
      await gateway.appDataSource.query(`INSERT INTO audit_event (organization_id, action) VALUES ($1, 'SIGNED_IN')`, [north.organization.id]);
      expect(await count(`SELECT count(*) FROM audit_event`)).toBeGreaterThan(0);
      await expect(gateway.appDataSource.query(`UPDATE audit_event SET action = 'nothing'`)).rejects.toThrow(/permission denied/);
      await expect(gateway.appDataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/permission denied/);
    });
  });
});

describe('the tenant setting', () => {
  it('never outlives its transaction on a pooled connection', async () => {
    const runner = gateway.appDataSource.createQueryRunner();
    try {
      const setting = async () => (await runner.query(`SELECT coalesce(current_setting('counterchat.organization_id', true), '') AS value`))[0].value;
      await withTenant({ organizationId: north.organization.id }, async () => {
        expect(Number((await runner.query(`SELECT count(*) FROM conversation`))[0].count)).toBe(2);
        await runner.startTransaction();
        expect(await setting()).toBe(north.organization.id);
        await runner.commitTransaction();
      });
      // The same connection, now working for nobody: no setting, no rows.
      expect(await setting()).toBe('');
      expect(Number((await runner.query(`SELECT count(*) FROM conversation`))[0].count)).toBe(0);
      await withTenant({ organizationId: south.organization.id }, async () => {
        expect(await setting()).toBe(south.organization.id);
        expect((await runner.query(`SELECT array_agg(DISTINCT organization_id) AS ids FROM conversation`))[0].ids).toEqual([south.organization.id]);
      });
    } finally {
      await runner.release();
    }
  });

  it('lets a transaction still choose its isolation level', async () => {
    await withTenant({ organizationId: north.organization.id }, () =>
      gateway.appDataSource.transaction(async (manager) => {
        await manager.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        expect((await manager.query('SHOW transaction_isolation'))[0].transaction_isolation).toBe('repeatable read');
        expect(Number((await manager.query(`SELECT count(*) FROM conversation`))[0].count)).toBe(2);
      }),
    );
  });

  it('is rolled back with a failed statement, leaving the connection usable', async () => {
    const runner = gateway.appDataSource.createQueryRunner();
    try {
      await withTenant({ organizationId: north.organization.id }, async () => {
        await expect(runner.query(`SELECT 1 / 0`)).rejects.toThrow(/division by zero/);
        expect(Number((await runner.query(`SELECT count(*) FROM conversation`))[0].count)).toBe(2);
      });
    } finally {
      await runner.release();
    }
  });
});

describe("the tenant probe's switch", () => {
  it("really removes the application's filters, so the probe's second pass tests row-level security alone", async () => {
    const admin = { kind: 'staff', organizationId: north.organization.id, staffId: north.admin.id, role: north.admin.role } as const;
    // On the owner's connection, which bypasses row-level security, nothing else filters.
    const unfiltered = TenantScope.forViewer(admin, gateway.dataSource, undefined, 'database-only');
    const filtered = TenantScope.forViewer(admin, gateway.dataSource);
    const organizations = async (scope: TenantScope) => new Set((await scope.customers('customer').getMany()).map((customer) => customer.organizationId));
    expect(await organizations(filtered)).toEqual(new Set([north.organization.id]));
    expect(await organizations(unfiltered)).toEqual(new Set([north.organization.id, south.organization.id]));
  });
});

describe('indexes under the policies', () => {
  // PostgreSQL uses a condition in an index under row-level security only when its operator
  // is leakproof; otherwise the condition waits until the policy has filtered each row.
  it("lets an inbox status tab seek its index as the application role, not scan the pharmacy's conversations", async () => {
    const inbox = await createPharmacy(gateway.dataSource, gateway.tokens, 'rls-inbox');
    const seed = (status: string, count: number, ageDays: number) =>
      gateway.dataSource.query(
        `INSERT INTO conversation (organization_id, customer_id, channel, status, last_activity_at)
         SELECT $1, $2, 'WIDGET', '${status}', now() - make_interval(days => $3) - g * interval '1 minute' FROM generate_series(1, $4::int) g`,
        [inbox.organization.id, inbox.customers[0].id, ageDays, count],
      );
    // A few pending conversations, older than all the resolved ones.
    await seed('RESOLVED', 5_000, 1);
    await seed('PENDING', 10, 300);
    await gateway.dataSource.query('ANALYZE conversation');
    const plan: { 'QUERY PLAN': string }[] = await withTenant({ organizationId: inbox.organization.id }, () =>
      gateway.appDataSource.query(
        `EXPLAIN SELECT id FROM conversation WHERE organization_id = $1 AND status IN ($2) ORDER BY last_activity_at DESC, id DESC LIMIT 21`,
        [inbox.organization.id, 'PENDING'],
      ),
    );
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/conversation_status_inbox_idx/);
    expect(text).toMatch(/Index Cond: .*status/);
  });

  it('walks the inbox index for the first page of a busy tab, rather than reading and sorting all of it', async () => {
    const busy = await createPharmacy(gateway.dataSource, gateway.tokens, 'rls-busy-inbox');
    // 20k conversations, every tenth to third one open, interleaved in time.
    await gateway.dataSource.query(
      `INSERT INTO conversation (organization_id, customer_id, channel, status, last_activity_at)
       SELECT $1, $2, 'WIDGET', CASE WHEN g % 10 < 3 THEN 'OPEN' ELSE 'RESOLVED' END, now() - g * interval '1 minute' FROM generate_series(1, 20000) g`,
      [busy.organization.id, busy.customers[0].id],
    );
    await gateway.dataSource.query('ANALYZE conversation');
    const plan: { 'QUERY PLAN': string }[] = await withTenant({ organizationId: busy.organization.id }, () =>
      gateway.appDataSource.query(
        `EXPLAIN SELECT id FROM conversation WHERE organization_id = $1 AND status IN ($2, $3) ORDER BY last_activity_at DESC, id DESC LIMIT 21`,
        [busy.organization.id, 'OPEN', 'PENDING'],
      ),
    );
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index Scan using conversation_inbox_idx/);
    expect(text).not.toMatch(/Sort/);
  });
});
