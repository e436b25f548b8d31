import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { GatewayConfig } from '../../../gateway/server/config.js';
import { findFreePort } from '../../../gateway/database/find-free-port.js';
import { logger } from '../../../gateway/logging/logger.js';
import { DEFAULT_WEBHOOK_DISPATCHER_OPTIONS } from '../../../gateway/webhooks/webhook-dispatcher.js';
import { WebhookHeader } from '../../../gateway/webhooks/webhook-signature.js';
import { verifyWebhook } from '../../../clients/partner/src/verify-webhook.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.js';

/** Fast retries so a test sees three attempts in well under a second. */
const fastWebhooks = (deliver = true): Partial<GatewayConfig> => ({
  webhooks: { ...DEFAULT_WEBHOOK_DISPATCHER_OPTIONS, deliver, pollIntervalMs: 100, baseDelayMs: 50, maxDelayMs: 200, maxAttempts: 4, requestTimeoutMs: 2_000 },
});

const CREATE_ENDPOINT = `mutation ($url: String!, $events: [WebhookEventType!]!) {
  createWebhookEndpoint(input: { url: $url, events: $events }) { secret endpoint { id url events enabled } }
}`;
const SEND = `mutation ($conversationId: ID!, $body: String!, $clientMessageId: String!) {
  sendMessage(input: { conversationId: $conversationId, body: $body, clientMessageId: $clientMessageId }) { id sequence }
}`;
const DELIVERIES = `query ($endpointId: ID) {
  webhookDeliveries(endpointId: $endpointId, first: 50) {
    edges { node { id status attemptCount deliveredAt event { id type data } attempts { attempt statusCode error } } }
  }
}`;

let owner: TestGateway;
let pharmacy: PharmacyFixture;
let conversationId: string;

async function send(body: string) {
  const response = await owner.graphql(SEND, { conversationId, body, clientMessageId: nextClientMessageId() }, pharmacy.tokens.pharmacist);
  expect(response.errors).toBeUndefined();
  return response.data.sendMessage as { id: string; sequence: number };
}

async function registerEndpoint(url: string, events = ['MESSAGE_CREATED']) {
  const response = await owner.graphql(CREATE_ENDPOINT, { url, events }, pharmacy.tokens.admin);
  expect(response.errors).toBeUndefined();
  return response.data.createWebhookEndpoint as { secret: string; endpoint: { id: string } };
}

async function disableAllEndpoints() {
  await owner.dataSource.query(`UPDATE webhook_endpoint SET enabled = false`);
}

beforeAll(async () => {
  // Holds the database and serves the API, but delivers nothing: each test decides which instance does.
  owner = await startTestGateway({ config: fastWebhooks(false) });
  pharmacy = await createPharmacy(owner.dataSource, owner.tokens, 'hooks');
  const started = await owner.graphql(
    `mutation ($customerId: ID!) { startConversation(input: { customerId: $customerId, subject: "Repeat prescription" }) { id } }`,
    { customerId: pharmacy.customers[0].id },
    pharmacy.tokens.pharmacist,
  );
  conversationId = started.data.startConversation.id;
});
afterAll(async () => {
  await owner.dispose();
});

