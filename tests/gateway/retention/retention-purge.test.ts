import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { purgeExpiredMessages } from '../../../gateway/retention/retention-purge.js';
import { png } from '../../fixtures/sample-files.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { sendWithFiles } from '../../support/multipart-request.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const DAY = 86_400_000;

let gateway: TestGateway;
let keeping: PharmacyFixture;
let purging: PharmacyFixture;

async function threadWithPhoto(pharmacy: PharmacyFixture) {
  const started = await gateway.graphql(`mutation { startConversation(input: { subject: "Rash on my arm" }) { id } }`, {}, pharmacy.tokens.customer);
  const conversationId = started.data.startConversation.id;
  const sent = await sendWithFiles(gateway.url, pharmacy.tokens.customer, { conversationId, body: 'Photo of the rash', clientMessageId: nextClientMessageId() }, [
    { name: 'rash.png', type: 'image/png', data: await png() },
  ]);
  expect(sent.body.errors).toBeUndefined();
  return { conversationId, messageId: sent.body.data.sendMessage.id as string };
}

beforeAll(async () => {
  gateway = await startTestGateway({ config: { retention: { enabled: false, intervalMs: 3600_000 } } });
  keeping = await createPharmacy(gateway.dataSource, gateway.tokens, 'retention-keep');
  purging = await createPharmacy(gateway.dataSource, gateway.tokens, 'retention-purge');
  await gateway.graphql(`mutation { updateOrganizationSettings(input: { retentionDays: 30 }) { id } }`, {}, purging.tokens.admin);
  // Both pharmacies send webhooks, so their outboxes hold copies of the message texts too.
  for (const pharmacy of [keeping, purging]) {
    const created = await gateway.graphql(
      `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hooks", events: [MESSAGE_CREATED] }) { endpoint { id } } }`,
      {},
      pharmacy.tokens.admin,
    );
    expect(created.errors).toBeUndefined();
  }
});

const outboxOf = (pharmacy: PharmacyFixture) =>
  gateway.dataSource.query(`SELECT payload FROM outbox_event WHERE organization_id = $1`, [pharmacy.organization.id]);
afterAll(async () => {
  await gateway.dispose();
});

describe('the retention purge', () => {
  it('empties messages, files, webhook events and subjects past the retention period, keeps tombstones, and audits it', async () => {
    const kept = await threadWithPhoto(keeping);
    const purged = await threadWithPhoto(purging);
    const [{ storage_key: storageKey }] = await gateway.dataSource.query(`SELECT storage_key FROM attachment WHERE message_id = $1`, [purged.messageId]);
    const storedFile = path.join(gateway.dataDir, 'uploads', storageKey);
    expect(existsSync(storedFile)).toBe(true);

    // Nothing is old enough yet.
    expect(await purgeExpiredMessages(gateway.database, gateway.files.storage)).toEqual([]);

    const later = new Date(Date.now() + 31 * DAY);
    const purges = await purgeExpiredMessages(gateway.database, gateway.files.storage, later);
    expect(purges).toEqual([{ organizationId: purging.organization.id, before: expect.any(Date), messages: 1, attachments: 1, webhookEvents: 1 }]);
    expect(await outboxOf(purging)).toEqual([]);

    const [message] = await gateway.dataSource.query(`SELECT body, deleted_at, sequence FROM message WHERE id = $1`, [purged.messageId]);
    expect(message).toMatchObject({ body: null, sequence: 1 });
    expect(message.deleted_at).not.toBeNull();
    expect(await gateway.dataSource.query(`SELECT id FROM attachment WHERE message_id = $1`, [purged.messageId])).toEqual([]);
    expect(existsSync(storedFile)).toBe(false);
    const [conversation] = await gateway.dataSource.query(`SELECT subject FROM conversation WHERE id = $1`, [purged.conversationId]);
    expect(conversation.subject).toBeNull();

    // The pharmacy without a retention period keeps everything.
    const [keptMessage] = await gateway.dataSource.query(`SELECT body FROM message WHERE id = $1`, [kept.messageId]);
    expect(keptMessage.body).toBe('Photo of the rash');
    expect(JSON.stringify(await outboxOf(keeping))).toContain('Photo of the rash');

    const audit = await gateway.graphql(`{ auditLog(first: 5, actions: [RETENTION_PURGE]) { edges { node { actor { __typename } details } } } }`, {}, purging.tokens.admin);
    expect(audit.data.auditLog.edges).toEqual([{ node: { actor: null, details: expect.objectContaining({ messages: 1, attachments: 1, webhookEvents: 1, retentionDays: 30 }) } }]);

    // Running again finds nothing left to do.
    expect(await purgeExpiredMessages(gateway.database, gateway.files.storage, later)).toEqual([]);
  });
});
