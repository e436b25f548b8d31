import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openAcknowledgedSocket } from '../../support/acknowledged-socket.js';
import { createPharmacy, FIXTURE_PASSWORD, staffSessionToken, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, testRedisUrl, type TestGateway } from '../../support/test-gateway.js';
import { quietStatementCount } from '../../support/quiet-statements.js';
import { waitUntil } from '../../support/wait-until.js';
import { defaultRateLimitRules } from '../../../gateway/rate-limits/rate-limits.js';

/** Sessions: each sign-in is one; staff end theirs one by one or everywhere else, effective at once on every instance. */
let gateway: TestGateway;
let other: TestGateway;
let pharmacy: PharmacyFixture;

const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`;
const MY_SESSIONS = `{ mySessions { id userAgent current lastSeenAt } }`;
const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;
const works = async (token: string, on = gateway) => (await on.graphql(`{ viewer { kind } }`, {}, token)).data?.viewer?.kind === 'STAFF';

async function signIn(email = pharmacy.pharmacist.email): Promise<string> {
  const response = await gateway.graphql(SIGN_IN, { email, password: FIXTURE_PASSWORD });
  expect(response.errors).toBeUndefined();
  return response.data.signIn.token;
}

beforeAll(async () => {
  // Two instances sharing the database and Redis, as in production behind a load balancer.
  // Limits live in the shared Redis across runs; every run signs in from 127.0.0.1 many times.
  const config = { rateLimits: { ...defaultRateLimitRules, signInsPerIp: { points: 100_000, durationSeconds: 60 } } };
  gateway = await startTestGateway({ redisUrl: testRedisUrl(), config });
  other = await startTestGateway({ sharing: gateway, redisUrl: testRedisUrl(), config });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'sessions');
  // Redis subscriptions are made in the background: wait until an ending announced by one
  // instance reaches the other, so the timed checks below measure delivery, not start-up.
  const warmUp = await staffSessionToken(gateway.dataSource, gateway.tokens, pharmacy.admin);
  expect((await gateway.graphql(`mutation { signOut }`, {}, warmUp)).data.signOut).toBe(true);
  await waitUntil('the other instance to hear of an ended session', async () => !(await works(warmUp, other)), 20_000);
});
afterAll(async () => {
  await other.dispose();
  await gateway.dispose();
});

/**
 * The other instance hears of an ending over Redis, within moments (README: sessions): the
 * answer to the request that ended it can reach the test first on a loaded machine.
 */
async function heardElsewhere(token: string): Promise<void> {
  await waitUntil('the other instance to hear of the ended session', async () => !(await works(token, other)), 5_000);
}

describe('your sessions', () => {
  it('lists each sign-in, marking the one asking, and records when it was last used', async () => {
    const first = await signIn();
    const second = await signIn();
    const listed = (await gateway.graphql(MY_SESSIONS, {}, second)).data.mySessions;
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(listed.filter((session: { current: boolean }) => session.current)).toHaveLength(1);
    expect(listed.every((session: { userAgent: string | null }) => typeof session.userAgent === 'string')).toBe(true);

    const firstId = (await gateway.graphql(MY_SESSIONS, {}, first)).data.mySessions.find((session: { current: boolean }) => session.current).id;
    await gateway.dataSource.query(`UPDATE staff_session SET last_seen_at = now() - interval '1 hour' WHERE id = $1`, [firstId]);
    // Once the answers above have had their reads audited (just after each answer), so those aren't counted below.
    const before = await quietStatementCount(gateway.queries);
    for (let n = 0; n < 5; n += 1) expect((await gateway.graphql(`{ __typename }`, {}, first)).status).toBe(200);
    // Checking the session is an in-memory lookup: five requests, no statement at all.
    expect(gateway.queries.count - before).toBe(0);
    // last_seen_at is written in batches: one statement for the pharmacy's sessions.
    await gateway.sessions.flushActivity();
    expect(gateway.queries.count - before).toBe(1);
    const [row] = await gateway.dataSource.query(`SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM staff_session WHERE id = $1`, [firstId]);
    expect(row.fresh).toBe(true);
  });

  it('ends one session: its token fails at once on this instance and within moments on the others; another’s session is NOT_FOUND', async () => {
    const keep = await signIn();
    const lose = await signIn();
    const loseId = (await gateway.graphql(MY_SESSIONS, {}, lose)).data.mySessions.find((session: { current: boolean }) => session.current).id;
    expect((await gateway.graphql(`mutation ($id: ID!) { endSession(id: $id) }`, { id: loseId }, keep)).data.endSession).toBe(true);
    expect(await works(lose)).toBe(false);
    await heardElsewhere(lose);
    expect(await works(keep)).toBe(true);

    const adminsSession = (await gateway.graphql(MY_SESSIONS, {}, pharmacy.tokens.admin)).data.mySessions[0].id;
    expect(codeOf(await gateway.graphql(`mutation ($id: ID!) { endSession(id: $id) }`, { id: adminsSession }, keep))).toBe('NOT_FOUND');
    expect(await works(pharmacy.tokens.admin)).toBe(true);
  });

  it('signs out everywhere else, keeping this session, and closes the others’ sockets on another instance with 4403', async () => {
    const here = await signIn();
    const elsewhere = await signIn();
    const socket = await openAcknowledgedSocket(other.wsUrl, elsewhere);
    try {
      const ended = await gateway.graphql(`mutation { endAllMySessions }`, {}, here);
      const answeredAt = Date.now();
      expect(ended.data.endAllMySessions).toBeGreaterThanOrEqual(1);
      const closed = await socket.closedAt;
      expect(closed.code).toBe(4403);
      expect(closed.at - answeredAt).toBeLessThan(1000);
    } finally {
      await socket.dispose();
    }
    expect(await works(elsewhere, other)).toBe(false);
    expect(await works(here)).toBe(true);
    expect((await gateway.graphql(MY_SESSIONS, {}, here)).data.mySessions).toEqual([expect.objectContaining({ current: true })]);
  });

  it('signs out: this session’s token stops working, and it is audited', async () => {
    const token = await signIn();
    expect((await gateway.graphql(`mutation { signOut }`, {}, token)).data.signOut).toBe(true);
    const expectRefused = async (instance: TestGateway) => {
      const after = await instance.graphql(`{ viewer { kind } }`, {}, token);
      expect(after.status).toBe(401);
      expect(after.errors![0]).toMatchObject({ message: 'Your session has ended. Sign in again.', extensions: { code: 'UNAUTHENTICATED' } });
    };
    await expectRefused(gateway);
    await heardElsewhere(token);
    await expectRefused(other);
    const [{ count }] = await gateway.dataSource.query(`SELECT count(*)::int AS count FROM audit_event WHERE action = 'SIGNED_OUT' AND object_id = $1`, [pharmacy.pharmacist.id]);
    expect(count).toBe(1);
  });
});

describe('deactivation across instances', () => {
  it('refuses the token on the other instance and closes its socket there with 4403 within a second', async () => {
    const leaver = await gateway.dataSource.manager.save(
      gateway.dataSource.manager.create((await import('../../../entities/staff-user.entity.js')).StaffUser, {
        organizationId: pharmacy.organization.id,
        email: 'leaver@sessions.test',
        name: 'Leaver',
        role: pharmacy.pharmacist.role,
        passwordHash: 'x',
      }),
    );
    const token = await staffSessionToken(gateway.dataSource, gateway.tokens, leaver);
    const socket = await openAcknowledgedSocket(other.wsUrl, token);
    try {
      const deactivated = await gateway.graphql(`mutation ($id: ID!) { deactivateStaff(id: $id) { active } }`, { id: leaver.id }, pharmacy.tokens.admin);
      const answeredAt = Date.now();
      expect(deactivated.data.deactivateStaff.active).toBe(false);
      const closed = await socket.closedAt;
      expect(closed.code).toBe(4403);
      expect(closed.at - answeredAt).toBeLessThan(1000);
      expect(codeOf(await other.graphql(`{ viewer { kind } }`, {}, token))).toBe('UNAUTHENTICATED');
    } finally {
      await socket.dispose();
    }
  });
});
