import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, FIXTURE_PASSWORD, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token expiresAt staff { id name role email } }
}`;
const VIEWER = `{ viewer { kind organization { slug } staff { id } customer { id } partner { id name } permissions } }`;

describe('signing in and viewers', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;

  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'north');
  });
  afterAll(() => gateway.dispose());

  it('signs a staff member in and the returned token identifies them', async () => {
    const signIn = await gateway.graphql(SIGN_IN, { email: 'Pharmacist@North.test ', password: FIXTURE_PASSWORD });
    expect(signIn.errors).toBeUndefined();
    expect(signIn.data.signIn.staff).toMatchObject({ id: pharmacy.pharmacist.id, role: 'PHARMACIST' });
    const viewer = await gateway.graphql(VIEWER, {}, signIn.data.signIn.token);
    expect(viewer.data.viewer).toMatchObject({ kind: 'STAFF', organization: { slug: 'north' }, staff: { id: pharmacy.pharmacist.id } });
    expect(viewer.data.viewer.permissions).not.toContain('MANAGE_API_KEYS');
  });

  it('answers a wrong password and an unknown email with the same UNAUTHENTICATED error', async () => {
    const wrongPassword = await gateway.graphql(SIGN_IN, { email: 'pharmacist@north.test', password: 'nope' });
    const unknownEmail = await gateway.graphql(SIGN_IN, { email: 'nobody@north.test', password: 'nope' });
    expect(wrongPassword.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknownEmail.errors?.[0]).toEqual(wrongPassword.errors?.[0]);
    expect(wrongPassword.data).toBeNull();
  });

  it('never exposes a password hash in the schema', async () => {
    const introspection = await gateway.graphql(`{ __type(name: "StaffMember") { fields { name } } }`);
    const names = introspection.data.__type.fields.map((field: { name: string }) => field.name);
    expect(names).not.toContain('passwordHash');
    expect(names).not.toContain('password');
  });

  it('identifies a customer by chat token and a partner by API key', async () => {
    const customer = await gateway.graphql(VIEWER, {}, pharmacy.tokens.customer);
    expect(customer.data.viewer).toMatchObject({ kind: 'CUSTOMER', customer: { id: pharmacy.customers[0].id }, staff: null });
    const partner = await gateway.graphql(VIEWER, {}, pharmacy.tokens.partnerRead);
    expect(partner.data.viewer).toMatchObject({ kind: 'PARTNER', organization: { slug: 'north' } });
    expect(partner.data.viewer.permissions).toEqual(['READ_CONVERSATIONS', 'READ_LABELS', 'READ_CUSTOMERS', 'READ_STAFF']);
  });

  it('returns a null viewer without credentials and UNAUTHENTICATED for protected fields', async () => {
    expect((await gateway.graphql(VIEWER)).data.viewer).toBeNull();
    const conversations = await gateway.graphql(`{ conversations { edges { node { id } } } }`);
    expect(conversations.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('rejects tampered, expired and malformed tokens with 401 UNAUTHENTICATED', async () => {
    const [header, payload, signature] = pharmacy.tokens.pharmacist.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const tampered = [header, Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url'), signature].join('.');
    const expired = await new (gateway.tokens.constructor as any)('another-secret').issueStaffToken({
      organizationId: pharmacy.organization.id,
      staffId: pharmacy.admin.id,
      role: 'ADMIN',
    });
    for (const token of [tampered, expired.token, 'not-a-token', 'ccpk_unknown']) {
      const response = await gateway.graphql(VIEWER, {}, token);
      expect(response.status).toBe(401);
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(response)).not.toMatch(/stack|at \w+ \(/);
    }
  });

  it('does not let a customer token act as staff', async () => {
    const response = await gateway.graphql(`{ customers { edges { node { id } } } }`, {}, pharmacy.tokens.customer);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('names the missing scope when a read-only key tries to write', async () => {
    const response = await gateway.graphql(
      `mutation { createCustomer(input: { name: "Zed" }) { id } }`,
      {},
      pharmacy.tokens.partnerRead,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(response.errors?.[0]?.message).toContain('customers:write');
    expect(response.errors?.[0]?.extensions?.missingScopes).toEqual(['customers:write']);
  });
});
