import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StaffRole, StaffUser } from '../../../entities/staff-user.entity.js';
import { hashPassword } from '../../../gateway/auth/password.js';
import { UNDER_ATTACK_DELAY_MS } from '../../../gateway/rate-limits/sign-in-throttle.js';
import { defaultRateLimitRules } from '../../../gateway/rate-limits/rate-limits.js';
import { createPharmacy, FIXTURE_PASSWORD, type PharmacyFixture } from '../../support/fixtures.js';
import type { GraphQLResponse } from '../../support/test-gateway.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/**
 * Issue 14: ten wrong passwords locked a named pharmacist out for 15 minutes, from anywhere;
 * knowing the address was enough. Now an attacker's IP waits longer and longer, and the
 * owner's own IP is not held up. Client IPs come from X-Forwarded-For behind one trusted proxy hop.
 */

const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`;

let gateway: TestGateway;
let pharmacy: PharmacyFixture;

async function signInFrom(ip: string, email: string, password: string): Promise<GraphQLResponse> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ query: SIGN_IN, variables: { email, password } }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) };
}

/** A staff member of their own, so failures for one test's address don't add up with another's. */
async function newStaffEmail(): Promise<string> {
  const email = `staff-${randomUUID()}@throttle.test`;
  await gateway.dataSource.manager.insert(StaffUser, {
    organizationId: pharmacy.organization.id,
    email,
    name: 'Throttled',
    role: StaffRole.STAFF,
    passwordHash: await hashPassword(FIXTURE_PASSWORD),
  });
  return email;
}

/** The answer's code, and the wait when it is RATE_LIMITED. */
const outcome = (response: GraphQLResponse) =>
  response.errors ? `${response.errors[0]!.extensions!.code}${response.errors[0]!.extensions!.retryAfter ? ` ${response.errors[0]!.extensions!.retryAfter}` : ''}` : 'OK';

beforeAll(async () => {
  gateway = await startTestGateway({
    config: {
      trustProxy: 1,
      // A low ceiling per address, so spreading failures over IPs reaches it in a few attempts.
      rateLimits: { ...defaultRateLimitRules, signInFailuresPerEmailAndIp: { points: 5, durationSeconds: 60 }, signInFailuresPerEmail: { points: 6, durationSeconds: 60 } },
    },
  });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'throttle');
});
afterAll(() => gateway?.dispose());

describe('sign-in throttling', () => {
  it("lets the owner in from their own IP while an attacker's IP waits longer and longer", async () => {
    const email = pharmacy.pharmacist.email;
    const attacker: string[] = [];
    for (let attempt = 0; attempt < 20; attempt += 1) attacker.push(outcome(await signInFrom('203.0.113.66', email, `guess ${attempt}`)));
    expect(attacker.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    // Every attempt while told to wait doubles the wait, up to 15 minutes.
    expect(attacker.slice(5, 12)).toEqual(['RATE_LIMITED 2', 'RATE_LIMITED 4', 'RATE_LIMITED 8', 'RATE_LIMITED 16', 'RATE_LIMITED 32', 'RATE_LIMITED 64', 'RATE_LIMITED 128']);
    expect(attacker.slice(14)).toEqual(Array(6).fill('RATE_LIMITED 900'));

    const owner = await signInFrom('198.51.100.7', email, FIXTURE_PASSWORD);
    expect(owner.errors).toBeUndefined();
    expect(owner.data.signIn.token).toEqual(expect.any(String));
    // The owner's success does not let the attacker's IP off.
    expect(outcome(await signInFrom('203.0.113.66', email, 'one more'))).toMatch(/^RATE_LIMITED /);
  });

  it('answers an address without an account exactly like one with an account', async () => {
    const answers = async (email: string, ip: string) => {
      const seen = [];
      for (let attempt = 0; attempt < 8; attempt += 1) {
        const response = await signInFrom(ip, email, 'wrong password');
        seen.push([outcome(response), response.errors?.[0]?.message]);
      }
      return seen;
    };
    const known = await answers(pharmacy.admin.email, '203.0.113.10');
    const unknown = await answers(`nobody-${randomUUID()}@throttle.test`, '203.0.113.11');
    expect(unknown).toEqual(known);
    expect(known.at(-1)![0]).toMatch(/^RATE_LIMITED /);
  });

  it('forgets the failures of an IP once the right password comes from it', async () => {
    const email = await newStaffEmail();
    const ip = '203.0.113.20';
    for (let attempt = 0; attempt < 4; attempt += 1) expect(outcome(await signInFrom(ip, email, 'typo'))).toBe('UNAUTHENTICATED');
    expect(outcome(await signInFrom(ip, email, FIXTURE_PASSWORD))).toBe('OK');
    // Without the reset the fifth failure in a row would start the waits and the sixth attempt be refused.
    for (let attempt = 0; attempt < 5; attempt += 1) expect(outcome(await signInFrom(ip, email, 'typo'))).toBe('UNAUTHENTICATED');
  });

  it('only slows an address whose failures come from many IPs, never refuses its owner', async () => {
    const email = await newStaffEmail();
    // One failure from each of seven IPs: past the ceiling of six, no single IP near its own limit.
    for (let host = 1; host <= 7; host += 1) expect(outcome(await signInFrom(`192.0.2.${host}`, email, 'guess'))).toBe('UNAUTHENTICATED');
    const startedAt = Date.now();
    const owner = await signInFrom('198.51.100.8', email, FIXTURE_PASSWORD);
    expect(owner.errors).toBeUndefined();
    // Slowed (a lower bound: a loaded machine only adds to it), not refused.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(UNDER_ATTACK_DELAY_MS);
    expect(outcome(await signInFrom('192.0.2.99', email, 'guess'))).toBe('UNAUTHENTICATED');
  });
});
