import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { png } from '../../fixtures/sample-files.js';
import { connectChannel, untilWithRetries } from '../../support/channel-helpers.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { startTwilioServer, type TwilioServer } from '../../support/twilio-server.js';
import { waitUntil } from '../../support/wait-until.js';

/** SMS through Twilio's Messages API (issue 22), against a local server speaking Twilio's paths, Basic auth, forms and errors. */
const credentials = { accountSid: 'AC0123456789abcdef0123456789abcdef', authToken: 'twilio-auth-token-of-pharmacy' };
const NUMBER = '+15005550006';
const ALICE = '+31612345678';

let twilio: TwilioServer;
let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let webhookUrl: string;
let sidCounter = 0;
const sid = (prefix = 'SM') => `${prefix}${String(process.pid).padStart(8, '0')}${String(++sidCounter).padStart(24, '0')}`;

const inbound = (from: string, body: string, extra: Record<string, string> = {}) => ({
  MessageSid: sid(),
  SmsSid: '',
  AccountSid: credentials.accountSid,
  From: from,
  To: NUMBER,
  Body: body,
  NumMedia: '0',
  NumSegments: '1',
  SmsStatus: 'received',
  ApiVersion: '2010-04-01',
  ...extra,
});
const count = async (sql: string, parameters: unknown[] = []) => ((await gateway.dataSource.query(sql, parameters)) as { n: number }[])[0]!.n;
const textsFrom = (phone: string) =>
  count(`SELECT count(*)::int AS n FROM message m JOIN conversation c ON c.id = m.conversation_id JOIN customer u ON u.id = c.customer_id WHERE u.phone = $1 AND m.kind = 'TEXT' AND m.sender_type = 'CUSTOMER' AND u.organization_id = $2`, [phone, pharmacy.organization.id]);
const threadOf = async (phone: string): Promise<string> =>
  (await gateway.dataSource.query(`SELECT c.id FROM conversation c JOIN customer u ON u.id = c.customer_id WHERE u.phone = $1 AND c.channel = 'SMS' AND u.organization_id = $2 ORDER BY c.created_at DESC LIMIT 1`, [phone, pharmacy.organization.id]))[0].id;
const deliveryOf = async (messageId: string) => ((await gateway.dataSource.query(`SELECT state, reason, provider_message_id FROM message_delivery WHERE message_id = $1`, [messageId])) as { state: string; reason: string | null; provider_message_id: string | null }[])[0]!;

beforeAll(async () => {
  twilio = await startTwilioServer(credentials);
  gateway = await startTestGateway({
    config: { jobs: { concurrency: 2, pollIntervalMs: 100 }, channels: { secretsKey: 'channel-secrets-key-for-tests', whatsappApiUrl: 'http://127.0.0.1:9', twilioApiUrl: twilio.url } },
  });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'sms-a');
  ({ webhookUrl } = await connectChannel(gateway, pharmacy.tokens.admin, {
    kind: 'SMS',
    name: 'Counter SMS',
    phoneNumber: NUMBER,
    twilioAccountSid: credentials.accountSid,
    secrets: { authToken: credentials.authToken },
  }));
});
afterAll(async () => {
  await gateway?.dispose();
  await twilio?.dispose();
});

async function reply(conversationId: string, body: string) {
  const sent = await gateway.graphql(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, { input: { conversationId, body, clientMessageId: nextClientMessageId() } }, pharmacy.tokens.pharmacist);
  expect(sent.errors).toBeUndefined();
  return sent.data.sendMessage.id as string;
}

describe('inbound texts', () => {
  it("land once in the customer's SMS thread, however often Twilio retries the webhook", async () => {
    const text = inbound(ALICE, 'Can I pick up my order today?');
    for (let delivery = 0; delivery < 2; delivery += 1) {
      const response = await twilio.sendWebhook(webhookUrl, text);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<Response></Response>');
    }
    expect(await textsFrom(ALICE)).toBe(1);
    const [thread] = await gateway.dataSource.query(`SELECT customer_id FROM conversation WHERE id = $1`, [await threadOf(ALICE)]);
    expect(thread.customer_id).toBe(pharmacy.customers[0].id);
  });

  it('are refused with 403 when the signature is forged, and nothing is stored', async () => {
    const text = inbound('+31600001111', 'forged');
    expect((await twilio.sendWebhook(webhookUrl, text, 'not-the-auth-token')).status).toBe(403);
    // Signed for another URL (a replay against this pharmacy's URL).
    const signedElsewhere = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'bm90IGEgc2lnbmF0dXJl' },
      body: new URLSearchParams(text).toString(),
    });
    expect(signedElsewhere.status).toBe(403);
    expect(await count(`SELECT count(*)::int AS n FROM customer WHERE phone = '+31600001111'`)).toBe(0);
  });

  it('ignore a signed webhook for another Twilio account or number', async () => {
    expect((await twilio.sendWebhook(webhookUrl, inbound('+31600002222', 'x', { AccountSid: 'AC' + 'f'.repeat(32) }))).status).toBe(200);
    expect((await twilio.sendWebhook(webhookUrl, inbound('+31600002222', 'x', { To: '+15005550009' }))).status).toBe(200);
    expect(await count(`SELECT count(*)::int AS n FROM customer WHERE phone = '+31600002222'`)).toBe(0);
  });

  it("store an MMS picture fetched with the account's Basic auth", async () => {
    const url = twilio.addMedia(await png(), 'image/png');
    expect((await twilio.sendWebhook(webhookUrl, inbound('+31600003333', 'photo of the box', { NumMedia: '1', MediaUrl0: url, MediaContentType0: 'image/png' }))).status).toBe(200);
    await waitUntil('the picture to be stored', async () => (await count(`SELECT count(*)::int AS n FROM attachment a JOIN conversation c ON c.id = a.conversation_id JOIN customer u ON u.id = c.customer_id WHERE u.phone = '+31600003333'`)) === 1);
    const [row] = await gateway.dataSource.query(`SELECT u.unverified, u.name FROM customer u WHERE u.phone = '+31600003333'`);
    expect(row).toEqual({ unverified: true, name: '+31600003333' });
  });

  it('refuse media URLs that are not on the Twilio API', async () => {
    const text = inbound('+31600004444', 'elsewhere', { NumMedia: '1', MediaUrl0: 'http://169.254.169.254/latest/meta-data' });
    await twilio.sendWebhook(webhookUrl, text);
    await waitUntil('the message to land without the file', async () => (await textsFrom('+31600004444')) === 1);
    expect(await count(`SELECT count(*)::int AS n FROM attachment a JOIN conversation c ON c.id = a.conversation_id JOIN customer u ON u.id = c.customer_id WHERE u.phone = '+31600004444'`)).toBe(0);
  });
});

