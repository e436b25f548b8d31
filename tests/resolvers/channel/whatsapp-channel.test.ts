import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { jpegWithGps } from '../../fixtures/sample-files.js';
import { connectChannel, untilWithRetries } from '../../support/channel-helpers.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { waitUntil } from '../../support/wait-until.js';
import { startWhatsAppServer, whatsAppMedia, whatsAppStatus, whatsAppText, whatsAppWebhook, type WhatsAppAccount, type WhatsAppServer } from '../../support/whatsapp-server.js';

/**
 * WhatsApp through the Cloud API (issue 22), against a local server speaking Meta's paths,
 * bearer auth, JSON and error shapes, which also sends webhooks signed as Meta signs them.
 */
const account: WhatsAppAccount = { phoneNumberId: '106540352242922', accessToken: 'EAAG-access-token-for-tests', appSecret: 'app-secret-of-pharmacy-a', businessAccountId: '102290129340398' };
const otherAccount: WhatsAppAccount = { phoneNumberId: '206540352242922', accessToken: 'EAAG-other-access-token', appSecret: 'app-secret-of-pharmacy-b', businessAccountId: '202290129340398' };
const VERIFY_TOKEN = 'verify-token-of-pharmacy-a';
const KNOWN = '31612345678'; // Alice (fixtures), as WhatsApp writes numbers.

let whatsapp: WhatsAppServer;
let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let other: PharmacyFixture;
let webhookUrl: string;
let otherWebhookUrl: string;
let wamidCounter = 0;
const wamid = () => `wamid.HBgLMzE2MTIzNDU2NzgVAgASGBQz${process.pid}${++wamidCounter}`;

const count = async (sql: string, parameters: unknown[] = []) => ((await gateway.dataSource.query(sql, parameters)) as { n: number }[])[0]!.n;
const messagesOf = (organizationId: string) => count(`SELECT count(*)::int AS n FROM message WHERE organization_id = $1 AND kind = 'TEXT'`, [organizationId]);

beforeAll(async () => {
  whatsapp = await startWhatsAppServer(account);
  gateway = await startTestGateway({
    config: { jobs: { concurrency: 2, pollIntervalMs: 100 }, channels: { secretsKey: 'channel-secrets-key-for-tests', whatsappApiUrl: whatsapp.url, twilioApiUrl: 'http://127.0.0.1:9' } },
  });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'wa-a');
  other = await createPharmacy(gateway.dataSource, gateway.tokens, 'wa-b');
  const connection = (of: PharmacyFixture, which: WhatsAppAccount, phoneNumber: string) =>
    connectChannel(gateway, of.tokens.admin, {
      kind: 'WHATSAPP',
      name: 'Counter WhatsApp',
      phoneNumber,
      whatsappPhoneNumberId: which.phoneNumberId,
      whatsappBusinessAccountId: which.businessAccountId,
      secrets: { accessToken: which.accessToken, appSecret: which.appSecret, verifyToken: VERIFY_TOKEN },
      whatsappTemplates: [{ name: 'prescription_ready', language: 'nl' }],
    });
  webhookUrl = (await connection(pharmacy, account, '+31201234567')).webhookUrl;
  otherWebhookUrl = (await connection(other, otherAccount, '+31207654321')).webhookUrl;
});
afterAll(async () => {
  await gateway?.dispose();
  await whatsapp?.dispose();
});

async function threadOf(phone: string, organizationId = pharmacy.organization.id): Promise<{ id: string; customer_id: string; channel: string }> {
  const [row] = await gateway.dataSource.query(
    `SELECT c.id, c.customer_id, c.channel FROM conversation c JOIN customer u ON u.id = c.customer_id WHERE c.organization_id = $1 AND u.phone = $2 AND c.channel_connection_id IS NOT NULL ORDER BY c.created_at DESC LIMIT 1`,
    [organizationId, phone],
  );
  return row;
}

async function reply(conversationId: string, body: string) {
  return gateway.graphql(
    `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id delivery { state reason } } }`,
    { input: { conversationId, body, clientMessageId: nextClientMessageId() } },
    pharmacy.tokens.pharmacist,
  );
}

