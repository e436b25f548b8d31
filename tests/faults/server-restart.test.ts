import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as samples from '../fixtures/sample-files.js';
import { signInDemoStaff, startCustomerConversation, DEMO_STAFF, type ConversationMember } from '../support/demo-pharmacy.js';
import { launchGatewayProcess, seedDemoPharmacy, startGatewayProcess, type GatewayProcess, type GatewayProcessOptions } from '../support/gateway-process.js';
import { startRestartablePostgres, type RestartablePostgres } from '../support/restartable-postgres.js';
import { expectDenseSequences, expectEverySendStoredOnce, readStoredMessages, startSendLoop } from '../support/send-loop.js';
import { connectSubscriber, type TestSubscriber } from '../support/subscription-client.js';

/** Bounds a wait for something that should happen, so a broken shutdown fails instead of hanging. */
async function waitFor(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const refusesConnections = (url: string) =>
  fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
    () => false,
    (error: Error) => (error.cause as NodeJS.ErrnoException | undefined)?.code === 'ECONNREFUSED',
  );

/**
 * One gateway process, stopped under load and started again on the same port, as a
 * deploy or a crash does. Clients retry each send with its client message id.
 */
describe('a gateway stopped and restarted mid-load', () => {
  let postgres: RestartablePostgres;
  let dataDir: string;
  let options: GatewayProcessOptions;
  let gateway: GatewayProcess;
  let staffToken: string;
  let members: ConversationMember[];
  let conversationIds: string[];
  const subscribers: TestSubscriber[] = [];

  beforeAll(async () => {
    postgres = await startRestartablePostgres();
    dataDir = await mkdtemp(path.join(tmpdir(), 'counterchat-faults-'));
    await seedDemoPharmacy(postgres.url, dataDir);
    // The loop sends far faster than a person; rate limits are the Redis test's business.
    options = { databaseUrl: postgres.url, dataDir, env: { RATE_LIMITS: 'off' } };
    gateway = await startGatewayProcess(options);
    options.port = gateway.port;
    staffToken = await signInDemoStaff(gateway, DEMO_STAFF[0]);
    const otherStaff = await signInDemoStaff(gateway, DEMO_STAFF[1]);
    const first = await startCustomerConversation(gateway, staffToken, 'Deploy One');
    const second = await startCustomerConversation(gateway, staffToken, 'Deploy Two');
    conversationIds = [first.conversationId, second.conversationId];
    members = [
      first.customer,
      { name: 'Anna', token: staffToken, conversationId: first.conversationId },
      second.customer,
      { name: 'Ben', token: otherStaff, conversationId: second.conversationId },
    ];
  }, 60_000);

  // Each test starts from a running gateway, even when the one before failed half-way.
  beforeEach(async () => {
    if (!gateway.running) gateway = await startGatewayProcess(options);
  });

  afterAll(async () => {
    await Promise.all(subscribers.map((subscriber) => subscriber.dispose()));
    await gateway?.stop();
    await postgres?.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('does not start a second process on a port still taken: it exits non-zero instead of running unreachable', async () => {
    const second = await launchGatewayProcess(options);
    try {
      await waitFor('the second process to exit', () => !second.running, 30_000);
      expect((await second.exited).code).not.toBe(0);
      expect(await gateway.health()).toBe(200);
    } finally {
      await second.stop();
    }
  }, 40_000);

  /** Kills the process with `signal` mid-loop, starts a new one on the port, and checks the messages. */
  async function restartUnderLoad(signal: 'SIGTERM' | 'SIGKILL') {
    const prefix = `restart-${signal}-${process.pid}`;
    const loop = startSendLoop(gateway.url, members, prefix);
    try {
      await loop.waitForMore(20);
      gateway.signal(signal);
      const exit = await gateway.exited;
      gateway = await startGatewayProcess(options);
      await loop.waitForMore(20);
      await loop.finish();
      const stored = await readStoredMessages(postgres.url, conversationIds, prefix);
      return { exit, loop, stored };
    } finally {
      await loop.finish(5000).catch(() => {});
    }
  }

  describe('SIGTERM', () => {
    it('lets an in-flight upload finish, refuses new connections, closes sockets with 1001 and exits 0', async () => {
      const subscriber = connectSubscriber(gateway.wsUrl, staffToken);
      subscribers.push(subscriber);
      const events = subscriber.subscribe(`subscription ($id: ID!) { conversationEvents(conversationId: $id) { kind } }`, { id: conversationIds[0] });
      await events.expectNothing(100);

      // A customer's upload, of which only the first part has arrived when the signal comes.
      const upload = startSlowUpload(gateway.url, members[0]!);
      await waitFor('the upload to reach the disk', async () => (await readdir(path.join(dataDir, 'incoming')).catch(() => [])).length > 0);
      gateway.signal('SIGTERM');

      expect(await subscriber.closed).toBe(1001);
      await waitFor('new connections to be refused', () => refusesConnections(gateway.url));
      expect(gateway.running).toBe(true);

      upload.finish();
      const response = await upload.response;
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data.sendMessage.attachments).toEqual([{ contentType: 'application/pdf' }]);
      expect(await gateway.exited).toEqual({ code: 0, signal: null });
    }, 60_000);

    it('stores every acknowledged message exactly once when clients retry against the new process', async () => {
      const { exit, loop, stored } = await restartUnderLoad('SIGTERM');
      expect(exit).toEqual({ code: 0, signal: null });
      expectEverySendStoredOnce(loop, stored);
      expectDenseSequences(stored);
    }, 60_000);
  });

  describe('SIGKILL', () => {
    it('stores every acknowledged message exactly once when clients retry against the new process', async () => {
      const { exit, loop, stored } = await restartUnderLoad('SIGKILL');
      expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
      // Killed mid-request: some sends got no answer at all, and were retried.
      expect(loop.failures.some((failure) => failure.kind === 'network')).toBe(true);
      expectEverySendStoredOnce(loop, stored);
      expectDenseSequences(stored);
    }, 60_000);
  });
});

/**
 * A multipart sendMessage with one PDF whose bytes arrive in two parts: the request
 * is in flight (headers and the first part received) until `finish()` sends the rest.
 */
function startSlowUpload(url: string, sender: ConversationMember): { finish(): void; response: Promise<{ status: number; body: any }> } {
  const boundary = 'counterchat-slow-upload';
  const operations = JSON.stringify({
    query: 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id attachments { contentType } } }',
    variables: { input: { conversationId: sender.conversationId, body: 'The leaflet', clientMessageId: `slow-upload-${process.pid}`, attachments: [null] } },
  });
  const head = Buffer.from(
    [
      `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.input.attachments.0"]}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="leaflet.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ].join(''),
  );
  const file = Buffer.concat([samples.pdf(), Buffer.alloc(256 * 1024, 0x20)]);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const half = Math.floor(file.length / 2);
  const request = http.request(`${url}/graphql`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${sender.token}`,
      'apollo-require-preflight': 'true',
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + file.length + tail.length),
    },
  });
  const response = new Promise<{ status: number; body: any }>((resolve, reject) => {
    request.on('error', reject);
    request.on('response', (incoming) => {
      let text = '';
      incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
      incoming.on('end', () => resolve({ status: incoming.statusCode!, body: JSON.parse(text) }));
    });
  });
  request.write(Buffer.concat([head, file.subarray(0, half)]));
  return {
    finish: () => request.end(Buffer.concat([file.subarray(half), tail])),
    response,
  };
}
