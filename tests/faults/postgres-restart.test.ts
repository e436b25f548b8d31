import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectData, signInDemoStaff, startCustomerConversation, DEMO_STAFF, type ConversationMember } from '../support/demo-pharmacy.js';
import { postGraphQL, seedDemoPharmacy, startGatewayProcess, type GatewayProcess } from '../support/gateway-process.js';
import { startRestartablePostgres, type RestartablePostgres } from '../support/restartable-postgres.js';
import { connectSubscriber } from '../support/subscription-client.js';
import { expectDenseSequences, expectEverySendStoredOnce, readStoredMessages, startSendLoop, type FailedAttempt, type SendLoop, type StoredMessages } from '../support/send-loop.js';

const PREFIX = `pg-restart-${process.pid}`;
const OUTAGE_MS = 2000;
const READ = `{ conversations(first: 5) { totalCount } }`;
const MASKED = { message: 'Something went wrong on our side. Please try again.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
type Probe = Awaited<ReturnType<typeof postGraphQL>>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One gateway process over a PostgreSQL of its own, which is stopped (fast shutdown)
 * and started again while four clients send: the gateway is never restarted.
 */
describe('PostgreSQL restarted during a send loop', () => {
  let postgres: RestartablePostgres;
  let dataDir: string;
  let gateway: GatewayProcess;
  let conversationIds: string[];
  let loop: SendLoop;
  let partnerKey: string;
  let staffToken: string;
  /** What the outage looked like from outside. */
  const during = {
    health: [] as number[],
    /** The same read by staff (a JWT: no database to authenticate) and by a partner (an API key, looked up in it). */
    staffReads: [] as Probe[],
    partnerReads: [] as Probe[],
    /** Close codes of partner sockets opened during the outage. */
    partnerSockets: [] as number[],
    sendFailures: [] as FailedAttempt[],
  };
  /** /healthz once PostgreSQL is back: the first 200, or the last answer if none came. */
  let healthAfter = 0;
  let stored: StoredMessages;

  beforeAll(async () => {
    postgres = await startRestartablePostgres();
    dataDir = await mkdtemp(path.join(tmpdir(), 'counterchat-faults-'));
    await seedDemoPharmacy(postgres.url, dataDir);
    // The loop sends far faster than a person; rate limits are the Redis test's business.
    gateway = await startGatewayProcess({ databaseUrl: postgres.url, dataDir, env: { RATE_LIMITS: 'off' } });

    staffToken = await signInDemoStaff(gateway, DEMO_STAFF[0]);
    const otherStaff = await signInDemoStaff(gateway, DEMO_STAFF[1]);
    const first = await startCustomerConversation(gateway, staffToken, 'Restart One');
    const second = await startCustomerConversation(gateway, staffToken, 'Restart Two');
    conversationIds = [first.conversationId, second.conversationId];
    // Two writers per conversation, so sends also contend for the conversation's row lock.
    const members: ConversationMember[] = [
      first.customer,
      { name: 'Anna', token: staffToken, conversationId: first.conversationId },
      second.customer,
      { name: 'Ben', token: otherStaff, conversationId: second.conversationId },
    ];
    const created = await expectData(gateway, `mutation { createApiKey(input: { name: "Pharmacy system", scopes: [CONVERSATIONS_READ] }) { secret } }`, {}, staffToken);
    partnerKey = created.createApiKey.secret;

    loop = startSendLoop(gateway.url, members, PREFIX);
    await loop.waitForMore(20);

    await postgres.stop();
    const outageStarted = Date.now();
    const failuresBefore = loop.failures.length;
    // At least OUTAGE_MS, and until the loop has felt it (bounded, should the senders hang).
    const outageLasted = () => Date.now() - outageStarted;
    while (outageLasted() < OUTAGE_MS || (loop.failures.length === failuresBefore && outageLasted() < 20_000)) {
      during.health.push(await gateway.health());
      during.staffReads.push(await gateway.graphql(READ, {}, staffToken));
      during.partnerReads.push(await gateway.graphql(READ, {}, partnerKey));
      if (during.partnerSockets.length === 0) during.partnerSockets.push(await closeCodeOfSocket(gateway.wsUrl, partnerKey));
      await sleep(200);
    }
    during.sendFailures = loop.failures.slice(failuresBefore);
    await postgres.start();

    // No restart of the gateway: its pool must find the database again by itself.
    const restarted = Date.now();
    while ((healthAfter = await gateway.health()) !== 200 && Date.now() - restarted < 20_000) await sleep(50);
    await loop.waitForMore(20);
    await loop.finish();
    stored = await readStoredMessages(postgres.url, conversationIds, PREFIX);
  }, 60_000);

  afterAll(async () => {
    await loop?.finish(5000).catch(() => {});
    await gateway?.stop();
    await postgres?.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('answers sends during the outage with a clean INTERNAL_SERVER_ERROR, never a hang or a stack', () => {
    expect(during.sendFailures.length).toBeGreaterThan(0);
    // Every failed attempt of the whole loop, not only those between stop and start.
    // Staff tokens need no database: the send itself fails (200, the field's error). A chat token
    // is checked against the database (erasure revokes it), so a customer's whole request is refused (503).
    for (const failure of loop.failures) {
      expect(failure.kind).toBe('response');
      const answer = { status: failure.status, errors: failure.errors };
      expect([
        { status: 200, errors: [{ ...MASKED, path: ['sendMessage'], locations: expect.any(Array) }] },
        { status: 503, errors: [MASKED] },
      ]).toContainEqual(answer);
    }
  });

  it('answers a read the same way when the viewer needs no database to sign in', () => {
    expect(during.staffReads.length).toBeGreaterThan(0);
    for (const read of during.staffReads) {
      expect(read).toEqual({ status: 200, data: null, errors: [{ ...MASKED, path: ['conversations'], locations: expect.any(Array) }] });
    }
  });

  it('refuses a partner’s request whose API key can’t be looked up with 503 and the same clean error', () => {
    expect(during.partnerReads.length).toBeGreaterThan(0);
    for (const read of during.partnerReads) expect(read).toEqual({ status: 503, errors: [MASKED] });
  });

  it('closes a partner’s socket whose API key can’t be looked up with 1013 (try again later), which clients retry', () => {
    expect(during.partnerSockets).toEqual([1013]);
  });

  it('reports 503 on /healthz during the outage and 200 after, without restarting the gateway', () => {
    expect(new Set(during.health)).toEqual(new Set([503]));
    expect(healthAfter).toBe(200);
    expect(gateway.running).toBe(true);
  });

  it('logs the outage in a few lines, not a line per failed request', () => {
    const entries = gateway
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; err?: { name?: string; message?: string } });
    expect(during.sendFailures.length + during.staffReads.length).toBeGreaterThan(10);
    const unexpected = entries.filter((entry) => entry.msg === 'Unexpected error while resolving');
    expect([...new Set(unexpected.map((entry) => `${entry.err?.name}: ${entry.err?.message}`))]).toEqual([]);
    const outage = entries.filter((entry) => entry.msg.startsWith('PostgreSQL is unavailable'));
    expect(outage.length).toBeGreaterThan(0);
    expect(outage.length).toBeLessThanOrEqual(4);
  });

  it('stores every acknowledged message exactly once, as the client was told', () => {
    expectEverySendStoredOnce(loop, stored);
  });

  it('keeps each conversation’s sequence dense, 1 to its last', () => {
    expectDenseSequences(stored);
  });
});

/** Opens a graphql-ws socket with `token` and resolves with the code the server closes it with. */
async function closeCodeOfSocket(wsUrl: string, token: string): Promise<number> {
  const subscriber = connectSubscriber(wsUrl, token);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([subscriber.closed, new Promise<number>((resolve) => (timer = setTimeout(() => resolve(-1), 10_000)))]);
  } finally {
    clearTimeout(timer);
    await subscriber.dispose();
  }
}