const deliveryOf = async (messageId: string) => ((await gateway.dataSource.query(`SELECT state, reason, provider_message_id FROM message_delivery WHERE message_id = $1`, [messageId])) as { state: string; reason: string | null; provider_message_id: string | null }[])[0];

describe('the verification handshake', () => {
  it('echoes hub.challenge for the verify token, 403 for another token, 404 for an unknown webhook', async () => {
    const ask = (url: string, token: string) => fetch(`${url}?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`);
    const right = await ask(webhookUrl, VERIFY_TOKEN);
    expect(right.status).toBe(200);
    expect(await right.text()).toBe('1158201444');
    expect((await ask(webhookUrl, 'guess')).status).toBe(403);
    expect((await ask(webhookUrl.replace(/[^/]+$/, 'A'.repeat(32)), VERIFY_TOKEN)).status).toBe(404);
  });
});

describe('inbound messages', () => {
  it("lands a known number's text once in that customer's WhatsApp thread, however often Meta redelivers it", async () => {
    const payload = whatsAppWebhook(account, whatsAppText(KNOWN, wamid(), 'Is my prescription ready?'));
    const before = await messagesOf(pharmacy.organization.id);
    for (let delivery = 0; delivery < 3; delivery += 1) expect((await whatsapp.sendWebhook(webhookUrl, payload)).status).toBe(200);
    expect(await messagesOf(pharmacy.organization.id)).toBe(before + 1);
    const thread = await threadOf('+31612345678');
    expect(thread).toMatchObject({ customer_id: pharmacy.customers[0].id, channel: 'WHATSAPP' });
    // The next message joins the same open thread.
    await whatsapp.sendWebhook(webhookUrl, whatsAppWebhook(account, whatsAppText(KNOWN, wamid(), 'And the cream?')));
    expect((await threadOf('+31612345678')).id).toBe(thread.id);
    expect(await count(`SELECT count(*)::int AS n FROM message WHERE conversation_id = $1 AND kind = 'TEXT'`, [thread.id])).toBe(2);
  });

  it('makes an unknown number a new customer flagged unverified, named as their profile says', async () => {
    await whatsapp.sendWebhook(webhookUrl, whatsAppWebhook(account, whatsAppText('31611112222', wamid(), 'Hello', 'Sam Jansen')));
    const [customer] = await gateway.dataSource.query(`SELECT name, phone, unverified FROM customer WHERE organization_id = $1 AND phone = '+31611112222'`, [pharmacy.organization.id]);
    expect(customer).toEqual({ name: 'Sam Jansen', phone: '+31611112222', unverified: true });
    const seen = await gateway.graphql(`query ($id: ID!) { conversation(id: $id) { channel customer { unverified } } }`, { id: (await threadOf('+31611112222')).id }, pharmacy.tokens.pharmacist);
    expect(seen.data?.conversation).toEqual({ channel: 'WHATSAPP', customer: { unverified: true } });
  });

  it('refuses a forged signature with 403 and stores nothing', async () => {
    const before = await messagesOf(pharmacy.organization.id);
    const inbound = await count(`SELECT count(*)::int AS n FROM channel_inbound_message`);
    const payload = whatsAppWebhook(account, whatsAppText('31699990000', wamid(), 'forged'));
    expect((await whatsapp.sendWebhook(webhookUrl, payload, 'not-the-app-secret')).status).toBe(403);
    const unsigned = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
    expect(unsigned.status).toBe(403);
    expect(await messagesOf(pharmacy.organization.id)).toBe(before);
    expect(await count(`SELECT count(*)::int AS n FROM channel_inbound_message`)).toBe(inbound);
    expect(await count(`SELECT count(*)::int AS n FROM customer WHERE phone = '+31699990000'`)).toBe(0);
  });

  it('answers a signed body that is not JSON with 400, and one of another shape with 200, storing nothing', async () => {
    const before = await messagesOf(pharmacy.organization.id);
    const signed = async (raw: string) => {
      const body = Buffer.from(raw);
      const { whatsappSignature } = await import('../../../gateway/channels/whatsapp-signature.js');
      return fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': whatsappSignature(account.appSecret, body) }, body });
    };
    expect((await signed('{not json')).status).toBe(400);
    expect((await signed('{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"106540352242922"},"messages":[{"type":"text"},null,42]}}]}]}')).status).toBe(200);
    expect((await signed('[]')).status).toBe(200);
    expect(await messagesOf(pharmacy.organization.id)).toBe(before);
  });

  it("can't be injected into a pharmacy through another pharmacy's webhook URL", async () => {
    const before = [await messagesOf(pharmacy.organization.id), await messagesOf(other.organization.id)];
    // Signed with pharmacy B's secret, posted to A's URL: A's secret doesn't match.
    expect((await whatsapp.sendWebhook(webhookUrl, whatsAppWebhook(account, whatsAppText('31655550000', wamid(), 'x')), otherAccount.appSecret)).status).toBe(403);
    // Signed by B for B's URL but naming A's number: not B's number, so nothing lands anywhere.
    expect((await whatsapp.sendWebhook(otherWebhookUrl, whatsAppWebhook(account, whatsAppText('31655550000', wamid(), 'x')), otherAccount.appSecret)).status).toBe(200);
    // A's signature on B's URL: refused.
    expect((await whatsapp.sendWebhook(otherWebhookUrl, whatsAppWebhook(otherAccount, whatsAppText('31655550000', wamid(), 'x')), account.appSecret)).status).toBe(403);
    expect([await messagesOf(pharmacy.organization.id), await messagesOf(other.organization.id)]).toEqual(before);
  });

  it('downloads an image from the Graph API once, strips its EXIF and stores it as an attachment', async () => {
    const mediaId = whatsapp.addMedia(await jpegWithGps(), 'image/jpeg');
    const payload = whatsAppWebhook(account, whatsAppMedia('31622223333', wamid(), 'image', mediaId, { caption: 'my prescription' }));
    expect((await whatsapp.sendWebhook(webhookUrl, payload)).status).toBe(200);
    expect((await whatsapp.sendWebhook(webhookUrl, payload)).status).toBe(200);
    let attachment: { storage_key: string; content_type: string; body: string } | undefined;
    await waitUntil('the image to be stored', async () => {
      [attachment] = await gateway.dataSource.query(
        `SELECT a.storage_key, a.content_type, m.body FROM attachment a JOIN message m ON m.id = a.message_id JOIN customer u ON u.id = (SELECT customer_id FROM conversation WHERE id = m.conversation_id) WHERE u.phone = '+31622223333'`,
      );
      return attachment !== undefined;
    });
    expect(attachment).toMatchObject({ content_type: 'image/jpeg', body: 'my prescription' });
    const chunks: Buffer[] = [];
    for await (const chunk of await gateway.files.storage.read(attachment!.storage_key)) chunks.push(chunk as Buffer);
    const stored = Buffer.concat(chunks);
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
    // A third delivery after it landed adds nothing either.
    await whatsapp.sendWebhook(webhookUrl, payload);
    expect(await count(`SELECT count(*)::int AS n FROM message m JOIN conversation c ON c.id = m.conversation_id JOIN customer u ON u.id = c.customer_id WHERE u.phone = '+31622223333' AND m.kind = 'TEXT'`)).toBe(1);
    expect(whatsapp.mediaDownloads.get(mediaId)).toBe(1);
  });

  it('keeps the caption and says so when the file is not an allowed type', async () => {
    const mediaId = whatsapp.addMedia(Buffer.from('MZ\x90\x00 not a document'), 'application/pdf');
    await whatsapp.sendWebhook(webhookUrl, whatsAppWebhook(account, whatsAppMedia('31633334444', wamid(), 'document', mediaId, { caption: 'see file', filename: 'scan.pdf', mime_type: 'application/pdf' })));
    await waitUntil('the message to land', async () => (await count(`SELECT count(*)::int AS n FROM customer u JOIN conversation c ON c.customer_id = u.id JOIN message m ON m.conversation_id = c.id WHERE u.phone = '+31633334444' AND m.kind = 'TEXT'`)) === 1);
    const [message] = await gateway.dataSource.query(`SELECT m.body FROM message m JOIN conversation c ON c.id = m.conversation_id JOIN customer u ON u.id = c.customer_id WHERE u.phone = '+31633334444' AND m.kind = 'TEXT'`);
    expect(message.body).toMatch(/^see file\n\[Only photos, PDF and Word documents/);
  });
});

describe('replies', () => {
  it('reach the Cloud API with the right payload, and status webhooks update their delivery live', async () => {
    const thread = await threadOf('+31612345678');
    const subscriber = connectSubscriber(gateway.wsUrl, pharmacy.tokens.pharmacist);
    try {
      const events = subscriber.subscribe(`subscription ($id: ID!) { conversationEvents(conversationId: $id) { kind message { id delivery { state reason } } } }`, { id: thread.id });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const sent = await reply(thread.id, 'Yes, it is ready for pick-up.');
      expect(sent.errors).toBeUndefined();
      expect(sent.data.sendMessage.delivery).toEqual({ state: 'QUEUED', reason: null });
      const messageId = sent.data.sendMessage.id;
      await waitUntil('the reply to reach WhatsApp', () => whatsapp.messages.some((message) => message.body.text?.body === 'Yes, it is ready for pick-up.'));
      const received = whatsapp.messages.find((message) => message.body.text?.body === 'Yes, it is ready for pick-up.')!;
      expect(received).toMatchObject({ phoneNumberId: account.phoneNumberId, body: { messaging_product: 'whatsapp', to: KNOWN, type: 'text', text: { body: 'Yes, it is ready for pick-up.' } } });
      const wanted = async (state: string) => {
        for (;;) {
          const event = await events.next(10_000);
          if (event.data?.conversationEvents.kind === 'DELIVERY_CHANGED' && event.data.conversationEvents.message.delivery.state === state) return event.data.conversationEvents;
        }
      };
      expect(await wanted('SENT')).toMatchObject({ message: { id: messageId } });
      expect((await deliveryOf(messageId))!.provider_message_id).toBe(received.id);
      await whatsapp.sendWebhook(webhookUrl, whatsAppWebhook(account, whatsAppStatus(received.id, 'delivered', KNOWN)));
      expect(await wanted('DELIVERED')).toMatchObject({ message: { id: messageId, delivery: { state: 'DELIVERED' } } });
      await whatsapp.sendWebhook(webhookUrl, whatsAppWebhook(account, whatsAppStatus(received.id, 'read', KNOWN)));
      expect(await wanted('READ')).toMatchObject({ message: { id: messageId } });
      // A late "delivered" doesn't undo "read".
      await whatsapp.sendWebhook(webhookUrl, whatsAppWebhook(account, whatsAppStatus(received.id, 'delivered', KNOWN)));
      expect((await deliveryOf(messageId))!.state).toBe('READ');
      events.stop();
      // A reconnect replays the reply with its delivery as it stands (the replay carries it).
      const replay = subscriber.subscribe(`subscription ($id: ID!) { conversationEvents(conversationId: $id, afterSequence: 0) { message { id delivery { state } } } }`, { id: thread.id });
      for (;;) {
        const message = (await replay.next()).data?.conversationEvents.message;
        if (message?.id !== messageId) continue;
        expect(message.delivery).toEqual({ state: 'READ' });
        break;
      }
      replay.stop();
    } finally {
      await subscriber.dispose();
    }
  });

  it('are retried with backoff through a provider outage and delivered once', async () => {
    const thread = await threadOf('+31612345678');
    whatsapp.failNextSends(2);
    const sent = await reply(thread.id, 'Sent through an outage');
    expect(sent.errors).toBeUndefined();
    await untilWithRetries(gateway, 'the reply to be sent after the outage', async () => (await deliveryOf(sent.data.sendMessage.id))!.state === 'SENT');
    expect(whatsapp.refusals.filter((refusal) => refusal.startsWith('503')).length).toBeGreaterThanOrEqual(2);
    expect(whatsapp.messages.filter((message) => message.body.text?.body === 'Sent through an outage')).toHaveLength(1);
  });

  it("fail with the provider's reason when WhatsApp refuses them, and when a status says failed", async () => {
    await whatsapp.sendWebhook(webhookUrl, whatsAppWebhook(account, whatsAppText('31644445555', wamid(), 'hi')));
    whatsapp.undeliverable.add('31644445555');
    const refused = await reply((await threadOf('+31644445555')).id, 'You will not get this');
    await waitUntil('the refusal to be recorded', async () => (await deliveryOf(refused.data.sendMessage.id))!.state === 'FAILED');
    expect((await deliveryOf(refused.data.sendMessage.id))!.reason).toBe('WhatsApp 400 (131026): Message undeliverable');
    whatsapp.undeliverable.delete('31644445555');

    const later = await reply((await threadOf('+31644445555')).id, 'Accepted, then failed');
    await waitUntil('the reply to be sent', async () => (await deliveryOf(later.data.sendMessage.id))!.state === 'SENT');
    const { provider_message_id: id } = (await deliveryOf(later.data.sendMessage.id))!;
    await whatsapp.sendWebhook(webhookUrl, whatsAppWebhook(account, whatsAppStatus(id!, 'failed', '31644445555', { code: 131047, title: 'Re-engagement message', message: 'More than 24 hours have passed' })));
    const read = await gateway.graphql(`query ($id: ID!) { conversation(id: $id) { messages(last: 1) { edges { node { delivery { state reason } } } } } }`, { id: (await threadOf('+31644445555')).id }, pharmacy.tokens.pharmacist);
    expect(read.data.conversation.messages.edges[0].node.delivery).toEqual({ state: 'FAILED', reason: 'WhatsApp (131047): More than 24 hours have passed' });
  });
});

describe('the 24-hour window', () => {
  it('refuses a free-form reply 24 hours after the customer last wrote, and sends an approved template instead', async () => {
    await whatsapp.sendWebhook(webhookUrl, whatsAppWebhook(account, whatsAppText('31655556666', wamid(), 'Thanks!')));
    const thread = await threadOf('+31655556666');
    const window = await gateway.graphql(`query ($id: ID!) { conversation(id: $id) { whatsAppWindow { open templates { name language } } } }`, { id: thread.id }, pharmacy.tokens.pharmacist);
    expect(window.data.conversation.whatsAppWindow).toEqual({ open: true, templates: [{ name: 'prescription_ready', language: 'nl' }] });

    await gateway.dataSource.query(`UPDATE message SET created_at = now() - interval '25 hours' WHERE conversation_id = $1`, [thread.id]);
    const refused = await reply(thread.id, 'Your order is ready');
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(/within 24 hours/);
    const closed = await gateway.graphql(`query ($id: ID!) { conversation(id: $id) { whatsAppWindow { open closesAt } } }`, { id: thread.id }, pharmacy.tokens.pharmacist);
    expect(closed.data.conversation.whatsAppWindow).toEqual({ open: false, closesAt: null });

    const template = (name: string) =>
      gateway.graphql(
        `mutation ($input: SendWhatsAppTemplateInput!) { sendWhatsAppTemplate(input: $input) { id body delivery { state } } }`,
        { input: { conversationId: thread.id, name, language: 'nl', parameters: ['Sam'], clientMessageId: nextClientMessageId() } },
        pharmacy.tokens.pharmacist,
      );
    expect((await template('not_approved')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Its answer is message text, so it is a read of the thread like sendMessage's (the read audit's walk points here).
    const reads = () =>
      count(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'MESSAGES_READ' AND object_id = $1 AND actor_id = $2`, [thread.id, pharmacy.pharmacist.id]);
    const readsBefore = await reads();
    const sent = await template('prescription_ready');
    expect(sent.errors).toBeUndefined();
    await waitUntil('the template send to record a read of the thread', async () => (await reads()) > readsBefore, 5_000);
    await waitUntil('the template to reach WhatsApp', () => whatsapp.messages.some((message) => message.body.type === 'template' && message.body.to === '31655556666'));
    expect(whatsapp.messages.find((message) => message.body.to === '31655556666')!.body).toEqual({
      messaging_product: 'whatsapp',
      to: '31655556666',
      type: 'template',
      template: { name: 'prescription_ready', language: { code: 'nl' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Sam' }] }] },
    });
  });
});
