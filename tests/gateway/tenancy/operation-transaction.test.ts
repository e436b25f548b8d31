import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { StaffRole } from '../../../entities/staff-user.entity.js';
import type { SignedInViewer } from '../../../gateway/auth/viewer.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { quietSessions, startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';
import { waitUntil } from '../../support/wait-until.js';

/**
 * One transaction per read operation (gateway/tenancy/operation-transaction.ts): its
 * statements share one BEGIN with the tenant's settings and one COMMIT, and when it ends —
 * however it ends — its connection goes back to the pool with no transaction open and no
 * tenant setting left on it.
 */
let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let conversationId: string;

const staffOf = (fixture: PharmacyFixture): SignedInViewer => ({ kind: 'staff', organizationId: fixture.organization.id, staffId: fixture.admin.id, role: StaffRole.ADMIN });
const tenant = () => ({ organizationId: pharmacy.organization.id });
const pool = () => (gateway.appDataSource.driver as unknown as { master: Pool }).master;
const SEEN = `SELECT txid_current()::text AS tx, pg_backend_pid() AS pid, current_setting('counterchat.organization_id', true) AS organization WHERE $1::uuid IS NOT NULL`;

/** Every connection of the pool at once (so each is a different one): what tenant each still carries. */
async function settingsLeftOnPooledConnections(): Promise<string[]> {
  const connections = Math.max(1, pool().totalCount);
  const rows = await Promise.all(
    Array.from({ length: connections }, () =>
      gateway.appDataSource.query(`SELECT pg_sleep(0.05), coalesce(current_setting('counterchat.organization_id', true), '') AS organization`),
    ),
  );
  return rows.map(([row]) => row.organization).filter((organization) => organization !== '');
}

/** The application role's connections to this test's database that sit inside a transaction. */
async function transactionsLeftOpen(): Promise<number> {
  const [row] = await gateway.dataSource.query(
    `SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database() AND usename <> current_user AND state LIKE 'idle in transaction%'`,
  );
  return row.open;
}

const allConnectionsBack = () => waitUntil('every connection back in the pool', () => pool().idleCount === pool().totalCount && pool().waitingCount === 0);