describe('replies', () => {
  it('reach Twilio as To/From/Body with a status callback, and callbacks update the delivery live', async () => {
    const thread = await threadOf(ALICE);
    const subscriber = connectSubscriber(gateway.wsUrl, pharmacy.tokens.pharmacist);
    try {
      const events = subscriber.subscribe(`subscription ($id: ID!) { conversationEvents(conversationId: $id) { kind message { id delivery { state reason } } } }`, { id: thread });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const messageId = await reply(thread, 'Yes, from 14:00.');
      await waitUntil('the text to reach Twilio', () => twilio.messages.some((message) => message.body === 'Yes, from 14:00.'));
      const sent = twilio.messages.find((message) => message.body === 'Yes, from 14:00.')!;
      expect(sent).toMatchObject({ to: ALICE, from: NUMBER, statusCallback: `${webhookUrl}/status` });
      await waitUntil('SENT to be recorded', async () => (await deliveryOf(messageId)).state === 'SENT');
      expect((await deliveryOf(messageId)).provider_message_id).toBe(sent.sid);
      expect((await twilio.sendWebhook(sent.statusCallback!, { MessageSid: sent.sid!, MessageStatus: 'delivered', AccountSid: credentials.accountSid, From: NUMBER, To: ALICE, ApiVersion: '2010-04-01' })).status).toBe(200);
      for (;;) {
        const event = await events.next(10_000);
        if (event.data?.conversationEvents.kind === 'DELIVERY_CHANGED' && event.data.conversationEvents.message.delivery.state === 'DELIVERED') {
          expect(event.data.conversationEvents.message.id).toBe(messageId);
          break;
        }
      }
      events.stop();
    } finally {
      await subscriber.dispose();
    }
  });

  it("record Twilio's error when a text is undelivered, and a forged callback changes nothing", async () => {
    const messageId = await reply(await threadOf(ALICE), 'Will bounce');
    await waitUntil('SENT to be recorded', async () => (await deliveryOf(messageId)).state === 'SENT');
    const { provider_message_id: messageSid } = await deliveryOf(messageId);
    const callback = { MessageSid: messageSid!, MessageStatus: 'undelivered', ErrorCode: '30003', AccountSid: credentials.accountSid, From: NUMBER, To: ALICE };
    expect((await twilio.sendWebhook(`${webhookUrl}/status`, callback, 'forged-token')).status).toBe(403);
    expect((await deliveryOf(messageId)).state).toBe('SENT');
    await twilio.sendWebhook(`${webhookUrl}/status`, callback);
    expect(await deliveryOf(messageId)).toMatchObject({ state: 'FAILED', reason: 'Twilio (30003): message undelivered' });
  });

  it('are retried through a Twilio outage and sent once', async () => {
    twilio.failNextSends(2);
    const messageId = await reply(await threadOf(ALICE), 'After the outage');
    await untilWithRetries(gateway, 'the text to be sent', async () => (await deliveryOf(messageId)).state === 'SENT');
    expect(twilio.messages.filter((message) => message.body === 'After the outage')).toHaveLength(1);
  });

  it("fail at once with Twilio's code when Twilio refuses the number", async () => {
    twilio.unsubscribed.add(ALICE);
    try {
      const messageId = await reply(await threadOf(ALICE), 'To an opted-out number');
      await waitUntil('FAILED to be recorded', async () => (await deliveryOf(messageId)).state === 'FAILED');
      expect((await deliveryOf(messageId)).reason).toBe('Twilio 400 (21610): Attempt to send to unsubscribed recipient');
    } finally {
      twilio.unsubscribed.delete(ALICE);
    }
  });
});
