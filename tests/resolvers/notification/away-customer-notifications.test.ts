import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { randomBytes } from 'node:crypto';
import { Customer } from '../../../entities/customer.entity.js';
import type { Clock } from '../../../gateway/notifications/clock.js';
import type { GatewayConfig } from '../../../gateway/server/config.js';
import { twilioSignature } from '../../../gateway/sms/twilio-signature.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../support/smtp-receiver.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { createThrowawayDatabase } from '../../support/test-database.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { startTwilioServer, type TwilioServer } from '../../support/twilio-server.js';
import { waitUntil } from '../../support/wait-until.js';

/**
 * Customers who are away hear of a reply by e-mail or SMS, once (issue 18), with real parts: an
 * SMTP receiver, a server speaking Twilio's Messages API, graphile-worker on PostgreSQL. Time
 * moves by an injectable clock, never by sleeping: a test advances the clock and makes the
 * queue's pending jobs due now (every decision is taken again on the clock, so waking a job
 * early changes nothing).
 */
const CANARY = 'CANARY-ibuprofen-7731';
const credentials = { accountSid: 'AC00000000000000000000000000000018', authToken: 'twilio-auth-token-18' };
const FROM = '+15005550006';

let database: { url: string; drop: () => Promise<void> };
const authSecret = randomBytes(32).toString('base64url');
let smtp: SmtpReceiver;
let twilio: TwilioServer;
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
let gateway: TestGateway;
let pharmacy: PharmacyFixture;

const config = (): Partial<GatewayConfig> => ({
  mail: { smtpUrl: smtp.url, from: 'Counterchat <no-reply@counterchat.test>', directory: '/nonexistent' },
  sms: { twilio: { ...credentials, from: FROM, apiUrl: twilio.url }, directory: '/nonexistent' },
  notifications: { clock },
  jobs: { concurrency: 2, pollIntervalMs: 100 },
});
const start = (sharing?: TestGateway) => startTestGateway(sharing ? { sharing, config: config() } : { databaseUrl: database.url, authSecret, config: config() });

beforeAll(async () => {
  database = await createThrowawayDatabase();
  smtp = await startSmtpReceiver();
  twilio = await startTwilioServer(credentials);
  gateway = await start();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'away');
});
afterAll(async () => {
  await gateway?.dispose();
  await smtp.dispose();
  await twilio.dispose();
  await database.drop();
});
beforeEach(() => {
  offsetMs = 0;
});

let customerCounter = 0;
/** A customer who consented in the widget form, with the addresses given. */
async function customerWith(contact: { email?: string; phone?: string }) {
  const now = new Date();
  const customer = await gateway.dataSource.manager.save(
    gateway.dataSource.manager.create(Customer, {
      organizationId: pharmacy.organization.id,
      name: `Away customer ${++customerCounter}`,
      email: contact.email ?? null,
      phone: contact.phone ?? null,
      externalId: null,
      contactConsentAt: now,
      emailConsentAt: contact.email ? now : null,
      smsConsentAt: contact.phone ? now : null,
    }),
  );
  const { token } = await gateway.tokens.issueChatToken({ organizationId: pharmacy.organization.id, customerId: customer.id });
  const thread = await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, token);
  return { customer, token, conversationId: thread.data.startConversation.id as string };
}

async function reply(conversationId: string, body = `Your ${CANARY} is ready for pick-up.`, on = gateway) {
  const sent = await on.graphql(
    `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { sequence } }`,
    { input: { conversationId, body, clientMessageId: nextClientMessageId() } },
    pharmacy.tokens.pharmacist,
  );
  expect(sent.errors).toBeUndefined();
}

async function markRead(conversationId: string, token: string) {
  const read = await gateway.graphql(`mutation ($id: ID!) { markConversationRead(input: { conversationId: $id }) { id } }`, { id: conversationId }, token);
  expect(read.errors).toBeUndefined();
}