beforeAll(async () => {
  gateway = await startTestGateway({ config: withoutBackgroundWork, sessions: quietSessions });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'operation-transaction');
  const started = await gateway.graphql(`mutation { startConversation(input: { subject: "Held" }) { id } }`, {}, pharmacy.tokens.customer);
  conversationId = started.data.startConversation.id;
  await gateway.graphql(
    `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
    { input: { conversationId, body: 'Hello', clientMessageId: nextClientMessageId() } },
    pharmacy.tokens.customer,
  );
  // The send's read audit is written just after its response: not inside the first test's count.
  await waitUntil('the send settled', async () => {
    const before = gateway.queries.statements;
    await new Promise((resolve) => setTimeout(resolve, 150));
    return gateway.queries.statements === before;
  });
});

afterAll(() => gateway?.dispose());

describe("an operation's transaction", () => {
  it('runs its statements in one transaction as the tenant, in BEGIN + settings, the statements and COMMIT', async () => {
    const operation = gateway.database.openOperation(tenant());
    const scope = gateway.database.scopeFor(staffOf(pharmacy), undefined, operation);
    const sentBefore = gateway.queries.statements;
    const waitsBefore = gateway.queries.roundTrips;
    const [first] = await scope.query(SEEN);
    const [second] = await scope.query(SEEN);
    const conversations = await scope.conversations().getMany();
    await operation.end();
    expect(second!.tx).toBe(first!.tx);
    expect(first!.organization).toBe(pharmacy.organization.id);
    expect(conversations.map((conversation) => conversation.id)).toContain(conversationId);
    // START TRANSACTION and set_config in one text, three statements, COMMIT (each alone: 4 apiece).
    expect(gateway.queries.statements - sentBefore).toBe(2 + 3 + 1);
    // The start waits for the first statement and goes with it: four waits, not five.
    expect(gateway.queries.roundTrips - waitsBefore).toBe(3 + 1);
    // The same connection, next out of the pool, carries no tenant.
    const [after] = await gateway.appDataSource.query(`SELECT pg_backend_pid() AS pid, coalesce(current_setting('counterchat.organization_id', true), '') AS organization`);
    expect(after.pid).toBe(first!.pid);
    expect(after.organization).toBe('');
  });

  it('sends concurrent statements at once, behind the first, and waits for their answers before it commits', async () => {
    const operation = gateway.database.openOperation(tenant());
    const scope = gateway.database.scopeFor(staffOf(pharmacy), undefined, operation);
    const [first] = await scope.query(SEEN);
    const waitsBefore = gateway.queries.roundTrips;
    const slow = `SELECT pg_sleep(0.1), txid_current()::text AS tx WHERE $1::uuid IS NOT NULL`;
    const answers = await Promise.all([scope.query(slow), scope.query(SEEN), scope.query(SEEN)]);
    // Three statements out together: one round trip, not three.
    expect(gateway.queries.roundTrips - waitsBefore).toBe(1);
    expect(answers.map(([row]) => row.tx)).toEqual([first!.tx, first!.tx, first!.tx]);
    const ending = operation.end();
    const late = scope.query(SEEN);
    await ending;
    // Asked after the end: in a transaction of its own, still as the tenant.
    expect((await late)[0].organization).toBe(pharmacy.organization.id);
    expect((await late)[0].tx).not.toBe(first!.tx);
    await allConnectionsBack();
    expect(await transactionsLeftOpen()).toBe(0);
  });

  it('fails only the statement that failed among concurrent ones: those sent behind it run again in a fresh transaction', async () => {
    const operation = gateway.database.openOperation(tenant());
    const scope = gateway.database.scopeFor(staffOf(pharmacy), undefined, operation);
    const [first] = await scope.query(SEEN);
    const [failed, behind, after] = await Promise.allSettled([
      scope.query(`SELECT 1 / 0 AS never WHERE $1::uuid IS NOT NULL`),
      scope.query(SEEN),
      scope.query(SEEN),
    ]);
    expect(failed).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringMatching(/division by zero/) }) });
    for (const settled of [behind, after]) {
      expect(settled.status).toBe('fulfilled');
      const [row] = (settled as PromiseFulfilledResult<any[]>).value;
      expect(row.organization).toBe(pharmacy.organization.id);
      expect(row.tx).not.toBe(first!.tx);
    }
    let ran = false;
    scope.afterCommit('probe', () => void (ran = true));
    await operation.end();
    expect(ran).toBe(true);
    await allConnectionsBack();
    expect(await transactionsLeftOpen()).toBe(0);
    expect(await settingsLeftOnPooledConnections()).toEqual([]);
  });

  it('takes no connection when it runs no statement', async () => {
    const operation = gateway.database.openOperation(tenant());
    const [sentBefore, waitsBefore] = [gateway.queries.statements, gateway.queries.roundTrips];
    await operation.end();
    expect(gateway.queries.statements).toBe(sentBefore);
    expect(gateway.queries.roundTrips).toBe(waitsBefore);
    expect(gateway.database.operationSlots.inUse).toEqual({ held: 0, waiting: 0 });
  });

  it('rolls back after a failed statement, begins afresh for the next, and leaves nothing open when it ends', async () => {
    const operation = gateway.database.openOperation(tenant());
    const scope = gateway.database.scopeFor(staffOf(pharmacy), undefined, operation);
    await expect(scope.query(`SELECT 1 / 0 AS never WHERE $1::uuid IS NOT NULL`)).rejects.toThrow(/division by zero/);
    const [next] = await scope.query(SEEN);
    expect(next!.organization).toBe(pharmacy.organization.id);
    await operation.end();
    await allConnectionsBack();
    expect(await transactionsLeftOpen()).toBe(0);
    expect(await settingsLeftOnPooledConnections()).toEqual([]);
  });

  it('ends after the statement in flight, and runs later ones in transactions of their own, still as the tenant', async () => {
    const operation = gateway.database.openOperation(tenant());
    const scope = gateway.database.scopeFor(staffOf(pharmacy), undefined, operation);
    const slow = scope.query(`SELECT pg_sleep(0.2), txid_current()::text AS tx WHERE $1::uuid IS NOT NULL`);
    const ended = operation.end();
    const [row] = await slow;
    await ended;
    expect(row!.tx).toEqual(expect.any(String));
    const late = await scope.conversations().getMany();
    expect(late.map((conversation) => conversation.id)).toContain(conversationId);
    await allConnectionsBack();
    expect(gateway.database.operationSlots.inUse).toEqual({ held: 0, waiting: 0 });
  });

  it('runs what afterCommit registered only once it has committed', async () => {
    const operation = gateway.database.openOperation(tenant());
    const scope = gateway.database.scopeFor(staffOf(pharmacy), undefined, operation);
    await scope.query(SEEN);
    let ran = false;
    scope.afterCommit('probe', () => void (ran = true));
    expect(ran).toBe(false);
    await operation.end();
    expect(ran).toBe(true);
  });

  it("opens a service's own transaction on another connection, and commits it there", async () => {
    const operation = gateway.database.openOperation(tenant());
    const scope = gateway.database.scopeFor(staffOf(pharmacy), undefined, operation);
    try {
      const [outer] = await scope.query(SEEN);
      const inner = await scope.transaction(async (tx) => (await tx.query(SEEN))[0]!);
      expect(inner.tx).not.toBe(outer!.tx);
      expect(inner.pid).not.toBe(outer!.pid);
      expect(inner.organization).toBe(pharmacy.organization.id);
    } finally {
      await operation.end();
    }
  });

  it('never deadlocks when more operations than the pool has connections each open a transaction of their own', async () => {
    const operations = 2 * ((gateway.appDataSource.options as { extra?: { max?: number } }).extra?.max ?? 10);
    const finished = await Promise.all(
      Array.from({ length: operations }, async () => {
        const operation = gateway.database.openOperation(tenant());
        const scope = gateway.database.scopeFor(staffOf(pharmacy), undefined, operation);
        try {
          await scope.query(SEEN);
          // Holding its connection, each asks for a second one (the pool's wait for one would
          // time out after 10 s, failing this test, if operations could hold them all).
          return await scope.transaction(async (tx) => (await tx.query(`SELECT pg_sleep(0.05), $1::uuid AS organization`))[0]!.organization);
        } finally {
          await operation.end();
        }
      }),
    );
    expect(finished).toHaveLength(operations);
    expect(new Set(finished)).toEqual(new Set([pharmacy.organization.id]));
    await allConnectionsBack();
  }, 20_000);
});

describe('over HTTP', () => {
  const INBOX = `{ conversations(first: 20) { edges { node { id unreadCount customer { name } lastMessage { body } } } } }`;

  it('gives the connection back clean after a request whose resolver fails', async () => {
    const failed = await gateway.graphql(`query ($id: ID!) { conversation(id: $id) { id } }`, { id: randomUUID() }, pharmacy.tokens.pharmacist);
    expect(failed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await allConnectionsBack();
    expect(await transactionsLeftOpen()).toBe(0);
    expect(await settingsLeftOnPooledConnections()).toEqual([]);
  });

  it('gives the connections back clean after clients that went away mid-request', async () => {
    const aborted = Array.from({ length: 10 }, async (_, index) => {
      const controller = new AbortController();
      const request = fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${pharmacy.tokens.pharmacist}` },
        body: JSON.stringify({ query: INBOX }),
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), index);
      await request.then((response) => response.text()).catch(() => undefined);
    });
    await Promise.all(aborted);
    await allConnectionsBack();
    expect(gateway.database.operationSlots.inUse).toEqual({ held: 0, waiting: 0 });
    expect(await transactionsLeftOpen()).toBe(0);
    expect(await settingsLeftOnPooledConnections()).toEqual([]);
    // And the gateway still answers.
    const after = await gateway.graphql(INBOX, {}, pharmacy.tokens.pharmacist);
    expect(after.errors).toBeUndefined();
    expect(after.data.conversations.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(conversationId);
  });
});
