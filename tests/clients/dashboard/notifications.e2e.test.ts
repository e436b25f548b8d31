import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, launchBrowser, saveScreenshot } from '../../support/browser.js';
import { createPharmacy, FIXTURE_PASSWORD, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { UI_TIMEOUT, waitFor } from './dashboard-page.js';

/**
 * Browser notifications in headless Chromium against a real gateway: the dashboard asks for
 * permission only from its button, a customer's message shows a notification (recorded by a
 * wrapper around window.Notification) with no message text, the unread count badges the
 * favicon, and clicking the notification opens the thread.
 */
const CANARY = 'Warfarin-canary-2290';

interface RecordedNotification {
  title: string;
  body: string | undefined;
  tag: string | undefined;
}
// The test compiles without the DOM library: the page globals the init script adds.
interface NotificationSpy {
  __permissionRequests: number;
  __notifications: RecordedNotification[];
  __clickNotification(index: number): void;
}

/** Runs in the page before its scripts: records permission requests and every notification constructed. */
function spyOnNotifications() {
  const page = globalThis as unknown as { Notification: any } & NotificationSpy;
  const Original = page.Notification;
  const constructed: { dispatchEvent(event: unknown): boolean }[] = [];
  page.__permissionRequests = 0;
  page.__notifications = [];
  page.__clickNotification = (index) => void constructed[index]?.dispatchEvent(new Event('click'));
  class Recorded extends Original {
    constructor(title: string, options?: { body?: string; tag?: string }) {
      super(title, options);
      constructed.push(this as never);
      page.__notifications.push({ title, body: options?.body, tag: options?.tag });
    }
  }
  Object.defineProperty(Recorded, 'permission', { get: () => Original.permission });
  (Recorded as any).requestPermission = (...args: unknown[]) => {
    page.__permissionRequests += 1;
    return Original.requestPermission(...args);
  };
  page.Notification = Recorded;
}

let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];

/** Reads the spy's records in the page. */
const spy = <T>(read: (page: NotificationSpy) => T) => page.evaluate(`(${read.toString()})(globalThis)`) as Promise<T>;

beforeAll(async () => {
  gateway = await startTestGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'bell');
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(spyOnNotifications);
  page = await context.newPage();
  errors = collectPageErrors(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.dispose();
});

