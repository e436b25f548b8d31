import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, FIXTURE_PASSWORD, type PharmacyFixture } from '../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

/** Where a request came from, as the audit log and the per-IP rate limits see it. */
let direct: TestGateway;
let proxied: TestGateway;
let pharmacy: PharmacyFixture;

async function signInFrom(gateway: TestGateway, forwardedFor: string): Promise<string> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ query: `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`, variables: { email: pharmacy.admin.email, password: FIXTURE_PASSWORD } }),
  });
  expect(response.status).toBe(200);
  const [entry] = await gateway.dataSource.query(`SELECT ip FROM audit_event WHERE action = 'SIGNED_IN' ORDER BY created_at DESC LIMIT 1`);
  return entry.ip;
}

beforeAll(async () => {
  direct = await startTestGateway();
  // The same database, behind one trusted proxy hop.
  proxied = await startTestGateway({ sharing: direct, config: { trustProxy: 1 } });
  pharmacy = await createPharmacy(direct.dataSource, direct.tokens, 'client-address');
});

afterAll(async () => {
  await proxied?.dispose();
  await direct?.dispose();
});

describe("the client's address", () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY says a proxy sets it: anyone could send one', async () => {
    expect(await signInFrom(direct, '203.0.113.7')).toMatch(/127\.0\.0\.1/);
  });

  it('takes it from the trusted proxy hop when TRUST_PROXY is set', async () => {
    expect(await signInFrom(proxied, '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
  });
});
