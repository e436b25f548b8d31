import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoData, type DemoAccounts } from '../../../gateway/server/demo/demo-data.js';
import { launchBrowser, saveScreenshot } from '../../support/browser.js';
import { nextClientMessageId } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { NotificationChannel, NotificationRecipientKind, NotificationStatus } from '../../../entities/notification-log-entry.entity.js';
import { recordNotification } from '../../../gateway/notifications/notification-log.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.js';
import { UI_TIMEOUT, waitFor, waitForCount } from './dashboard-page.js';

/**
 * The admin's side of the dashboard in headless Chromium against the real gateway and
 * demo data: message search, then the settings area section by section, in order (later
 * steps reuse the page of earlier ones); and a pharmacist, who never sees the settings.
 */

let gateway: TestGateway;
let demo: DemoAccounts;
let browser: Browser;
let page: Page;
let receiver: WebhookReceiver;
const sofie = { token: '', conversationId: '' };
/** Business-hours decisions (the auto-reply) run on this clock: real time unless a test says otherwise. */
let fakeNow: Date | null = null;

beforeAll(async () => {
  gateway = await startTestGateway({ config: { notifications: { clock: { now: () => fakeNow ?? new Date() } } } });
  demo = await seedDemoData(gateway.ownerDatabase, gateway.realtime.publisher);
  const customer = demo.customers.find((c) => c.name === 'Sofie Jansen')!;
  sofie.token = (await gateway.tokens.issueChatToken({ organizationId: demo.organization.id, customerId: customer.id })).token;
  const response = await gateway.graphql('{ conversations(first: 1) { edges { node { id } } } }', {}, sofie.token);
  sofie.conversationId = response.data.conversations.edges[0].node.id;
  receiver = await startWebhookReceiver();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await receiver?.close();
  await gateway?.dispose();
});

async function signIn(target: Page, email: string) {
  await target.goto(`${gateway.url}/dashboard/`);
  await target.getByLabel('Email').fill(email);
  await target.getByLabel('Password').fill(DEMO_PASSWORD);
  await target.getByRole('button', { name: 'Sign in' }).click();
  await target.getByRole('list', { name: 'Conversations' }).getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });
}

async function sendAsSofie(body: string) {
  const response = await gateway.graphql(
    'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
    { input: { conversationId: sofie.conversationId, body, clientMessageId: nextClientMessageId() } },
    sofie.token,
  );
  expect(response.errors).toBeUndefined();
}

const openSection = async (label: string) => {
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: label }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor({ timeout: UI_TIMEOUT });
};

describe('message search', () => {
  it('finds a message by a distinctive word, highlights it, and opens its conversation', async () => {
    await sendAsSofie('Do you stock elderflower throat lozenges without sugar?');
    await signIn(page, 'anna@demo-pharmacy.test');
    await page.getByRole('searchbox', { name: 'Search customers and messages' }).fill('elderflower');

    const hits = page.getByRole('list', { name: 'Messages found' });
    const hit = hits.getByRole('link', { name: /^Sofie Jansen: .*elderflower/ });
    await hit.waitFor({ timeout: UI_TIMEOUT });
    expect(await hit.locator('mark').allTextContents()).toEqual(['elderflower']);
    await saveScreenshot(page, 'dashboard-message-search');

    await hit.click();
    await page.getByRole('heading', { level: 2, name: /Sofie Jansen/ }).waitFor({ timeout: UI_TIMEOUT });
    expect(new URL(page.url()).pathname).toBe(`/dashboard/conversations/${sofie.conversationId}`);
  });

  it('finds a partial word, and narrows the hits to the days picked', async () => {
    const searchbox = page.getByRole('searchbox', { name: 'Search customers and messages' });
    await searchbox.fill('elderfl');
    const hit = page.getByRole('list', { name: 'Messages found' }).getByRole('link', { name: /^Sofie Jansen: .*elderflower/ });
    await hit.waitFor({ timeout: UI_TIMEOUT });
    expect(await hit.locator('mark').allTextContents()).toEqual(['elderflower']);

    // The date inputs take the browser's local day; the message was written today.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA');
    await page.getByLabel('From', { exact: true }).fill(day(1));
    await page.getByText('No message contains that.').waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('From', { exact: true }).fill(day(-1));
    await page.getByLabel('To', { exact: true }).fill(day(0));
    await hit.waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('To', { exact: true }).fill(day(-2));
    await page.getByText('The first day must not be after the last.').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Any date' }).click();
    await hit.waitFor({ timeout: UI_TIMEOUT });
  });

  it('says calmly when no message matches', async () => {
    await page.getByRole('searchbox', { name: 'Search customers and messages' }).fill('xylophonequartz');
    await page.getByText('No message contains that.').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('searchbox', { name: 'Search customers and messages' }).fill('');
    await waitForCount(page.getByRole('region', { name: 'Messages' }), 0);
  });
});

