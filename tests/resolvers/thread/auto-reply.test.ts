import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { Customer } from '../../../entities/customer.entity.js';
import type { Clock } from '../../../gateway/notifications/clock.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

/**
 * The auto-reply outside business hours (issue 19), on a fake clock: the pharmacy is open
 * 09:00–17:00 UTC every day, and the test says what time it is instead of waiting for it.
 */
const TUESDAY_NOON = new Date('2026-12-01T12:00:00Z');
const TUESDAY_EVENING = new Date('2026-12-01T20:00:00Z');
const TUESDAY_NIGHT = new Date('2026-12-01T23:30:00Z');
const WEDNESDAY_EVENING = new Date('2026-12-02T19:00:00Z');
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: '09:00', closes: '17:00' }));
const TEXT_EN = 'We are closed now; we answer from 9:00.';
const TEXT_NL = 'We zijn nu gesloten; we antwoorden vanaf 9:00.';

let now = TUESDAY_NOON;
const clock: Clock = { now: () => now };
let gateway: TestGateway;
let pharmacy: PharmacyFixture;

const SETTINGS = `mutation ($input: UpdateOrganizationSettingsInput!) {
  updateOrganizationSettings(input: $input) { settings { autoReply { enabled textEn textNl } } }
}`;
const MESSAGES = `query ($id: ID!) { conversation(id: $id) { messages(last: 100) { edges { node { sequence kind body systemEvent { type from to } } } } } }`;

type Listed = { sequence: number; kind: string; body: string | null; systemEvent: { type: string; from: string | null; to: string | null } | null };

async function settings(input: Record<string, unknown>, token = pharmacy.tokens.admin) {
  return gateway.graphql(SETTINGS, { input }, token);
}

async function threadOf(token: string) {
  const started = await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, token);
  expect(started.errors).toBeUndefined();
  return started.data.startConversation.id as string;
}

async function send(token: string, conversationId: string, body = 'Is my prescription ready?') {
  const sent = await gateway.graphql(
    `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { sequence } }`,
    { input: { conversationId, body, clientMessageId: nextClientMessageId() } },
    token,
  );
  expect(sent.errors).toBeUndefined();
}

async function messages(conversationId: string, token = pharmacy.tokens.pharmacist): Promise<Listed[]> {
  const listed = await gateway.graphql(MESSAGES, { id: conversationId }, token);
  expect(listed.errors).toBeUndefined();
  return listed.data.conversation.messages.edges.map((edge: { node: Listed }) => edge.node);
}

const autoReplies = async (conversationId: string, token?: string) =>
  (await messages(conversationId, token)).filter((message) => message.systemEvent?.type === 'AUTO_REPLY');

/** A customer of the pharmacy with a chat token, and their language. */
async function customer(preferredLanguage: string | null) {
  const manager = gateway.dataSource.manager;
  const row = await manager.save(
    manager.create(Customer, { organizationId: pharmacy.organization.id, name: `Night owl ${nextClientMessageId()}`, phone: null, email: null, externalId: null, preferredLanguage }),
  );
  const { token } = await gateway.tokens.issueChatToken({ organizationId: pharmacy.organization.id, customerId: row.id });
  return token;
}

beforeAll(async () => {
  gateway = await startTestGateway({ config: { ...withoutBackgroundWork, notifications: { clock } } });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'after-hours');
  const set = await settings({ timeZone: 'UTC', businessHours: EVERY_DAY, autoReply: { enabled: true, textEn: TEXT_EN, textNl: TEXT_NL } });
  expect(set.errors).toBeUndefined();
  expect(set.data.updateOrganizationSettings.settings.autoReply).toEqual({ enabled: true, textEn: TEXT_EN, textNl: TEXT_NL });
});
afterAll(async () => {
  await gateway?.dispose();
});
beforeEach(() => {
  now = TUESDAY_NOON;
});

