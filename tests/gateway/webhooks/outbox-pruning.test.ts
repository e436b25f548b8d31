import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OUTBOX_HISTORY_DAYS, pruneWebhookHistory } from '../../../gateway/webhooks/outbox-pruning.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

let gateway: TestGateway;
let pharmacy: PharmacyFixture;

beforeAll(async () => {
  gateway = await startTestGateway({ config: withoutBackgroundWork });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'outbox-pruning');
  const endpoint = await gateway.graphql(
    `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hooks", events: [MESSAGE_CREATED] }) { endpoint { id } } }`,
    {},
    pharmacy.tokens.admin,
  );
  expect(endpoint.errors).toBeUndefined();
  const started = await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, pharmacy.tokens.customer);
  for (const body of ['Delivered long ago', 'Still being retried', 'Given up long ago', 'Delivered yesterday']) {
    const sent = await gateway.graphql(
      `mutation ($id: ID!, $body: String!, $c: String!) { sendMessage(input: { conversationId: $id, body: $body, clientMessageId: $c }) { id } }`,
      { id: started.data.startConversation.id, body, c: nextClientMessageId() },
      pharmacy.tokens.customer,
    );
    expect(sent.errors).toBeUndefined();
  }
  const age = async (body: string, days: number, status: string) =>
    gateway.dataSource.query(
      `WITH event AS (UPDATE outbox_event SET created_at = now() - make_interval(days => $2) WHERE payload->'message'->>'body' = $1 RETURNING id)
       UPDATE webhook_delivery SET status = $3::webhook_delivery_status WHERE event_id IN (SELECT id FROM event)`,
      [body, days, status],
    );
  await age('Delivered long ago', OUTBOX_HISTORY_DAYS + 1, 'SUCCEEDED');
  await age('Still being retried', OUTBOX_HISTORY_DAYS + 1, 'PENDING');
  await age('Given up long ago', OUTBOX_HISTORY_DAYS + 1, 'FAILED');
  await age('Delivered yesterday', 1, 'SUCCEEDED');
});

afterAll(() => gateway?.dispose());

describe('the pruning of webhook history', () => {
  it(`deletes finished events older than ${OUTBOX_HISTORY_DAYS} days with their deliveries, and keeps pending and recent ones`, async () => {
    expect(await pruneWebhookHistory(gateway.database)).toBe(2);
    const left: { body: string; deliveries: number }[] = await gateway.dataSource.query(
      `SELECT e.payload->'message'->>'body' AS body, (SELECT count(*)::int FROM webhook_delivery d WHERE d.event_id = e.id) AS deliveries
         FROM outbox_event e WHERE e.organization_id = $1 ORDER BY body`,
      [pharmacy.organization.id],
    );
    expect(left).toEqual([
      { body: 'Delivered yesterday', deliveries: 1 },
      { body: 'Still being retried', deliveries: 1 },
    ]);
    expect(await pruneWebhookHistory(gateway.database)).toBe(0);
  });
});