/** Every job waiting for later becomes due now, as if the worker slept through to then. */
async function wakeJobs(on = gateway) {
  await on.dataSource.query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL AND run_at > now()`);
}

/** Until no job is due or running: what was going to happen now has happened. */
async function settle(on = gateway) {
  await waitUntil(
    'the job queue to settle',
    async () => {
      const [row] = await on.dataSource.query(
        `SELECT count(*)::int AS busy FROM graphile_worker._private_jobs WHERE (run_at <= now() AND attempts < max_attempts) OR locked_at IS NOT NULL`,
      );
      return row.busy === 0;
    },
    20_000,
  );
}

/** Moves the clock on, wakes the queue and waits for it. */
async function advance(minutes: number, on = gateway) {
  offsetMs += minutes * 60_000;
  await wakeJobs(on);
  await settle(on);
}

const mailsTo = (address: string) => smtp.mails.filter((mail) => [mail.to].flat().some((to) => to?.value.some((value) => value.address === address)));
const smsTo = (phone: string) => twilio.messages.filter((sms) => sms.to === phone);
/** A header as it was sent (folded lines joined): mailparser reshapes List-* headers otherwise. */
const headerOf = (mail: ParsedMail, key: string) => mail.headerLines.find((line) => line.key === key)?.line.replace(/\r?\n\s+/g, '');
const linkIn = (text: string) => /https?:\/\/\S+\/notifications\/open\?t=[A-Za-z0-9_-]+/.exec(text)?.[0];

const logOf = async (conversationId: string) =>
  gateway.dataSource.query(`SELECT channel, status, masked_address, reason, created_at FROM notification_log WHERE conversation_id = $1 ORDER BY created_at`, [conversationId]);

/** What the page at the link does: post the token; the answer redirects to the chat, signed in. */
async function follow(link: string): Promise<Response> {
  const token = new URL(link).searchParams.get('t')!;
  return fetch(new URL('/notifications/open', link), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ t: token }).toString(),
    redirect: 'manual',
  });
}

describe('a customer who is away', () => {
  it('gets exactly one mail per batch of replies, with a link that signs them in once', async () => {
    const { customer, conversationId } = await customerWith({ email: 'away-one@customer.test', phone: '+31611111111' });
    await reply(conversationId);
    await reply(conversationId);
    await advance(0);
    expect(mailsTo('away-one@customer.test')).toHaveLength(0);

    await advance(6);
    await waitUntil('the mail', () => mailsTo('away-one@customer.test').length > 0);
    // A later reply within the window sends nothing more.
    await reply(conversationId);
    await advance(6);
    await advance(60);
    const mails = mailsTo('away-one@customer.test');
    expect(mails).toHaveLength(1);
    expect(smsTo('+31611111111')).toHaveLength(0);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Pharmacy away replied to your question');
    expect(mail.text).toContain('Pharmacy away replied to your question.');
    expect(headerOf(mail, 'list-unsubscribe')).toMatch(/^List-Unsubscribe:\s*<http:\/\/127\.0\.0\.1:\d+\/notifications\/unsubscribe\?t=v1\.[A-Za-z0-9_-]+>$/);
    expect(headerOf(mail, 'list-unsubscribe-post')).toMatch(/^List-Unsubscribe-Post:\s*List-Unsubscribe=One-Click$/);

    const link = linkIn(mail.text!)!;
    expect(link).toBeDefined();
    // The page itself uses nothing up (a link scanner may fetch it).
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post" action="/notifications/open">');

    const opened = await follow(link);
    expect(opened.status).toBe(303);
    const chat = new URL(opened.headers.get('location')!);
    expect(chat.pathname).toBe('/widget/');
    expect(chat.searchParams.get('org')).toBe('away');
    const viewer = await gateway.graphql(`{ viewer { kind customer { id } } }`, {}, chat.searchParams.get('counterchat_token')!);
    expect(viewer.data.viewer).toEqual({ kind: 'CUSTOMER', customer: { id: customer.id } });

    const again = await follow(link);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('already been used or has expired');

    const log = await logOf(conversationId);
    expect(log).toEqual([expect.objectContaining({ channel: 'EMAIL', status: 'SENT', masked_address: 'a•••@customer.test' })]);
  }, 60_000);

  it('gets nothing when they read the reply first', async () => {
    const { conversationId, token } = await customerWith({ email: 'reads-first@customer.test' });
    await reply(conversationId);
    await markRead(conversationId, token);
    await advance(6);
    await advance(60 * 13);
    expect(mailsTo('reads-first@customer.test')).toHaveLength(0);
    expect(await logOf(conversationId)).toEqual([]);
  }, 60_000);

  it('gets nothing while the widget is open, and a mail once they left', async () => {
    const { conversationId, token } = await customerWith({ email: 'widget-open@customer.test' });
    const socket = connectSubscriber(gateway.wsUrl, token);
    const online = async () => (await gateway.realtime.presence.online(pharmacy.organization.id)).some((actor) => actor.type === 'CUSTOMER');
    await waitUntil('the widget to be online', online);
    try {
      await reply(conversationId);
      await advance(6);
      await advance(6);
      expect(mailsTo('widget-open@customer.test')).toHaveLength(0);
    } finally {
      await socket.dispose();
    }
    await waitUntil('the widget to be gone', async () => !(await online()));
    await advance(6);
    await waitUntil('the mail after leaving', () => mailsTo('widget-open@customer.test').length === 1);
  }, 60_000);

  it('is held at night until the pharmacy opens, then notified', async () => {
    const hours = Array.from({ length: 7 }, (_, day) => ({ day, opens: '09:00', closes: '17:00' }));
    const set = (input: Record<string, unknown>) =>
      gateway.graphql(`mutation ($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { id } }`, { input }, pharmacy.tokens.admin);
    expect((await set({ timeZone: 'UTC', businessHours: hours })).errors).toBeUndefined();
    try {
      const { conversationId } = await customerWith({ email: 'night@customer.test' });
      await reply(conversationId);
      // Tomorrow 03:00 UTC: the reply has waited long enough, but the pharmacy is closed.
      const night = new Date();
      night.setUTCDate(night.getUTCDate() + 1);
      night.setUTCHours(3, 0, 0, 0);
      offsetMs = night.getTime() - Date.now();
      await advance(0);
      expect(mailsTo('night@customer.test')).toHaveLength(0);
      const [held] = await gateway.dataSource.query(`SELECT extract(epoch FROM run_at - now())::int AS seconds FROM graphile_worker._private_jobs WHERE key = $1`, [`away-customer:${conversationId}`]);
      // Due at opening time: six hours on.
      expect(held.seconds).toBeGreaterThan(6 * 3600 - 120);
      expect(held.seconds).toBeLessThanOrEqual(6 * 3600);

      await advance(3 * 60); // 06:00: woken early, still closed.
      expect(mailsTo('night@customer.test')).toHaveLength(0);
      await advance(3 * 60 + 1); // 09:01
      await waitUntil('the mail at opening', () => mailsTo('night@customer.test').length === 1);
      const [entry] = await logOf(conversationId);
      expect(new Date(entry.created_at).getUTCHours()).toBe(9);
    } finally {
      await set({ businessHours: [] });
    }
  }, 60_000);
});

describe('opting out', () => {
  it('stops mails after the one-click unsubscribe, then SMS after STOP, and shows both on the customer', async () => {
    const phone = '+31622222222';
    const { customer, conversationId, token } = await customerWith({ email: 'opts-out@customer.test', phone });
    await reply(conversationId);
    await advance(6);
    await waitUntil('the first mail', () => mailsTo('opts-out@customer.test').length === 1);
    const unsubscribe = /<(\S+)>/.exec(headerOf(mailsTo('opts-out@customer.test')[0]!, 'list-unsubscribe')!)![1]!;
    // What a mail program does with List-Unsubscribe-Post (RFC 8058).
    const posted = await fetch(unsubscribe, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(posted.status).toBe(200);

    // Read, so a new reply may notify again: by SMS now.
    await markRead(conversationId, token);
    await reply(conversationId);
    await advance(6);
    await waitUntil('the SMS', () => smsTo(phone).length === 1);
    const sms = smsTo(phone)[0]!;
    expect(sms.from).toBe(FROM);
    expect(sms.body).toMatch(/^Pharmacy away replied to your question\. Open the chat: http:\/\/\S+\/notifications\/open\?t=\S+ Reply STOP to opt out\.$/);

    // STOP, signed as Twilio signs it; an unsigned one is refused.
    const inbound = new URL('/notifications/sms/inbound', gateway.url).toString();
    const parameters = { MessageSid: 'SM0000000000000000000000000000stop', AccountSid: credentials.accountSid, From: phone, To: FROM, Body: 'Stop' };
    const post = (signature: string) =>
      fetch(inbound, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature }, body: new URLSearchParams(parameters).toString() });
    expect((await post('forged')).status).toBe(403);
    const stopped = await post(twilioSignature(credentials.authToken, inbound, parameters));
    expect(stopped.status).toBe(200);
    expect(await stopped.text()).toContain('<Response></Response>');

    const shown = await gateway.graphql(
      `query ($id: ID!) { customer(id: $id) { emailNotifications { active consentedAt optedOutAt } smsNotifications { active optedOutAt } } }`,
      { id: customer.id },
      pharmacy.tokens.pharmacist,
    );
    expect(shown.data.customer).toEqual({
      emailNotifications: { active: false, consentedAt: expect.any(String), optedOutAt: expect.any(String) },
      smsNotifications: { active: false, optedOutAt: expect.any(String) },
    });

    await markRead(conversationId, token);
    await reply(conversationId);
    await advance(6);
    await advance(60 * 13);
    expect(mailsTo('opts-out@customer.test')).toHaveLength(1);
    expect(smsTo(phone)).toHaveLength(1);
    const log = await logOf(conversationId);
    expect(log.map((entry: { channel: string; status: string }) => `${entry.channel} ${entry.status}`)).toEqual(['EMAIL SENT', 'SMS SENT', 'EMAIL OPTED_OUT']);
  }, 60_000);
});

describe('the notification log', () => {
  it('is for admins only, with masked addresses', async () => {
    const log = await gateway.graphql(`{ notificationLog(first: 100) { recipientKind channel maskedAddress status createdAt sentAt } }`, {}, pharmacy.tokens.admin);
    expect(log.errors).toBeUndefined();
    expect(log.data.notificationLog.length).toBeGreaterThan(0);
    for (const entry of log.data.notificationLog) expect(entry.maskedAddress).toMatch(/•/);
    // One character of the address and its domain, never the whole of it.
    expect(JSON.stringify(log.data)).not.toMatch(/[a-z-]{2,}@customer\.test/);
    const refused = await gateway.graphql(`{ notificationLog { id } }`, {}, pharmacy.tokens.pharmacist);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await createPharmacy(gateway.dataSource, gateway.tokens, 'away-other');
    const theirs = await gateway.graphql(`{ notificationLog { id } }`, {}, other.tokens.admin);
    expect(theirs.data.notificationLog).toEqual([]);
  });
});

describe('across instances and restarts', () => {
  it('sends exactly one mail with two gateways and one of them restarting mid-way', async () => {
    const second = await start(gateway);
    try {
      const { conversationId } = await customerWith({ email: 'two-instances@customer.test' });
      await reply(conversationId, `Twice ${CANARY}`, second);
      await reply(conversationId, `And again ${CANARY}`);
      offsetMs += 6 * 60_000;
      await wakeJobs();
      // Restart the first while the second (and the first, until it stops) take the jobs.
      await gateway.dispose();
      gateway = await start();
      await settle();
      await advance(6);
      await advance(60 * 13);
      await waitUntil('the mail', () => mailsTo('two-instances@customer.test').length > 0);
      await settle();
      expect(mailsTo('two-instances@customer.test')).toHaveLength(1);
      expect((await logOf(conversationId)).length).toBe(1);
    } finally {
      await second.dispose();
    }
  }, 90_000);
});

describe('what notifications carry', () => {
  it('never holds a word of the messages', () => {
    const everything = [
      ...smtp.mails.map((mail: ParsedMail) => [mail.subject, mail.text, mail.html, JSON.stringify([...mail.headers.entries()])].join('\n')),
      ...twilio.messages.map((sms) => sms.body),
    ];
    expect(everything.length).toBeGreaterThanOrEqual(5);
    for (const outgoing of everything) expect(outgoing).not.toContain('CANARY');
    for (const outgoing of everything) expect(outgoing).not.toContain('ibuprofen');
  });
});