describe('the auto-reply outside business hours', () => {
  it('is not sent while the pharmacy is open', async () => {
    const token = await customer(null);
    const thread = await threadOf(token);
    await send(token, thread);
    expect(await autoReplies(thread)).toEqual([]);
  });

  it('is sent once per closed period, however many messages come in it, and again the next night', async () => {
    const token = await customer(null);
    const thread = await threadOf(token);
    await send(token, thread, 'Open at noon?');
    expect(await autoReplies(thread)).toEqual([]);

    now = TUESDAY_EVENING;
    // Two messages at once: the thread's row lock makes them take turns, and only the first replies.
    await Promise.all([send(token, thread, 'Hello?'), send(token, thread, 'Anyone there?')]);
    now = TUESDAY_NIGHT;
    await send(token, thread, 'Still waiting.');
    const tuesday = await autoReplies(thread);
    expect(tuesday).toEqual([{ sequence: expect.any(Number), kind: 'SYSTEM', body: TEXT_EN, systemEvent: { type: 'AUTO_REPLY', from: 'en', to: '2026-12-02T09:00:00.000Z' } }]);
    // The customer sees it: visible to everyone, not a team-only system message.
    expect((await autoReplies(thread, token)).map((message) => message.body)).toEqual([TEXT_EN]);

    now = WEDNESDAY_EVENING;
    await send(token, thread, 'Me again.');
    expect((await autoReplies(thread)).map((message) => message.systemEvent?.to)).toEqual(['2026-12-02T09:00:00.000Z', '2026-12-03T09:00:00.000Z']);
  });

  it("is in the customer's language: Dutch for a Dutch customer, the pharmacy's for one without", async () => {
    now = TUESDAY_EVENING;
    const dutch = await customer('nl-NL');
    const dutchThread = await threadOf(dutch);
    await send(dutch, dutchThread, 'Is mijn recept klaar?');
    expect((await autoReplies(dutchThread)).map((message) => [message.body, message.systemEvent?.from])).toEqual([[TEXT_NL, 'nl']]);

    await gateway.graphql(`mutation { updateOrganizationSettings(input: { language: "dutch" }) { id } }`, {}, pharmacy.tokens.admin);
    const unknown = await customer(null);
    const unknownThread = await threadOf(unknown);
    await send(unknown, unknownThread);
    expect((await autoReplies(unknownThread)).map((message) => message.body)).toEqual([TEXT_NL]);
    await gateway.graphql(`mutation { updateOrganizationSettings(input: { language: "simple" }) { id } }`, {}, pharmacy.tokens.admin);
  });

  it('is not sent when switched off, nor for staff messages at night', async () => {
    now = TUESDAY_EVENING;
    const token = await customer(null);
    const thread = await threadOf(token);
    await send(pharmacy.tokens.pharmacist, thread, 'A note from us at night.');
    expect(await autoReplies(thread)).toEqual([]);

    expect((await settings({ autoReply: { enabled: false } })).errors).toBeUndefined();
    await send(token, thread);
    expect(await autoReplies(thread)).toEqual([]);
    expect((await settings({ autoReply: { enabled: true } })).data.updateOrganizationSettings.settings.autoReply).toEqual({ enabled: true, textEn: TEXT_EN, textNl: TEXT_NL });
  });

  it("leaves the thread waiting for the pharmacy's answer: no first response, awaitingReply, no away-customer notification", async () => {
    now = TUESDAY_EVENING;
    const token = await customer(null);
    const thread = await threadOf(token);
    const webhook = await gateway.graphql(
      `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hooks", events: [MESSAGE_CREATED], audience: CUSTOMER }) { endpoint { id } } }`,
      {},
      pharmacy.tokens.admin,
    );
    expect(webhook.errors).toBeUndefined();
    await send(token, thread);
    expect(await autoReplies(thread)).toHaveLength(1);

    const awaiting = await gateway.graphql(`{ conversations(first: 100, filter: { awaitingReply: true }) { edges { node { id } } } }`, {}, pharmacy.tokens.pharmacist);
    expect(awaiting.data.conversations.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(thread);
    const stats = await gateway.graphql(
      `query ($from: DateTimeISO!, $to: DateTimeISO!) { conversationStats(input: { from: $from, to: $to }) { firstResponse { count } } }`,
      { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() },
      pharmacy.tokens.admin,
    );
    expect(stats.errors).toBeUndefined();
    expect(stats.data.conversationStats.firstResponse.count).toBe(0);
    const checks = await gateway.dataSource.query(`SELECT 1 FROM graphile_worker._private_jobs WHERE key = $1`, [`away-customer:${thread}`]);
    expect(checks).toEqual([]);
    // Through the same pipeline as every message: a webhook event (for customer-facing endpoints too).
    const events = await gateway.dataSource.query(`SELECT payload FROM outbox_event WHERE conversation_id = $1 AND type = 'message.created' ORDER BY created_at`, [thread]);
    expect(events.map((event: { payload: { message: { systemEvent?: { type: string } } } }) => event.payload.message.systemEvent?.type ?? null)).toEqual([null, 'AUTO_REPLY']);
  });

  it('needs a text to be switched on, and at most 1000 characters of it', async () => {
    const other = await createPharmacy(gateway.dataSource, gateway.tokens, 'after-hours-empty');
    const empty = await settings({ autoReply: { enabled: true } }, other.tokens.admin);
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'autoReply.textEn' });
    const long = await settings({ autoReply: { enabled: true, textEn: 'x'.repeat(1001) } }, other.tokens.admin);
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // A pharmacy that never set it reads the defaults.
    const read = await gateway.graphql(`{ viewer { organization { settings { autoReply { enabled textEn textNl } } } } }`, {}, other.tokens.admin);
    expect(read.data.viewer.organization.settings.autoReply).toEqual({ enabled: false, textEn: null, textNl: null });
  });
});
