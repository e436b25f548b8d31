import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { findFreePort } from '../../../gateway/database/find-free-port.js';
import { DEFAULT_WEBHOOK_DISPATCHER_OPTIONS } from '../../../gateway/webhooks/webhook-dispatcher.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/** Runs the built partner example (`npm run partner -- …`) as a partner would, against a real gateway. */
const EXAMPLE = 'dist/clients/partner/main.js';

let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let apiKey: string;
let conversationId: string;
const running: ChildProcess[] = [];

function start(args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [EXAMPLE, ...args], {
    env: { ...process.env, COUNTERCHAT_URL: `${gateway.url}/graphql`, COUNTERCHAT_API_KEY: apiKey, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function run(args: string[]): Promise<string> {
  const { child, output } = start(args);
  const [code] = await once(child, 'exit');
  expect([code, output()]).toEqual([0, expect.any(String)]);
  return output();
}

async function waitForOutput(output: () => string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(output())) {
    if (Date.now() > deadline) throw new Error(`Output never matched ${pattern}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return output();
}

beforeAll(async () => {
  gateway = await startTestGateway({
    config: { webhooks: { ...DEFAULT_WEBHOOK_DISPATCHER_OPTIONS, pollIntervalMs: 100, baseDelayMs: 50, maxDelayMs: 200 } },
  });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'partner-example');
  const key = await gateway.graphql(
    `mutation { createApiKey(input: { name: "Pharmacy system", scopes: [CONVERSATIONS_READ, MESSAGES_WRITE] }) { secret } }`,
    {},
    pharmacy.tokens.admin,
  );
  apiKey = key.data.createApiKey.secret;
  const started = await gateway.graphql(
    `mutation ($customerId: ID!) { startConversation(input: { customerId: $customerId, subject: "Insulin refill" }) { id } }`,
    { customerId: pharmacy.customers[0].id },
    pharmacy.tokens.pharmacist,
  );
  conversationId = started.data.startConversation.id;
  await gateway.graphql(
    `mutation ($id: ID!, $clientMessageId: String!) { sendMessage(input: { conversationId: $id, body: "Is my insulin in?", clientMessageId: $clientMessageId }) { id } }`,
    { id: conversationId, clientMessageId: nextClientMessageId() },
    pharmacy.tokens.customer,
  );
});
afterAll(async () => {
  for (const child of running) child.kill();
  await gateway.dispose();
});

describe('the partner example', () => {
  it('lists open conversations with their last message', async () => {
    const output = await run(['list']);
    expect(output).toContain(conversationId);
    expect(output).toContain(`Alice partner-example: Is my insulin in?`);
  });

  it('watches a conversation live while another command posts a reply', async () => {
    const watcher = start(['watch', conversationId]);
    // The subscription first replays the history, so the customer's message proves it is up.
    await waitForOutput(watcher.output, /#1 MESSAGE_ADDED Alice partner-example: Is my insulin in\?/);
    const replied = await run(['reply', conversationId, 'Yes,', 'ready', 'for', 'pickup.']);
    expect(replied).toMatch(/Sent as message #2/);
    await waitForOutput(watcher.output, /#2 MESSAGE_ADDED Pharmacy system: Yes, ready for pickup\./);
  });

  it('receives webhooks and verifies their signatures', async () => {
    const port = await findFreePort();
    const endpoint = await gateway.graphql(
      `mutation ($url: String!) { createWebhookEndpoint(input: { url: $url, events: [MESSAGE_CREATED] }) { secret } }`,
      { url: `http://127.0.0.1:${port}/` },
      pharmacy.tokens.admin,
    );
    const receiver = start(['receive'], { WEBHOOK_PORT: String(port), WEBHOOK_SECRET: endpoint.data.createWebhookEndpoint.secret });
    await waitForOutput(receiver.output, /Receiving webhooks/);
    await run(['reply', conversationId, 'Anything else?']);
    await waitForOutput(receiver.output, /message\.created [0-9a-f-]{36}/);

    // A request with a wrong signature is refused.
    const forged = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'counterchat-timestamp': String(Math.floor(Date.now() / 1000)), 'counterchat-signature': 'v1=00' },
      body: '{"id":"x","type":"message.created"}',
    });
    expect(forged.status).toBe(401);
  });

  it('names the missing scope when the key may not do something', async () => {
    const { child, output } = start(['reply', conversationId, 'hello'], {
      COUNTERCHAT_API_KEY: (
        await gateway.graphql(`mutation { createApiKey(input: { name: "Reader", scopes: [CONVERSATIONS_READ] }) { secret } }`, {}, pharmacy.tokens.admin)
      ).data.createApiKey.secret,
    });
    const [code] = await once(child, 'exit');
    expect(code).not.toBe(0);
    expect(output()).toContain('messages:write');
  });
});
