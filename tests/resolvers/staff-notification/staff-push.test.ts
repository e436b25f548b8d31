import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startPushReceiver, type BrowserSubscription, type PushReceiver } from '../../support/push-receiver.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { waitUntil } from '../../support/wait-until.js';

/** Written into every customer message: it must never leave in a push. */
const CANARY = 'Zopiclone-canary-7731';

const REGISTER = `mutation ($input: PushSubscriptionInput!) { registerPushSubscription(input: $input) { id endpoint } }`;
const PREFERENCES = `{ myNotificationPreferences { browser sound push digest conversations webPushPublicKey } }`;
const UPDATE = `mutation ($input: UpdateNotificationPreferencesInput!) { updateMyNotificationPreferences(input: $input) { browser sound push digest conversations } }`;

let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let receiver: PushReceiver;

async function succeed(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const response = await gateway.graphql(query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data;
}

/** The customer writes into a thread of their own (unassigned): what the staff are told about. */
async function customerWrites(): Promise<{ conversationId: string; messageId: string }> {
  const started = await succeed(`mutation { startConversation(input: {}) { id } }`, {}, pharmacy.tokens.customer);
  const conversationId = started.startConversation.id as string;
  const sent = await succeed(
    `mutation ($id: ID!, $c: String!, $body: String!) { sendMessage(input: { conversationId: $id, body: $body, clientMessageId: $c }) { id } }`,
    { id: conversationId, c: nextClientMessageId(), body: `Can I take ${CANARY} with my other pills?` },
    pharmacy.tokens.customer,
  );
  return { conversationId, messageId: sent.sendMessage.id };
}

/** Every job done (the fan-out and the pushes it queued): what didn't arrive by then never will. */
const queueDrained = () =>
  waitUntil('the job queue to empty', async () => Number((await gateway.dataSource.query(`SELECT count(*) FROM graphile_worker._private_jobs`))[0].count) === 0);

const subscriptionsOf = (staffId: string) => gateway.dataSource.query(`SELECT id, endpoint FROM push_subscription WHERE staff_id = $1`, [staffId]) as Promise<{ id: string; endpoint: string }[]>;

beforeAll(async () => {
  receiver = await startPushReceiver();
  gateway = await startTestGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'push');
});
afterAll(async () => {
  await gateway.dispose();
  await receiver.dispose();
});

describe('notification preferences', () => {
  it('starts from the defaults and changes only the fields given', async () => {
    const initial = await succeed(PREFERENCES, {}, pharmacy.tokens.admin);
    expect(initial.myNotificationPreferences).toMatchObject({ browser: true, sound: true, push: false, digest: true, conversations: 'MINE_AND_UNASSIGNED' });
    expect(initial.myNotificationPreferences.webPushPublicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);

    const changed = await succeed(UPDATE, { input: { sound: false, conversations: 'MINE' } }, pharmacy.tokens.admin);
    expect(changed.updateMyNotificationPreferences).toEqual({ browser: true, sound: false, push: false, digest: true, conversations: 'MINE' });
    // A colleague's stay untouched.
    expect((await succeed(PREFERENCES, {}, pharmacy.tokens.pharmacist)).myNotificationPreferences.sound).toBe(true);
  });

  it('keeps the generated VAPID keys in DATA_DIR/secrets', async () => {
    const { readFile } = await import('node:fs/promises');
    const stored = JSON.parse(await readFile(`${gateway.dataDir}/secrets/vapid-keys`, 'utf8')) as { publicKey: string };
    expect((await succeed(PREFERENCES, {}, pharmacy.tokens.admin)).myNotificationPreferences.webPushPublicKey).toBe(stored.publicKey);
  });
});