describe('the settings area of an admin', () => {
  it('creates an API key whose secret is shown once and works, then revokes it and it is refused', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor({ timeout: UI_TIMEOUT });

    await page.getByLabel('Name').fill('Order system');
    await page.getByRole('checkbox', { name: 'conversations:read' }).check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const secretField = page.getByRole('textbox', { name: "The new key's secret" });
    await secretField.waitFor({ timeout: UI_TIMEOUT });
    await page.getByText("Store it now in a safe place: it won't be shown again.").waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^ccpk_/);

    const asKey = await gateway.graphql('{ conversations(first: 1) { edges { node { id } } } }', {}, secret);
    expect(asKey.errors).toBeUndefined();
    expect(asKey.data.conversations.edges).toHaveLength(1);

    const keys = page.getByRole('table', { name: 'API keys' });
    const row = keys.getByRole('row', { name: /Order system/ });
    await row.getByText('conversations:read').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Done' }).click();
    await waitForCount(secretField, 0);
    await saveScreenshot(page, 'dashboard-api-keys');

    await row.getByRole('button', { name: 'Revoke Order system' }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await row.getByText(/^Revoked/).waitFor({ timeout: UI_TIMEOUT });

    const refused = await gateway.graphql('{ conversations(first: 1) { edges { node { id } } } }', {}, secret);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('registers a webhook endpoint and shows its delivery as succeeded in the log', async () => {
    await openSection('Webhooks');
    await page.getByLabel('URL').fill(receiver.url);
    await page.getByRole('checkbox', { name: 'message.created' }).check();
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secretField = page.getByRole('textbox', { name: "The endpoint's signing secret" });
    await secretField.waitFor({ timeout: UI_TIMEOUT });
    expect(await secretField.inputValue()).toMatch(/^ccwh_/);
    await page.getByRole('button', { name: 'Done' }).click();

    const endpoint = page.getByRole('listitem', { name: `Endpoint ${receiver.url}` });
    await endpoint.getByText('Enabled').waitFor({ timeout: UI_TIMEOUT });
    await sendAsSofie('Is the webhook order ready?');
    const [delivered] = await receiver.waitFor(1, 20_000);
    expect(delivered!.body.type).toBe('message.created');

    await endpoint.getByRole('button', { name: 'Show deliveries' }).click();
    const log = endpoint.getByRole('table', { name: 'Delivery log' });
    // Deliveries happen in the background: ask again until the log has caught up.
    await waitFor(async () => {
      if ((await log.getByText('Succeeded').count()) > 0) return true;
      await endpoint.getByRole('button', { name: 'Refresh' }).click();
      return false;
    }, 20_000);
    await log.getByText('message.created').first().waitFor();
    await log.getByText(/#1: 200/).first().waitFor();
    await saveScreenshot(page, 'dashboard-webhooks');

    await endpoint.getByRole('button', { name: 'Pause' }).click();
    await endpoint.getByText('Paused').waitFor({ timeout: UI_TIMEOUT });
  });

  it('deletes a webhook endpoint after a confirmation', async () => {
    const endpoint = page.getByRole('listitem', { name: `Endpoint ${receiver.url}` });
    await endpoint.getByRole('button', { name: `Delete ${receiver.url}` }).click();
    await endpoint.getByRole('button', { name: 'Yes, delete' }).click();
    await waitForCount(endpoint, 0);
    await page.getByText('No endpoints yet.').waitFor({ timeout: UI_TIMEOUT });
  });

  it('saves pharmacy settings, shows a bad value next to its field, and keeps them after a reload', async () => {
    await openSection('Pharmacy settings');
    await page.getByLabel('Reply time').fill('We reply within 15 minutes');
    await page.getByLabel('Retention (days)').fill('3');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const retentionError = page.locator('#retentionDays-error');
    await retentionError.waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByLabel('Retention (days)').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Retention (days)').fill('90');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: UI_TIMEOUT });
    await waitForCount(retentionError, 0);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Pharmacy settings' }).waitFor({ timeout: UI_TIMEOUT });
    await waitFor(async () => (await page.getByLabel('Reply time').inputValue()) === 'We reply within 15 minutes');
    expect(await page.getByLabel('Retention (days)').inputValue()).toBe('90');
    await saveScreenshot(page, 'dashboard-pharmacy-settings');
  });

  it("turns the auto-reply on in English and Dutch, and shows it in the thread of a customer writing while closed", async () => {
    await openSection('Pharmacy settings');
    const enabled = page.getByLabel('Answer customers who write while the pharmacy is closed');
    await enabled.check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Write the auto-reply in English, Dutch or both before switching it on.').waitFor({ timeout: UI_TIMEOUT });

    await page.getByLabel('Text in English').fill('We are closed. We answer from Monday 8:30.');
    await page.getByLabel('Text in Dutch').fill('We zijn gesloten. We antwoorden vanaf maandag 8:30.');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: UI_TIMEOUT });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Pharmacy settings' }).waitFor({ timeout: UI_TIMEOUT });
    await waitFor(async () => (await page.getByLabel('Text in Dutch').inputValue()) === 'We zijn gesloten. We antwoorden vanaf maandag 8:30.');
    expect(await page.getByLabel('Answer customers who write while the pharmacy is closed').isChecked()).toBe(true);

    // A Sunday morning: the demo pharmacy is closed.
    fakeNow = new Date('2026-12-06T10:00:00Z');
    try {
      await sendAsSofie('Is anyone there on Sunday?');
    } finally {
      fakeNow = null;
    }
    await page.goto(`${gateway.url}/dashboard/conversations/${sofie.conversationId}`);
    await page.locator('li.system-message', { hasText: 'Auto-reply sent: We are closed. We answer from Monday 8:30.' }).waitFor({ timeout: UI_TIMEOUT });
    // Back where the next steps expect the page: the settings.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Pharmacy settings' }).waitFor({ timeout: UI_TIMEOUT });
  });

  it('saves the customer notification settings, refuses a bad one, and lists notifications with masked addresses', async () => {
    await gateway.database.asTenant({ organizationId: demo.organization.id }, (pharmacy) =>
      recordNotification(pharmacy, {
        recipientKind: NotificationRecipientKind.CUSTOMER,
        recipientId: demo.customers[0]!.id,
        channel: NotificationChannel.EMAIL,
        address: 'sofie.jansen@example.nl',
        status: NotificationStatus.SENT,
      }),
    );
    await openSection('Notifications');
    const log = page.getByRole('table', { name: 'Notification log' });
    await log.getByText('Customer s•••@example.nl').waitFor({ timeout: UI_TIMEOUT });
    expect(await log.textContent()).not.toContain('sofie.jansen');

    await page.getByLabel('Notify after (minutes unread)').fill('0');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.locator('#customerNotificationDelayMinutes-error').waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Notify after (minutes unread)').fill('15');
    await page.getByLabel('Outside business hours, wait until the pharmacy opens').uncheck();
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: UI_TIMEOUT });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor({ timeout: UI_TIMEOUT });
    await waitFor(async () => (await page.getByLabel('Notify after (minutes unread)').inputValue()) === '15');
    expect(await page.getByLabel('Outside business hours, wait until the pharmacy opens').isChecked()).toBe(false);
    await saveScreenshot(page, 'dashboard-notification-settings');
  });

  it('shows the statistics for the last 7 days', async () => {
    await openSection('Statistics');
    const tiles = page.getByRole('definition');
    await page.getByRole('table', { name: 'Response times' }).getByRole('row', { name: /All channels/ }).waitFor({ timeout: UI_TIMEOUT });
    expect(await tiles.count()).toBeGreaterThanOrEqual(6);
    await page.getByRole('table', { name: 'By staff member' }).waitFor();
    // At 1440 px the tables fit without a sideways scroll, and "Waiting for an answer" is the header's number.
    await page.setViewportSize({ width: 1440, height: 900 });
    for (const box of await page.locator('.settings-table__scroll').all()) {
      await waitFor(() => box.evaluate((element: { scrollWidth: number; clientWidth: number }) => element.scrollWidth <= element.clientWidth));
    }
    const headerCount = Number(/^(\d+)/.exec((await page.locator('.dashboard__unread').textContent()) ?? '0')?.[1] ?? 0);
    const waitingTile = page.locator('.stat-tile', { has: page.getByText('Waiting for an answer') }).locator('dd');
    await waitFor(async () => Number(await waitingTile.textContent()) === headerCount);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('checkbox', { name: 'Business hours only' }).check();
    await page.getByText(/counting business hours only/).or(page.getByRole('alert')).first().waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(page, 'dashboard-statistics');
  });

  it('pages through the audit log and filters it by action', async () => {
    await openSection('Audit log');
    const table = page.getByRole('table', { name: 'Audit log' });
    await table.getByRole('row', { name: /Signed in.*Anna de Vries/ }).first().waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Action').selectOption('API_KEY_CREATED');
    await waitFor(async () => {
      const actions = await table.locator('tbody th').allTextContents();
      return actions.length === 1 && actions[0] === 'API key created';
    });
    await saveScreenshot(page, 'dashboard-audit-log');

    // Reads by one person: names and a link to the conversation, no raw type names or ids.
    await page.getByLabel('Action').selectOption('MESSAGES_READ');
    await page.getByLabel('Person').selectOption({ label: 'Anna de Vries' });
    // The table refetches for each filter: wait until it shows the one asked for, not the previous one.
    await waitFor(async () => {
      const readers = new Set(await table.locator('tbody td:nth-child(3)').allTextContents());
      return readers.size === 1 && readers.has('Anna de Vries') && (await table.getByRole('link', { name: 'Open conversation' }).count()) > 0;
    });
    expect(await table.getByText('Conversation', { exact: true }).count()).toBe(0);
    expect(await table.locator('code').count()).toBe(0);
    // Anna's reads of Sofie's thread (the search hit opened it, the subscription read on): one row each run.
    const links = await table.getByRole('link', { name: 'Open conversation' }).evaluateAll((anchors: { getAttribute(name: string): string | null }[]) => anchors.map((anchor) => anchor.getAttribute('href')));
    for (let index = 1; index < links.length; index += 1) expect(links[index]).not.toBe(links[index - 1]);
    await page.getByLabel('Person').selectOption('');
    await page.getByLabel('Action').selectOption('');
  });

  it('reveals the widget secret on request and rotates it after a confirmation', async () => {
    await openSection('Chat widget');
    await page.getByRole('button', { name: 'Show widget secret' }).click();
    const field = page.getByRole('textbox', { name: 'Widget secret' });
    await field.waitFor({ timeout: UI_TIMEOUT });
    const before = await field.inputValue();
    expect(before.length).toBeGreaterThan(10);

    await page.getByRole('button', { name: 'Rotate widget secret' }).click();
    await page.getByRole('button', { name: 'Yes, rotate' }).click();
    await page.getByText('A new secret is in use').waitFor({ timeout: UI_TIMEOUT });
    const after = await field.inputValue();
    expect(after).not.toBe(before);
    const session = await gateway.graphql('mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }', { email: 'anna@demo-pharmacy.test', password: DEMO_PASSWORD });
    const current = await gateway.graphql('{ widgetSecret }', {}, session.data.signIn.token);
    expect(current.data.widgetSecret).toBe(after);
  });

  it('works at a narrow width, and leads back to the inbox', async () => {
    await page.setViewportSize({ width: 380, height: 800 });
    await openSection('API keys');
    await page.getByRole('table', { name: 'API keys' }).waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(page, 'dashboard-settings-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: 'Inbox', exact: true }).click();
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });
    expect(new URL(page.url()).pathname).toBe('/dashboard/');
  });
});

describe('a pharmacist', () => {
  it('sees only the statistics and their saved replies in the settings, no admin sections', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const pharmacist = await context.newPage();
      await signIn(pharmacist, 'ben@demo-pharmacy.test');
      await pharmacist.getByRole('link', { name: 'Settings' }).waitFor({ timeout: UI_TIMEOUT });

      await pharmacist.goto(`${gateway.url}/dashboard/settings/api-keys`);
      await pharmacist.getByRole('heading', { level: 1, name: 'Statistics' }).waitFor({ timeout: UI_TIMEOUT });
      const sections = await pharmacist.getByRole('navigation', { name: 'Settings sections' }).getByRole('link').allTextContents();
      expect(sections).toEqual(['Statistics', 'Saved replies']);
    } finally {
      await context.close();
    }
  });
});
