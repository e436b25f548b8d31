import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expectData, signInDemoStaff, startCustomerConversation, DEMO_STAFF, type ConversationMember } from '../support/demo-pharmacy.js';
import { seedDemoPharmacy, startGatewayProcess, type GatewayProcess } from '../support/gateway-process.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.js';
import { startRestartablePostgres, type RestartablePostgres } from '../support/restartable-postgres.js';
import { connectSubscriber, type ReceivedEvents, type TestSubscriber } from '../support/subscription-client.js';

const EVENTS = `subscription ($id: ID!) { conversationEvents(conversationId: $id) { kind message { body } } }`;
const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id sequence } }`;
/** Bounds every wait for an event or a recovery: long enough for ioredis to reconnect. */
const RECOVERY_TIMEOUT_MS = 20_000;

class NeverArrived extends Error {
  constructor(body: string) {
    super(`"${body}" never arrived`);
  }
}

/** Takes events until the message with `body` arrives; other events (earlier messages) are skipped. */
async function receive(events: ReceivedEvents, body: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new NeverArrived(body);
    const event = await events.next(remaining).catch(() => undefined);
    if (event?.errors) throw new Error(`The subscription failed: ${JSON.stringify(event.errors)}`);
    if (event?.data?.conversationEvents.message?.body === body) return;
  }
}

/**
 * Two gateway processes sharing a PostgreSQL and a private Redis, with subscribers on
 * both; Redis is killed and started again (empty) on the same port.
 */
describe('Redis stopped and restarted under two gateway instances', () => {
  let postgres: RestartablePostgres;
  let redis: PrivateRedis;
  let dataDir: string;
  let instanceA: GatewayProcess;
  let instanceB: GatewayProcess;
  let customer: ConversationMember;
  let staffOnB: string;
  let onA: ReceivedEvents;
  let onB: ReceivedEvents;
  const subscribers: TestSubscriber[] = [];
  let sent = 0;

  /** A customer's send through `instance`; fails the test unless it is acknowledged. */
  const send = async (instance: GatewayProcess, body: string) => {
    const response = await instance.graphql(SEND, { input: { conversationId: customer.conversationId, body, clientMessageId: `redis-${process.pid}-${++sent}` } }, customer.token);
    expect(response.errors).toBeUndefined();
    expect(response.data.sendMessage.id).toEqual(expect.any(String));
  };
  const subscribe = (instance: GatewayProcess, token: string) => {
    const subscriber = connectSubscriber(instance.wsUrl, token);
    subscribers.push(subscriber);
    return subscriber.subscribe(EVENTS, { id: customer.conversationId });
  };
  /** Sends through `from` until a message reaches `events` (Redis SUBSCRIBE is asynchronous, and so is reconnecting). */
  const sendUntilReceived = async (from: GatewayProcess, events: ReceivedEvents, label: string) => {
    const deadline = Date.now() + RECOVERY_TIMEOUT_MS;
    for (let attempt = 1; ; attempt += 1) {
      const body = `${label} ${attempt}`;
      await send(from, body);
      try {
        return await receive(events, body, 500);
      } catch (error) {
        if (!(error instanceof NeverArrived) || Date.now() > deadline) throw error;
      }
    }
  };
  /** Emails of the staff with a live socket, as `instance` sees it (emails show to colleagues only). */
  const onlineStaff = async (instance: GatewayProcess) =>
    (await expectData(instance, `{ onlineStaff { email } }`, {}, staffOnB)).onlineStaff.map((staff: { email: string }) => staff.email).sort();

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startRestartablePostgres(), startPrivateRedis()]);
    dataDir = await mkdtemp(path.join(tmpdir(), 'counterchat-faults-'));
    await seedDemoPharmacy(postgres.url, dataDir);
    // Rate limits stay on: in Redis, with the in-memory fallback this test relies on.
    [instanceA, instanceB] = await Promise.all([
      startGatewayProcess({ databaseUrl: postgres.url, dataDir, redisUrl: redis.url }),
      startGatewayProcess({ databaseUrl: postgres.url, dataDir, redisUrl: redis.url }),
    ]);
    const staffOnA = await signInDemoStaff(instanceA, DEMO_STAFF[0]);
    staffOnB = await signInDemoStaff(instanceB, DEMO_STAFF[1]);
    customer = (await startCustomerConversation(instanceA, staffOnA, 'Redis Outage')).customer;
    onA = subscribe(instanceA, staffOnA);
    onB = subscribe(instanceB, staffOnB);
    await sendUntilReceived(instanceA, onB, 'Warm-up');
  }, 60_000);

  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.dispose()));
    await Promise.all([instanceA?.stop(), instanceB?.stop()]);
    await Promise.all([redis?.dispose(), postgres?.dispose()]);
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('delivers across instances while Redis is up', async () => {
    await send(instanceA, 'Before the outage');
    await receive(onA, 'Before the outage');
    await receive(onB, 'Before the outage');
    expect(await onlineStaff(instanceA)).toEqual([...DEMO_STAFF]);
  });

  describe('while Redis is gone', () => {
    beforeAll(() => redis.kill());

    it('still accepts sends (rate limits fall back to memory) and delivers them on the same instance', async () => {
      await send(instanceA, 'During the outage, through A');
      await receive(onA, 'During the outage, through A');
      await send(instanceB, 'During the outage, through B');
      await receive(onB, 'During the outage, through B');
    });

    it('accepts new sockets, which receive what their instance sends', async () => {
      const lateOnA = subscribe(instanceA, await signInDemoStaff(instanceA, DEMO_STAFF[1]));
      await sendUntilReceived(instanceA, lateOnA, 'To the late subscriber');
    });

    it('answers who is online from what the instance itself knows', async () => {
      expect(await onlineStaff(instanceA)).toEqual(expect.arrayContaining([DEMO_STAFF[0]]));
    });

    it('keeps both instances healthy', async () => {
      expect([await instanceA.health(), await instanceB.health()]).toEqual([200, 200]);
    });
  });

  describe('once Redis is back', () => {
    beforeAll(() => redis.start());

    it('delivers across instances again, both ways, to the sockets that lived through the outage', async () => {
      await sendUntilReceived(instanceA, onB, 'After the outage, A to B');
      await sendUntilReceived(instanceB, onA, 'After the outage, B to A');
    }, 2 * RECOVERY_TIMEOUT_MS + 5000);

    it('knows again who is online on the other instance', async () => {
      const deadline = Date.now() + RECOVERY_TIMEOUT_MS;
      // Ben's sockets live on B and on A; Anna's only on A. B must learn of Anna from Redis.
      while ((await onlineStaff(instanceB)).join() !== [...DEMO_STAFF].join() && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(await onlineStaff(instanceB)).toEqual([...DEMO_STAFF]);
    }, RECOVERY_TIMEOUT_MS + 5000);
  });
});
