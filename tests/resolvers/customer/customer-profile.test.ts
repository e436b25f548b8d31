import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const UPDATE = `mutation ($input: UpdateCustomerInput!) {
  updateCustomer(input: $input) { id name phone email externalId dateOfBirth preferredLanguage staffNote }
}`;
const PROFILE = `query ($id: ID!) { customer(id: $id) { name phone dateOfBirth preferredLanguage staffNote } }`;

describe('customer profile', () => {
  let gateway: TestGateway;
  let north: PharmacyFixture;
  let south: PharmacyFixture;

  beforeAll(async () => {
    gateway = await startTestGateway();
    north = await createPharmacy(gateway.dataSource, gateway.tokens, 'north-profile');
    south = await createPharmacy(gateway.dataSource, gateway.tokens, 'south-profile');
  });
  afterAll(() => gateway.dispose());

  const update = (input: Record<string, unknown>, token = north.tokens.pharmacist) => gateway.graphql(UPDATE, { input }, token);

  it('changes only the given fields and clears with null', async () => {
    const id = north.customers[0].id;
    const changed = await update({ id, phone: '+31611112222', dateOfBirth: '1961-04-30', preferredLanguage: 'nl', staffNote: 'Prefers a call after 17:00' });
    expect(changed.errors).toBeUndefined();
    expect(changed.data.updateCustomer).toMatchObject({ name: north.customers[0].name, phone: '+31611112222', dateOfBirth: '1961-04-30', preferredLanguage: 'nl', staffNote: 'Prefers a call after 17:00' });
    const cleared = await update({ id, dateOfBirth: null, email: 'ALICE@Example.com' });
    expect(cleared.data.updateCustomer).toMatchObject({ dateOfBirth: null, email: 'alice@example.com', phone: '+31611112222' });
  });

  it('records which fields changed in the audit log, without their values', async () => {
    const id = north.customers[1].id;
    await update({ id, name: 'Bob Brouwer', phone: '+31622223333' });
    const [entry] = await gateway.dataSource.query(`SELECT details FROM audit_event WHERE action = 'CUSTOMER_UPDATED' AND object_id = $1 ORDER BY created_at DESC LIMIT 1`, [id]);
    expect(entry.details).toEqual({ fields: 'name,phone' });
    expect(JSON.stringify(entry.details)).not.toContain('31622223333');
  });

  it('refuses bad input with BAD_USER_INPUT, another customer’s external id with CONFLICT, another pharmacy’s customer with NOT_FOUND', async () => {
    const id = north.customers[0].id;
    for (const input of [{ phone: '12' }, { dateOfBirth: '2999-01-01' }, { dateOfBirth: '1980-02-30' }, { preferredLanguage: 'Dutch!' }, { name: '  ' }, { email: 'nope' }]) {
      expect([input, (await update({ id, ...input })).errors?.[0]?.extensions?.code]).toEqual([input, 'BAD_USER_INPUT']);
    }
    await update({ id: north.customers[1].id, externalId: 'store-42' });
    expect((await update({ id, externalId: 'store-42' })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await update({ id: south.customers[0].id, name: 'Hijack' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps the staff note from the customer themself and from keys, and lets keys without customers:write change nothing', async () => {
    const id = north.customers[0].id;
    await update({ id, staffNote: 'Do not mention the diagnosis' });
    const own = await gateway.graphql(`{ conversations(first: 1) { edges { node { customer { id staffNote } } } } }`, {}, north.tokens.customer);
    const customerSelf = await gateway.graphql(`mutation { startConversation(input: {}) { customer { staffNote dateOfBirth } } }`, {}, north.tokens.customer);
    expect(JSON.stringify([own, customerSelf])).not.toContain('diagnosis');
    const asKey = await gateway.graphql(PROFILE, { id }, north.tokens.partnerWrite);
    expect(asKey.data.customer.staffNote).toBeNull();
    expect((await update({ id, name: 'Key rename' }, north.tokens.partnerRead)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await update({ id, name: 'Self rename' }, north.tokens.customer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