describe('browser notifications on the dashboard', () => {
  it('asks for permission only from the button in the header', async () => {
    await page.goto(`${gateway.url}/dashboard/`);
    await page.getByLabel('Email').fill(pharmacy.admin.email);
    await page.getByLabel('Password').fill(FIXTURE_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const button = page.getByRole('button', { name: 'Turn on notifications' });
    await button.waitFor({ timeout: UI_TIMEOUT });
    expect(await spy((p) => p.__permissionRequests)).toBe(0);

    // What the person would answer in the browser's prompt.
    await context.grantPermissions(['notifications'], { origin: gateway.url });
    await button.click();
    await button.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    expect(await spy((p) => p.__permissionRequests)).toBe(1);
  });

  it("shows a customer's new message as a notification without its text, and badges the favicon", async () => {
    const started = await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, pharmacy.tokens.customer);
    const conversationId = started.data.startConversation.id as string;
    const sent = await gateway.graphql(
      `mutation ($id: ID!, $c: String!, $body: String!) { sendMessage(input: { conversationId: $id, body: $body, clientMessageId: $c }) { id } }`,
      { id: conversationId, c: nextClientMessageId(), body: `Is ${CANARY} safe with ibuprofen?` },
      pharmacy.tokens.customer,
    );
    expect(sent.errors).toBeUndefined();

    await waitFor(async () => (await spy((p) => p.__notifications.length)) === 1);
    const [notification] = await spy((p) => p.__notifications);
    expect(notification).toEqual({ title: `New message from ${pharmacy.customers[0].name}`, body: `${pharmacy.organization.name}: open the conversation`, tag: `conversation:${conversationId}` });
    expect(JSON.stringify(notification)).not.toContain(CANARY);
    await waitFor(async () => (await page.locator('link[rel="icon"]').getAttribute('data-unread')) === '1');
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/png;base64,/);
    await saveScreenshot(page, 'notifications-inbox');
  });

  it('opens the thread when the notification is clicked', async () => {
    const [notification] = await spy((p) => p.__notifications);
    const conversationId = notification!.tag!.replace('conversation:', '');
    await page.evaluate(() => (globalThis as unknown as NotificationSpy).__clickNotification(0));
    await waitFor(async () => new URL(page.url()).pathname === `/dashboard/conversations/${conversationId}`);
    await page.getByText(CANARY).first().waitFor({ timeout: UI_TIMEOUT });
    // The badge counts conversations waiting for the pharmacy's answer (README "Team unread"): answered, it goes.
    await gateway.graphql(
      `mutation ($id: ID!, $c: String!) { sendMessage(input: { conversationId: $id, body: "Answered", clientMessageId: $c }) { id } }`,
      { id: conversationId, c: nextClientMessageId() },
      pharmacy.tokens.admin,
    );
    await waitFor(async () => (await page.locator('link[rel="icon"]').getAttribute('data-unread')) === null);
    expect(await spy((p) => p.__notifications.length)).toBe(1);
    expect(errors).toEqual([]);
  });

  it('follows the preferences chosen in Your account: only assigned conversations, no sound', async () => {
    await page.getByRole('link', { name: pharmacy.admin.name }).click();
    await page.getByRole('heading', { level: 2, name: 'Notifications' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Conversations').selectOption('MINE');
    await page.getByLabel('With a sound').uncheck();
    const preferences = async () => (await gateway.graphql(`{ myNotificationPreferences { conversations sound } }`, {}, pharmacy.tokens.admin)).data.myNotificationPreferences;
    await waitFor(async () => JSON.stringify(await preferences()) === JSON.stringify({ conversations: 'MINE', sound: false }));
    await saveScreenshot(page, 'notifications-account');

    const started = await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, pharmacy.tokens.otherCustomer);
    await gateway.graphql(
      `mutation ($id: ID!, $c: String!) { sendMessage(input: { conversationId: $id, body: "Unassigned, not mine", clientMessageId: $c }) { id } }`,
      { id: started.data.startConversation.id, c: nextClientMessageId() },
      pharmacy.tokens.otherCustomer,
    );
    // The inbox has the event (the badge counts it) and still no notification followed.
    await waitFor(async () => (await page.locator('link[rel="icon"]').getAttribute('data-unread')) === '1');
    expect(await spy((p) => p.__notifications.length)).toBe(1);
  });

  it("shows a Web Push through the dashboard's service worker with ids and the pharmacy name only", async () => {
    const scope = `${gateway.url}/dashboard/`;
    await page.evaluate(async () => {
      const worker = (globalThis as any).navigator.serviceWorker;
      await worker.register('/dashboard/push-worker.js', { scope: '/dashboard/' });
      await worker.ready;
    });
    // Chromium's own way to hand a worker a push (what a push service's delivery ends in).
    const cdp = await context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((registration: { scopeURL: string; isDeleted: boolean }) => registration.scopeURL === scope && !registration.isDeleted);
        if (ours) resolve(ours.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    const message = { type: 'customer-message', conversationId: '5b2f0c57-1d8c-4d55-9d43-2e3c3e6d8a11', messageId: 'a1c6e4f2-5b0e-4a4b-8d53-8b3c7a0d2f90', pharmacy: pharmacy.organization.name };
    const deliver = async () => cdp.send('ServiceWorker.deliverPushMessage', { origin: gateway.url, registrationId: await registrationId, data: JSON.stringify(message) });
    const shown = async () =>
      page.evaluate(async () => {
        const registration = await (globalThis as any).navigator.serviceWorker.getRegistration('/dashboard/');
        return ((await registration.getNotifications()) as { title: string; body: string; tag: string }[]).map(({ title, body, tag }) => ({ title, body, tag }));
      });
    // DevTools' delivery was once dropped in CI (the worker just registered, the machine busy):
    // it is delivered again every 2 s until shown. One tag, so a later one replaces an earlier.
    await deliver();
    let deliveredAt = Date.now();
    await waitFor(async () => {
      if ((await shown()).length === 1) return true;
      if (Date.now() - deliveredAt > 2_000) {
        await deliver();
        deliveredAt = Date.now();
      }
      return false;
    });
    expect(await shown()).toEqual([{ title: 'New customer message', body: `${pharmacy.organization.name}: open the conversation`, tag: `conversation:${message.conversationId}` }]);
    await cdp.detach();
  });
});