describe('push subscriptions', () => {
  it.each([
    ['an endpoint that is not a URL', { endpoint: 'not a url' }, 'input.endpoint'],
    ['a file: endpoint', { endpoint: 'file:///etc/passwd' }, 'input.endpoint'],
    ['a key that is no P-256 point', { p256dh: 'AAAA' }, 'input.p256dh'],
    ['an auth secret of the wrong length', { auth: 'c2hvcnQ' }, 'input.auth'],
  ])('refuses %s with BAD_USER_INPUT', async (_what, change, field) => {
    const response = await gateway.graphql(REGISTER, { input: { ...receiver.subscribe(), ...change } }, pharmacy.tokens.pharmacist);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it("lets nobody remove a colleague's subscription", async () => {
    const browser = receiver.subscribe();
    await succeed(REGISTER, { input: browser }, pharmacy.tokens.pharmacist);
    const removed = await succeed(`mutation ($e: String!) { removePushSubscription(endpoint: $e) }`, { e: browser.endpoint }, pharmacy.tokens.admin);
    expect(removed.removePushSubscription).toBe(false);
    expect((await subscriptionsOf(pharmacy.pharmacist.id)).map((row) => row.endpoint)).toContain(browser.endpoint);
    const own = await succeed(`mutation ($e: String!) { removePushSubscription(endpoint: $e) }`, { e: browser.endpoint }, pharmacy.tokens.pharmacist);
    expect(own.removePushSubscription).toBe(true);
    expect(await subscriptionsOf(pharmacy.pharmacist.id)).toEqual([]);
  });

  it("leaves another pharmacy's subscription alone, even for the same endpoint", async () => {
    const south = await createPharmacy(gateway.dataSource, gateway.tokens, 'push-south');
    const browser = receiver.subscribe();
    await succeed(REGISTER, { input: browser }, pharmacy.tokens.pharmacist);
    const removed = await succeed(`mutation ($e: String!) { removePushSubscription(endpoint: $e) }`, { e: browser.endpoint }, south.tokens.pharmacist);
    expect(removed.removePushSubscription).toBe(false);
    // The same browser registered in the other pharmacy is a row of its own; the first stays.
    await succeed(REGISTER, { input: browser }, south.tokens.pharmacist);
    expect(await subscriptionsOf(pharmacy.pharmacist.id)).toHaveLength(1);
    expect(await subscriptionsOf(south.pharmacist.id)).toHaveLength(1);
    expect((await succeed(`{ myPushSubscriptions { endpoint } }`, {}, south.tokens.pharmacist)).myPushSubscriptions).toEqual([{ endpoint: browser.endpoint }]);
    await succeed(`mutation ($e: String!) { removePushSubscription(endpoint: $e) }`, { e: browser.endpoint }, pharmacy.tokens.pharmacist);
    await succeed(`mutation ($e: String!) { removePushSubscription(endpoint: $e) }`, { e: browser.endpoint }, south.tokens.pharmacist);
  });
});

describe('Web Push for a customer message', () => {
  let browser: BrowserSubscription;

  it('sends one VAPID-signed, encrypted push with ids and the pharmacy name, and no message text', async () => {
    browser = receiver.subscribe();
    await succeed(REGISTER, { input: browser }, pharmacy.tokens.pharmacist);
    expect((await succeed(PREFERENCES, {}, pharmacy.tokens.pharmacist)).myNotificationPreferences.push).toBe(true);
    const before = receiver.pushes.length;

    const { conversationId, messageId } = await customerWrites();
    await waitUntil('a push', () => receiver.pushes.length > before);
    const push = receiver.pushes.at(-1)!;
    expect(push.path).toBe(new URL(browser.endpoint).pathname);
    expect(push.vapid.publicKey).toBe((await succeed(PREFERENCES, {}, pharmacy.tokens.pharmacist)).myNotificationPreferences.webPushPublicKey);
    expect(JSON.parse(push.text)).toEqual({ type: 'customer-message', conversationId, messageId, pharmacy: pharmacy.organization.name });
    expect(JSON.stringify(push)).not.toContain(CANARY);
    expect(receiver.rejected).toEqual([]);

    // Exactly one: every job has run, and nothing else followed for this message.
    await queueDrained();
    expect(receiver.pushes.filter((received) => received.text.includes(messageId))).toHaveLength(1);
    const log = await gateway.dataSource.query(`SELECT recipient_kind, recipient_id, channel, status, masked_address FROM notification_log WHERE conversation_id = $1`, [conversationId]);
    expect(log).toEqual([{ recipient_kind: 'STAFF', recipient_id: pharmacy.pharmacist.id, channel: 'PUSH', status: 'SENT', masked_address: null }]);
  });

  it("sends nothing for an unassigned thread to one who wants only their own", async () => {
    await succeed(UPDATE, { input: { conversations: 'MINE' } }, pharmacy.tokens.pharmacist);
    const before = receiver.pushes.length;
    await customerWrites();
    await queueDrained();
    expect(receiver.pushes.length).toBe(before);
    await succeed(UPDATE, { input: { conversations: 'MINE_AND_UNASSIGNED' } }, pharmacy.tokens.pharmacist);
  });

  it('removes a subscription the push service answers 410 for', async () => {
    receiver.answer = 410;
    const before = receiver.pushes.length;
    const { conversationId } = await customerWrites();
    await waitUntil('the push answered 410', () => receiver.pushes.length > before);
    await waitUntil('the subscription removed', async () => (await subscriptionsOf(pharmacy.pharmacist.id)).length === 0);
    await waitUntil('the failure logged', async () => (await gateway.dataSource.query(`SELECT 1 FROM notification_log WHERE conversation_id = $1 AND channel = 'PUSH' AND status = 'FAILED' AND reason LIKE '%410%'`, [conversationId])).length === 1);
    expect((await succeed(`{ myPushSubscriptions { id } }`, {}, pharmacy.tokens.pharmacist)).myPushSubscriptions).toEqual([]);
    expect(receiver.pushes.every((received) => !received.text.includes(CANARY))).toBe(true);
    receiver.answer = 201;
  });
});
