import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Customer } from '../../../entities/customer.entity.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const CUSTOMERS = `query ($search: String, $first: Int, $after: String) {
  customers(search: $search, first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { name phone } } }
}`;
const INBOX = `query ($search: String) { conversations(first: 50, filter: { search: $search }) { edges { node { customer { name } } } } }`;

describe('customer lookup', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;

  const names = async (search: string, token = pharmacy.tokens.pharmacist) => {
    const response = await gateway.graphql(CUSTOMERS, { search, first: 50 }, token);
    expect(response.errors).toBeUndefined();
    return response.data.customers.edges.map((edge: { node: { name: string } }) => edge.node.name);
  };

  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'lookup');
    const other = await createPharmacy(gateway.dataSource, gateway.tokens, 'lookup-other');
    const add = (organizationId: string, name: string, phone: string | null = null) =>
      gateway.dataSource.manager.insert(Customer, { organizationId, name, phone, email: null, externalId: null });
    await add(pharmacy.organization.id, 'Jan van Dijk', '+31201234567');
    await add(pharmacy.organization.id, 'Dijkstra Pieter');
    await add(pharmacy.organization.id, 'Anna Dijkman');
    await add(pharmacy.organization.id, 'Ed 50%_off');
    await add(other.organization.id, 'Kees van Dijk');
  });
  afterAll(() => gateway.dispose());

  it('finds a name by any part of three or more characters, case-insensitively', async () => {
    expect(await names('Dijk')).toEqual(['Dijkstra Pieter', 'Anna Dijkman', 'Jan van Dijk']);
    expect(await names('VAN D')).toEqual(['Jan van Dijk']);
  });

  it('puts matches at the start of the name first, then alphabetical', async () => {
    expect(await names('dijk')).toEqual(['Dijkstra Pieter', 'Anna Dijkman', 'Jan van Dijk']);
  });

  it('pages through ranked matches without repeats', async () => {
    const first = await gateway.graphql(CUSTOMERS, { search: 'dijk', first: 2 }, pharmacy.tokens.pharmacist);
    expect(first.data.customers.pageInfo.hasNextPage).toBe(true);
    const second = await gateway.graphql(CUSTOMERS, { search: 'dijk', first: 2, after: first.data.customers.pageInfo.endCursor }, pharmacy.tokens.pharmacist);
    expect(second.errors).toBeUndefined();
    expect([...first.data.customers.edges, ...second.data.customers.edges].map((edge: any) => edge.node.name)).toEqual([
      'Dijkstra Pieter',
      'Anna Dijkman',
      'Jan van Dijk',
    ]);
  });

  it('matches shorter terms at the start of the name only', async () => {
    expect(await names('Ja')).toEqual(['Jan van Dijk']);
    expect(await names('an')).toEqual(['Anna Dijkman']);
  });

  it('matches phone numbers by prefix, ignoring spaces and dashes', async () => {
    expect(await names('+31 20-123')).toEqual(['Jan van Dijk']);
    expect(await names('1234567')).toEqual([]);
  });

  it('treats LIKE wildcards as text', async () => {
    expect(await names('50%_')).toEqual(['Ed 50%_off']);
    expect(await names('%')).toEqual([]);
  });

  it("never finds another pharmacy's customers", async () => {
    expect(await names('Kees')).toEqual([]);
  });

  it('filters the inbox by the same rule', async () => {
    const jan = (await gateway.dataSource.manager.findOneByOrFail(Customer, { name: 'Jan van Dijk' })).id;
    const started = await gateway.graphql(
      `mutation ($id: ID) { startConversation(input: { customerId: $id, subject: "Hi" }) { id } }`,
      { id: jan },
      pharmacy.tokens.pharmacist,
    );
    expect(started.errors).toBeUndefined();
    const inbox = await gateway.graphql(INBOX, { search: 'van dijk' }, pharmacy.tokens.pharmacist);
    expect(inbox.data.conversations.edges.map((edge: any) => edge.node.customer.name)).toEqual(['Jan van Dijk']);
  });

  it('can use the trigram index for a substring search and the prefix index for a short one', async () => {
    // A pharmacy-sized table, so the planner weighs the indexes as it would in production (last test: the rows stay).
    await gateway.dataSource.query(
      `INSERT INTO customer (organization_id, name, phone)
       SELECT $1, 'Customer ' || md5(n::text), '+3161' || lpad(n::text, 7, '0') FROM generate_series(1, 5000) AS n`,
      [pharmacy.organization.id],
    );
    await gateway.dataSource.query('ANALYZE customer');
    // At this size a sequential scan still wins on cost (about 170 against about 220 for the
    // trigram bitmap scan in our runs); forbid it to see that the index can serve the query.
    const plan = await gateway.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const explain = async (pattern: string, column = 'lower(name)') =>
        (await manager.query(`EXPLAIN SELECT id FROM customer WHERE organization_id = $1 AND ${column} LIKE $2`, [pharmacy.organization.id, pattern]))
          .map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN'])
          .join('\n');
      return { infix: await explain('%dijk%'), prefix: await explain('ja%') };
    });
    expect(plan.infix).toMatch(/Index Cond: \(\(organization_id = .* AND \(lower\(name\) ~~ '%dijk%'::text\)\)/);
    expect(plan.infix).toContain('customer_name_trgm_idx');
    expect(plan.prefix).toMatch(/customer_name_(prefix|trgm)_idx/);
  });
});
