import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readConfig } from '../../../gateway/server/config.js';
import { TrustedDocuments } from '../../../gateway/pipeline/trusted-documents.js';
import { MAX_UNTRUSTED_OPERATION_NAMES } from '../../../gateway/pipeline/operation-name-labels.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { parsePrometheusText, valueOf, type Sample } from '../../support/prometheus-text.js';
import { connectSubscriber, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { waitUntil } from '../../support/wait-until.js';

const TOKEN = 'metrics-scrape-token';
const OPERATIONS = 'counterchat_graphql_operation_duration_seconds_count';

describe('the metrics listener', () => {
  describe('without METRICS_PORT', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway();
    });
    afterAll(() => gateway.dispose());

    it('reads no metrics configuration from an environment without METRICS_PORT', () => {
      expect(readConfig({}).metrics).toBeUndefined();
      expect(readConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1', token: undefined });
      expect(() => readConfig({ METRICS_PORT: 'all' })).toThrow(/METRICS_PORT/);
    });

    it('opens no metrics listener, and the public port serves no metrics', async () => {
      expect(gateway.metricsUrl).toBeUndefined();
      const response = await fetch(`${gateway.url}/metrics`);
      expect(await response.text()).not.toMatch(/^# (HELP|TYPE) /m);
    });
  });

  describe('with METRICS_PORT and METRICS_TOKEN', () => {
    let gateway: TestGateway;
    let pharmacy: PharmacyFixture;
    const subscribers: TestSubscriber[] = [];
    afterEach(async () => {
      await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
    });

    beforeAll(async () => {
      gateway = await startTestGateway({ config: { metrics: { port: 0, host: '127.0.0.1', token: TOKEN } } });
      pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'metrics');
    });
    afterAll(() => gateway.dispose());

    const scrape = async (): Promise<Sample[]> => {
      const response = await fetch(gateway.metricsUrl!, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      return parsePrometheusText(await response.text());
    };

    it('listens on its own address, apart from the public port', () => {
      expect(gateway.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      expect(new URL(gateway.metricsUrl!).port).not.toBe(new URL(gateway.url).port);
    });

    it('refuses a scrape without the token or with another one, with 401', async () => {
      expect((await fetch(gateway.metricsUrl!)).status).toBe(401);
      expect((await fetch(gateway.metricsUrl!, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
      expect((await fetch(gateway.metricsUrl!, { headers: { authorization: TOKEN } })).status).toBe(401);
    });

    it("exports Node's default metrics, the database pool and the queue depths in the text format", async () => {
      const samples = await scrape();
      const names = new Set(samples.map((sample) => sample.name));
      for (const name of ['process_cpu_user_seconds_total', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) expect(names).toContain(name);
      expect(valueOf(samples, 'counterchat_database_pool_total_connections', { pool: 'app' })).toBeGreaterThan(0);
      expect(samples.find((sample) => sample.name === 'counterchat_database_pool_waiting_connections')?.labels).toEqual({ pool: 'app' });
      // Asked of the database: numbers, not the NaN of a failed query.
      expect(valueOf(samples, 'counterchat_job_queue_pending_jobs')).toBe(0);
      expect(valueOf(samples, 'counterchat_webhook_outbox_due_deliveries')).toBe(0);
    });

    it('times an HTTP query by operation name, type, transport and outcome, and its root field', async () => {
      const labels = { operation: 'MetricsProbe', type: 'query', transport: 'http', outcome: 'ok' };
      const before = await scrape();
      const answer = await gateway.graphql(`query MetricsProbe { onlineStaff { id } }`, {}, pharmacy.tokens.pharmacist);
      expect(answer.errors).toBeUndefined();
      const after = await scrape();
      expect(valueOf(after, OPERATIONS, labels) - valueOf(before, OPERATIONS, labels)).toBe(1);
      const field = { field: 'Query.onlineStaff' };
      expect(valueOf(after, 'counterchat_graphql_root_field_duration_seconds_count', field) - valueOf(before, 'counterchat_graphql_root_field_duration_seconds_count', field)).toBe(1);
      expect(valueOf(after, 'counterchat_graphql_operation_duration_seconds_bucket', { ...labels, le: '+Inf' })).toBe(valueOf(after, OPERATIONS, labels));
    });

    it('labels an operation refused by validation with its code, on both transports alike', async () => {
      const overHttp = { operation: 'MetricsBroken', type: 'unknown', transport: 'http', outcome: 'GRAPHQL_VALIDATION_FAILED' };
      const overSocket = { ...overHttp, transport: 'websocket' };
      const before = await scrape();
      await gateway.graphql(`query MetricsBroken { noSuchField }`, {}, pharmacy.tokens.pharmacist);
      const subscriber = connectSubscriber(gateway.wsUrl, pharmacy.tokens.pharmacist);
      subscribers.push(subscriber);
      const refused = await subscriber.subscribe(`query MetricsBroken { noSuchField }`).next();
      expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const after = await scrape();
      expect(valueOf(after, OPERATIONS, overHttp) - valueOf(before, OPERATIONS, overHttp)).toBe(1);
      expect(valueOf(after, OPERATIONS, overSocket) - valueOf(before, OPERATIONS, overSocket)).toBe(1);
    });

    it('counts the socket and the subscription, and the event sent to it with its commit-to-send time', async () => {
      const conversationId = (await gateway.graphql(`mutation { startConversation(input: { subject: "Metrics" }) { id } }`, {}, pharmacy.tokens.customer)).data
        .startConversation.id as string;
      const before = await scrape();
      const subscriber = connectSubscriber(gateway.wsUrl, pharmacy.tokens.pharmacist);
      subscribers.push(subscriber);
      const events = subscriber.subscribe(`subscription MetricsFollow($id: ID!) { conversationEvents(conversationId: $id) { kind } }`, { id: conversationId });
      const subscribed = { operation: 'MetricsFollow', type: 'subscription', transport: 'websocket', outcome: 'ok' };
      let live: Sample[] = [];
      await waitUntil('the subscription to be counted', async () => {
        live = await scrape();
        return valueOf(live, OPERATIONS, subscribed) - valueOf(before, OPERATIONS, subscribed) === 1;
      });
      expect(valueOf(live, 'counterchat_websocket_open_sockets')).toBe(1);
      expect(valueOf(live, 'counterchat_live_subscriptions')).toBe(1);

      const sent = await gateway.graphql(
        `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
        { input: { conversationId, body: 'Counted?', clientMessageId: nextClientMessageId() } },
        pharmacy.tokens.customer,
      );
      expect(sent.errors).toBeUndefined();
      expect((await events.next()).data).toEqual({ conversationEvents: { kind: 'MESSAGE_ADDED' } });
      const after = await scrape();
      const conversation = { channel: 'conversation' };
      expect(valueOf(after, 'counterchat_events_published_total', conversation) - valueOf(before, 'counterchat_events_published_total', conversation)).toBe(1);
      expect(valueOf(after, 'counterchat_events_delivered_total', conversation) - valueOf(before, 'counterchat_events_delivered_total', conversation)).toBe(1);
      const commitToSend = 'counterchat_event_commit_to_send_seconds_count';
      expect(valueOf(after, commitToSend, conversation) - valueOf(before, commitToSend, conversation)).toBe(1);
      // The inbox event of that message was published, and nobody here listens to inboxes.
      expect(valueOf(after, 'counterchat_events_published_total', { channel: 'inbox' })).toBeGreaterThan(valueOf(before, 'counterchat_events_published_total', { channel: 'inbox' }));
      expect(valueOf(after, 'counterchat_events_delivered_total', { channel: 'inbox' })).toBe(valueOf(before, 'counterchat_events_delivered_total', { channel: 'inbox' }));

      await subscriber.dispose();
      await waitUntil('the socket and its subscription to be gone', async () => {
        const closed = await scrape();
        return valueOf(closed, 'counterchat_websocket_open_sockets') === 0 && valueOf(closed, 'counterchat_live_subscriptions') === 0;
      });
    });

    it('keeps the operation label within its bound when clients send a flood of random names', async () => {
      const trusted = TrustedDocuments.load(readConfig({}).trustedDocumentFiles).operationNames().length;
      const names = Array.from({ length: MAX_UNTRUSTED_OPERATION_NAMES * 3 }, () => `Random_${randomBytes(6).toString('hex')}`);
      for (let start = 0; start < names.length; start += 25) {
        await Promise.all(names.slice(start, start + 25).map((name) => gateway.graphql(`query ${name} { __typename }`, {}, pharmacy.tokens.pharmacist)));
      }
      // An unnamed operation has a label of its own.
      await gateway.graphql(`query { __typename }`, {}, pharmacy.tokens.pharmacist);
      const samples = (await scrape()).filter((sample) => sample.name === OPERATIONS);
      const operations = new Set(samples.map((sample) => sample.labels.operation));
      expect(operations.size).toBeLessThanOrEqual(trusted + MAX_UNTRUSTED_OPERATION_NAMES + 2);
      expect(operations).toContain('other');
      expect(operations).toContain('anonymous');
      const flooded = samples.filter((sample) => names.includes(sample.labels.operation!)).reduce((sum, sample) => sum + sample.value, 0);
      const other = samples.filter((sample) => sample.labels.operation === 'other').reduce((sum, sample) => sum + sample.value, 0);
      expect(flooded + other).toBeGreaterThanOrEqual(names.length);
    });
  });
});