describe('webhook delivery', () => {
  let deliverer: TestGateway | undefined;
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => {
    await deliverer?.dispose();
    await receiver?.close();
    deliverer = receiver = undefined;
    await disableAllEndpoints();
  });

  it('POSTs a signed, GraphQL-shaped event that the receiver can verify', async () => {
    receiver = await startWebhookReceiver();
    const { secret } = await registerEndpoint(receiver.url);
    deliverer = await startTestGateway({ sharing: owner, config: fastWebhooks() });

    const sent = await send('Your prescription is ready.');
    const [webhook] = await receiver.waitFor(1);

    expect(webhook!.body.type).toBe('message.created');
    expect(webhook!.headers[WebhookHeader.EventId]).toBe(webhook!.body.id);
    expect(webhook!.headers[WebhookHeader.EventType]).toBe('message.created');
    expect(webhook!.body.data.message).toMatchObject({
      __typename: 'Message',
      id: sent.id,
      sequence: sent.sequence,
      conversationId,
      body: 'Your prescription is ready.',
      kind: 'TEXT',
      sender: { __typename: 'StaffMember', id: pharmacy.pharmacist.id },
    });
    expect(webhook!.body.data.actor).toEqual({ __typename: 'StaffMember', id: pharmacy.pharmacist.id });
    const signed = {
      secret,
      body: webhook!.rawBody,
      timestamp: webhook!.headers[WebhookHeader.Timestamp] as string,
      signature: webhook!.headers[WebhookHeader.Signature] as string,
    };
    expect(verifyWebhook(signed)).toBe(true);
    expect(verifyWebhook({ ...signed, secret: 'ccwh_someone-else' })).toBe(false);
    expect(verifyWebhook({ ...signed, body: signed.body.replace('ready', 'READY') })).toBe(false);
    expect(verifyWebhook({ ...signed, now: new Date(Date.now() + 3600_000) })).toBe(false);
  });

  it('retries a failing endpoint with backoff and logs every attempt', async () => {
    receiver = await startWebhookReceiver();
    receiver.failNext(500, 503);
    const { endpoint } = await registerEndpoint(receiver.url);
    deliverer = await startTestGateway({ sharing: owner, config: fastWebhooks() });

    await send('Third time lucky');
    const attempts = await receiver.waitFor(3);
    expect(new Set(attempts.map((attempt) => attempt.body.id)).size).toBe(1);
    expect(attempts.map((attempt) => attempt.headers[WebhookHeader.Attempt])).toEqual(['1', '2', '3']);

    await waitUntil(async () => (await deliveriesOf(endpoint.id))[0]?.status === 'SUCCEEDED');
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery).toMatchObject({ status: 'SUCCEEDED', attemptCount: 3 });
    expect(delivery!.attempts.map((attempt: { statusCode: number }) => attempt.statusCode)).toEqual([500, 503, 200]);
    expect(delivery!.attempts[0].error).toMatch(/HTTP 500/);
    expect(delivery!.event.data.message.body).toBe('Third time lucky');
  });

  it('gives up after the last attempt, and a manual redelivery sends the same event again', async () => {
    receiver = await startWebhookReceiver();
    receiver.failNext(500, 500, 500, 500);
    const { endpoint } = await registerEndpoint(receiver.url);
    deliverer = await startTestGateway({ sharing: owner, config: fastWebhooks() });

    await send('Nobody home');
    await waitUntil(async () => (await deliveriesOf(endpoint.id))[0]?.status === 'FAILED');
    const [failed] = await deliveriesOf(endpoint.id);
    expect(failed!.attemptCount).toBe(4);

    const redelivered = await owner.graphql(
      `mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { id status } }`,
      { id: failed!.id },
      pharmacy.tokens.admin,
    );
    expect(redelivered.data.redeliverWebhook.status).toBe('PENDING');
    const received = await receiver.waitFor(5);
    expect(received[4]!.body.id).toBe(received[0]!.body.id);
    await waitUntil(async () => (await deliveriesOf(endpoint.id))[0]?.status === 'SUCCEEDED');
  });

  it('delivers events queued before a restart after it, once each', async () => {
    // The receiver is down while the first instance runs: every attempt is refused.
    const port = await findFreePort();
    const { endpoint } = await registerEndpoint(`http://127.0.0.1:${port}/hooks/counterchat`);
    const first = await startTestGateway({ sharing: owner, config: fastWebhooks() });
    const sent = [await send('One'), await send('Two'), await send('Three')];
    await waitUntil(async () => (await deliveriesOf(endpoint.id)).every((delivery: { attemptCount: number }) => delivery.attemptCount >= 1));
    await first.dispose();

    const pending = await deliveriesOf(endpoint.id);
    expect(pending).toHaveLength(3);
    expect(pending.every((delivery: { status: string }) => delivery.status === 'PENDING')).toBe(true);

    receiver = await startWebhookReceiver(port);
    deliverer = await startTestGateway({ sharing: owner, config: fastWebhooks() });
    await receiver.waitFor(3);
    await waitUntil(async () => (await deliveriesOf(endpoint.id)).every((delivery: { status: string }) => delivery.status === 'SUCCEEDED'));
    // Give a duplicate every chance to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const messageIds = receiver.received.map((webhook) => webhook.body.data.message.id).sort();
    expect(messageIds).toEqual(sent.map((message) => message.id).sort());
    expect(new Set(receiver.received.map((webhook) => webhook.body.id)).size).toBe(3);
  });

  it('skips recording, quietly, an attempt whose delivery a customer erasure deleted while it was being sent', async () => {
    const erased = pharmacy.customers[1];
    const started = await owner.graphql(
      `mutation ($customerId: ID!) { startConversation(input: { customerId: $customerId, subject: "Erase me" }) { id } }`,
      { customerId: erased.id },
      pharmacy.tokens.pharmacist,
    );
    const erasedConversationId = started.data.startConversation.id as string;
    // The receiver has the customer erased (their events and deliveries go) before it answers.
    receiver = await startWebhookReceiver(0, {
      beforeAnswer: async (webhook) => {
        if (webhook.body.data.message?.conversationId !== erasedConversationId) return;
        const erasure = await owner.graphql(`mutation ($id: ID!) { eraseCustomer(customerId: $id) { customerId } }`, { id: erased.id }, pharmacy.tokens.admin);
        expect(erasure.errors).toBeUndefined();
      },
    });
    const { endpoint } = await registerEndpoint(receiver.url);
    const errors = jest.spyOn(logger, 'error');
    const debug = jest.spyOn(logger, 'debug');
    try {
      deliverer = await startTestGateway({ sharing: owner, config: fastWebhooks() });
      const sent = await owner.graphql(SEND, { conversationId: erasedConversationId, body: 'About your test results', clientMessageId: nextClientMessageId() }, pharmacy.tokens.pharmacist);
      expect(sent.errors).toBeUndefined();
      const [webhook] = await receiver.waitFor(1);
      const deliveryId = webhook!.headers[WebhookHeader.DeliveryId];
      await waitUntil(async () => debug.mock.calls.some(([fields]) => (fields as { deliveryId?: unknown })?.deliveryId === deliveryId));
      expect(await owner.dataSource.query(`SELECT 1 FROM webhook_delivery_attempt WHERE delivery_id = $1`, [deliveryId])).toEqual([]);

      // The worker carries on: the next event is delivered and its attempt recorded.
      await send('Still delivering');
      await waitUntil(async () => (await deliveriesOf(endpoint.id)).some((delivery: { status: string }) => delivery.status === 'SUCCEEDED'));
      expect(errors.mock.calls).toEqual([]);
    } finally {
      errors.mockRestore();
      debug.mockRestore();
    }
  });

  it('sends only the subscribed events, and nothing while an endpoint is disabled', async () => {
    receiver = await startWebhookReceiver();
    const { endpoint } = await registerEndpoint(receiver.url, ['CONVERSATION_STATUS_CHANGED']);
    await owner.graphql(
      `mutation ($id: ID!) { updateWebhookEndpoint(input: { id: $id, enabled: false }) { enabled } }`,
      { id: endpoint.id },
      pharmacy.tokens.admin,
    );
    deliverer = await startTestGateway({ sharing: owner, config: fastWebhooks() });
    await send('Not subscribed to messages');
    await owner.graphql(
      `mutation ($id: ID!) { setConversationStatus(input: { conversationId: $id, status: RESOLVED }) { status } }`,
      { id: conversationId },
      pharmacy.tokens.pharmacist,
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(receiver.received).toHaveLength(0);

    await owner.graphql(
      `mutation ($id: ID!) { updateWebhookEndpoint(input: { id: $id, enabled: true }) { enabled } }`,
      { id: endpoint.id },
      pharmacy.tokens.admin,
    );
    const [webhook] = await receiver.waitFor(1);
    expect(webhook!.body.type).toBe('conversation.status_changed');
    expect(webhook!.body.data).toMatchObject({ conversation: { id: conversationId, status: 'RESOLVED' }, previousStatus: 'OPEN' });
    await owner.graphql(
      `mutation ($id: ID!) { setConversationStatus(input: { conversationId: $id, status: OPEN }) { status } }`,
      { id: conversationId },
      pharmacy.tokens.pharmacist,
    );
  });
});

describe('managing endpoints', () => {
  it('refuses URLs that are not http(s) or carry credentials', async () => {
    for (const url of ['ftp://example.com/hook', 'not a url', 'https://user:secret@example.com/hook']) {
      const response = await owner.graphql(CREATE_ENDPOINT, { url, events: ['MESSAGE_CREATED'] }, pharmacy.tokens.admin);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    }
  });

  it('lets a partner key with webhooks:manage register one, and nobody else in another pharmacy see it', async () => {
    const other = await createPharmacy(owner.dataSource, owner.tokens, 'hooks-other');
    const key = await owner.graphql(
      `mutation { createApiKey(input: { name: "Order system", scopes: [WEBHOOKS_MANAGE] }) { secret } }`,
      {},
      pharmacy.tokens.admin,
    );
    const created = await owner.graphql(CREATE_ENDPOINT, { url: 'https://orders.example.com/hook', events: ['MESSAGE_CREATED'] }, key.data.createApiKey.secret);
    expect(created.errors).toBeUndefined();
    const id = created.data.createWebhookEndpoint.endpoint.id;

    const elsewhere = await owner.graphql(`{ webhookEndpoints { id } }`, {}, other.tokens.admin);
    expect(elsewhere.data.webhookEndpoints).toEqual([]);
    const tamper = await owner.graphql(
      `mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) { id } }`,
      { id },
      other.tokens.admin,
    );
    expect(tamper.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const pharmacistTry = await owner.graphql(`{ webhookEndpoints { id } }`, {}, pharmacy.tokens.pharmacist);
    expect(pharmacistTry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('writes no event when the change rolls back', async () => {
    const before = await owner.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event`);
    await registerEndpoint('https://orders.example.com/rollback', ['MESSAGE_CREATED']);
    // A reply to a message of another conversation fails inside the send transaction.
    const response = await owner.graphql(
      `mutation ($conversationId: ID!, $replyToId: ID!) {
        sendMessage(input: { conversationId: $conversationId, body: "x", clientMessageId: "${nextClientMessageId()}", replyToId: $replyToId }) { id }
      }`,
      { conversationId, replyToId: '00000000-0000-4000-8000-000000000000' },
      pharmacy.tokens.pharmacist,
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const after = await owner.dataSource.query(`SELECT count(*)::int AS n FROM outbox_event`);
    expect(after[0].n).toBe(before[0].n);
  });
});

async function deliveriesOf(endpointId: string) {
  const response = await owner.graphql(DELIVERIES, { endpointId }, pharmacy.tokens.admin);
  expect(response.errors).toBeUndefined();
  return response.data.webhookDeliveries.edges.map((edge: { node: any }) => edge.node);
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
