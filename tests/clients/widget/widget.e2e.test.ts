import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { Organization } from '../../../entities/organization.entity.js';
import { WidgetThreadPolicy } from '../../../entities/organization-settings.js';
import { startExampleStore, type ExampleStore } from '../../../gateway/demo/example-store.js';
import { signIdentity } from '../../../resolvers/widget/identity-signature.js';
import { png } from '../../fixtures/sample-files.js';
import { collectPageErrors, launchBrowser, saveScreenshot } from '../../support/browser.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const SLUG = 'e2e-pharmacy';
const CONVERSATIONS = `{ conversations(first: 10) { edges { node { id customer { name } participants { role lastReadSequence } lastSequence } } } }`;
const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id sequence } }`;
const SET_TYPING = `mutation ($id: ID!) { setTyping(conversationId: $id, typing: true) }`;
const MARK_READ = `mutation ($id: ID!) { markConversationRead(input: { conversationId: $id }) { id } }`;
const ISSUE_TOKEN = `mutation ($id: ID!) { issueChatToken(customerId: $id) { token chatLink } }`;

let gateway: TestGateway;
let store: ExampleStore;
let pharmacy: PharmacyFixture;
let browser: Browser;
let secret: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, SLUG);
  await gateway.dataSource.getRepository(Organization).update(pharmacy.organization.id, {
    name: 'Apotheek Zuid',
    settings: { replyTimeText: 'We usually reply within an hour', timeZone: 'Europe/Amsterdam', businessHours: [], primaryColor: '#7c3aed' },
  });
  secret = (await gateway.graphql(`{ widgetSecret }`, {}, pharmacy.tokens.admin)).data.widgetSecret;
  store = await startExampleStore({
    port: 0,
    counterchatUrl: gateway.url,
    organizationSlug: SLUG,
    storeName: 'Apotheek Zuid',
    exampleDir: path.resolve('clients/widget/example'),
    widgetSecret: secret,
  });
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await store?.dispose();
  await gateway?.dispose();
});

const chat = (page: Page): FrameLocator => page.frameLocator('iframe[src*="/widget/"]');
const launcher = (page: Page) => page.locator('[data-counterchat]').getByRole('button', { name: /chat/i });

/** The pre-chat form in Dutch (the page language decides). */
async function fillDutchPrechat(frame: FrameLocator, name: string) {
  await frame.getByLabel('Uw naam').fill(name, { timeout: 5000 });
  await frame.getByLabel('Telefoon of e-mail').fill('+31 6 1111 2222', { timeout: 5000 });
  await frame.getByLabel(/mag contact met mij opnemen/).check({ timeout: 5000 });
  await frame.getByRole('button', { name: 'Chat starten' }).click({ timeout: 5000 });
}

async function conversationOf(customerName: string): Promise<{ id: string; participants: { role: string; lastReadSequence: number }[]; lastSequence: number }> {
  const response = await gateway.graphql(CONVERSATIONS, {}, pharmacy.tokens.pharmacist);
  const node = response.data.conversations.edges.map((edge: { node: any }) => edge.node).find((candidate: any) => candidate.customer.name === customerName);
  if (!node) throw new Error(`No conversation for ${customerName}`);
  return node;
}

async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe('the widget on a store page of another origin', () => {
  // Playwright contexts are incognito-like: third-party storage is blocked, as in Chromium's defaults now.
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
    page = await context.newPage();
    errors = collectPageErrors(page);
  });
  afterAll(() => context.close());

  it('loads the launcher from the gateway without blocking the store page, even under `* { all: unset }`', async () => {
    expect(new URL(store.url).origin).not.toBe(new URL(gateway.url).origin);
    await page.goto(`${store.url}/?hostile=1`);
    await launcher(page).waitFor();
    const box = await launcher(page).boundingBox();
    // Still a 56 px round button at the bottom right, despite the store's CSS.
    expect(box).toMatchObject({ width: 56, height: 56 });
    expect(box!.x + box!.width).toBeGreaterThan(1100);
    expect(box!.y + box!.height).toBeGreaterThan(700);
    // The loader is async and the iframe comes only on demand.
    expect(await page.locator('script[src$="/widget.js"]').getAttribute('async')).not.toBeNull();
    expect(await page.locator('[data-counterchat]').evaluate((host) => host.shadowRoot!.querySelectorAll('iframe').length)).toBe(0);
  });

  it('opens, asks who the visitor is, and sends their first message', async () => {
    await launcher(page).click();
    const frame = chat(page);
    await frame.getByRole('heading', { name: 'Apotheek Zuid' }).waitFor();
    await expect(frame.getByText('We usually reply within an hour').isVisible()).resolves.toBe(true);
    const iframe = await page.locator('[data-counterchat]').evaluate((host) => host.shadowRoot!.querySelector('iframe')!.getBoundingClientRect().toJSON());
    expect(iframe.width).toBeGreaterThan(300);
    expect(iframe.height).toBeGreaterThan(400);

    // The form refuses a missing consent with the server's message on the field.
    await frame.getByLabel('Your name').fill('Vera Visitor');
    await frame.getByLabel('Phone or email').fill('+31611112222');
    await frame.getByRole('button', { name: 'Start chat' }).click();
    await frame.getByText('Please agree to be contacted').waitFor();
    await frame.getByLabel(/may contact me/).check();
    await frame.getByRole('button', { name: 'Start chat' }).click();

    const message = frame.getByRole('textbox', { name: 'Message' });
    await message.waitFor();
    await message.fill('Hello, is my prescription ready?');
    await message.press('Enter');
    await frame.locator('.cc-own:not(.cc-pending)').getByText('Hello, is my prescription ready?').waitFor();
    const conversation = await eventually(() => conversationOf('Vera Visitor'));
    expect(conversation.lastSequence).toBe(1);
  });

  it('shows the pharmacist typing and replying live, and tells the pharmacist it was read', async () => {
    const frame = chat(page);
    const conversation = await conversationOf('Vera Visitor');
    await gateway.graphql(SET_TYPING, { id: conversation.id }, pharmacy.tokens.pharmacist);
    await frame.getByText(`Pharmacist ${SLUG} is typing…`).waitFor();

    await gateway.graphql(SEND, { input: { conversationId: conversation.id, body: 'Yes, you can pick it up today.', clientMessageId: nextClientMessageId() } }, pharmacy.tokens.pharmacist);
    await frame.getByText('Yes, you can pick it up today.').waitFor();
    await expect(frame.getByText(/is typing/).count()).resolves.toBe(0);

    // The panel is open: the customer's read position reaches the reply.
    await eventually(async () => {
      const { participants } = await conversationOf('Vera Visitor');
      expect(participants.find((participant) => participant.role === 'CUSTOMER')?.lastReadSequence).toBe(2);
    });
  });

  it('sends the visitor’s typing to the pharmacist and shows "Seen" once the pharmacist has read', async () => {
    const frame = chat(page);
    const conversation = await conversationOf('Vera Visitor');
    const staff = connectSubscriber(gateway.wsUrl, pharmacy.tokens.pharmacist);
    try {
      const typing = staff.subscribe(`subscription ($id: ID!) { typing(conversationId: $id) { typing actor { __typename } } }`, { id: conversation.id });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await frame.getByRole('textbox', { name: 'Message' }).pressSequentially('Great, tha', { delay: 20 });
      const event = await typing.next(5000);
      expect(event.data).toEqual({ typing: { typing: true, actor: { __typename: 'Customer' } } });
      await frame.getByRole('textbox', { name: 'Message' }).pressSequentially('nks!');
      await frame.getByRole('textbox', { name: 'Message' }).press('Enter');
      await frame.locator('.cc-own:not(.cc-pending)').getByText('Great, thanks!').waitFor();
      await expect(frame.getByText('Seen').count()).resolves.toBe(0);
      await gateway.graphql(MARK_READ, { id: conversation.id }, pharmacy.tokens.pharmacist);
      await frame.locator('.cc-own', { hasText: 'Great, thanks!' }).getByText('Seen').waitFor();
    } finally {
      await staff.dispose();
    }
  });

  it('counts unread replies on the launcher and through on("unread") while the panel is closed', async () => {
    const frame = chat(page);
    await frame.getByRole('textbox', { name: 'Message' }).press('Escape');
    await page.waitForFunction(() => (globalThis as any).counterchatEvents.some((event: any) => event.name === 'close'));
    const conversation = await conversationOf('Vera Visitor');
    await gateway.graphql(SEND, { input: { conversationId: conversation.id, body: 'One more thing: bring your ID.', clientMessageId: nextClientMessageId() } }, pharmacy.tokens.pharmacist);
    await launcher(page).and(page.getByRole('button', { name: /1 unread/ })).waitFor();
    const events = await page.evaluate(() => (globalThis as any).counterchatEvents as { name: string; detail: any }[]);
    expect(events).toContainEqual({ name: 'unread', detail: { count: 1 } });
    // The host page learns that a message came, never what it says.
    const message = events.find((event) => event.name === 'message');
    expect(message?.detail).toEqual({ conversationId: conversation.id, sequence: expect.any(Number) });
    expect(JSON.stringify(events)).not.toContain('bring your ID');
  });

  it('resumes the same conversation after a reload', async () => {
    await page.reload();
    await launcher(page).click();
    const frame = chat(page);
    await frame.getByText('One more thing: bring your ID.').waitFor();
    await expect(frame.getByText('Hello, is my prescription ready?').isVisible()).resolves.toBe(true);
    await expect(frame.getByLabel('Your name').count()).resolves.toBe(0);
    await saveScreenshot(page, 'widget-resumed-conversation');
  });

  it('keeps the token out of the store page', async () => {
    const storage = await page.evaluate(() => {
      const browserGlobals = globalThis as any;
      return JSON.stringify({ ...browserGlobals.localStorage, ...browserGlobals.sessionStorage, cookie: browserGlobals.document.cookie });
    });
    expect(storage).not.toMatch(/eyJ/);
    expect(errors).toEqual([]);
  });
});

describe('keyboard, photos and a dropped connection', () => {
  it('opens from the keyboard, keeps Tab inside the panel, and Escape gives focus back to the launcher', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(store.url);
    await launcher(page).focus();
    await page.keyboard.press('Enter');
    const frame = chat(page);
    await frame.getByLabel('Your name').waitFor();
    await expect(frame.getByLabel('Your name').evaluate((input) => input === (input.ownerDocument as any).activeElement)).resolves.toBe(true);
    const inPanel = () => frame.locator('.cc-panel').evaluate((panel) => panel.contains((panel.ownerDocument as any).activeElement));
    for (let step = 0; step < 8; step++) {
      await page.keyboard.press('Tab');
      await expect(inPanel()).resolves.toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    await expect(inPanel()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (globalThis as any).counterchatEvents.some((event: any) => event.name === 'close'));
    await expect(page.locator('[data-counterchat]').evaluate((host) => host.shadowRoot!.activeElement?.className)).resolves.toBe('launcher');
    await context.close();
  });

  it('sends a photo, and catches up on what arrived while the connection was down', async () => {
    const context = await browser.newContext();
    // Every socket of the page goes through here, so the test can cut it and keep it cut
    // (1012 "service restart", which clients retry, like a dropped network's 1006).
    const sockets: { close(options?: { code?: number }): Promise<void> }[] = [];
    let connectionDown = false;
    await context.routeWebSocket(/\/graphql$/, (socket) => {
      if (connectionDown) return void socket.close({ code: 1012 });
      socket.connectToServer();
      sockets.push(socket);
    });
    const page = await context.newPage();
    await page.goto(store.url);
    await launcher(page).click();
    const frame = chat(page);
    await frame.getByLabel('Your name').fill('Fay Photo');
    await frame.getByLabel('Phone or email').fill('fay@example.com');
    await frame.getByLabel(/may contact me/).check();
    await frame.getByRole('button', { name: 'Start chat' }).click();
    await frame.getByRole('textbox', { name: 'Message' }).fill('My prescription');
    await frame.getByTestId('cc-file-input').setInputFiles({ name: 'prescription.png', mimeType: 'image/png', buffer: await png() });
    await frame.getByText('prescription.png').waitFor();
    await frame.getByRole('textbox', { name: 'Message' }).press('Enter');
    await frame.locator('.cc-own:not(.cc-pending) img[alt="prescription.png"]').waitFor();
    const conversation = await eventually(() => conversationOf('Fay Photo'));
    const sent = await gateway.graphql(`query ($id: ID!) { conversation(id: $id) { messages(last: 5) { edges { node { body attachments { fileName isImage } } } } } }`, { id: conversation.id }, pharmacy.tokens.pharmacist);
    expect(sent.data.conversation.messages.edges.at(-1).node).toEqual({ body: 'My prescription', attachments: [{ fileName: 'prescription.png', isImage: true }] });

    connectionDown = true;
    for (const socket of sockets.splice(0)) await socket.close({ code: 1012 });
    await frame.getByText('Connection lost. Reconnecting…').waitFor();
    await gateway.graphql(SEND, { input: { conversationId: conversation.id, body: 'Sent while you were offline.', clientMessageId: nextClientMessageId() } }, pharmacy.tokens.pharmacist);
    connectionDown = false;
    await frame.getByText('Sent while you were offline.').waitFor({ timeout: 20_000 });
    await saveScreenshot(page, 'widget-after-reconnect');
    await context.close();
  }, 45_000);
});

describe('thread policy', () => {
  it('starts a new thread on each visit when the pharmacy wants that, and lists them', async () => {
    const visits = await createPharmacy(gateway.dataSource, gateway.tokens, 'e2e-visits');
    await gateway.dataSource.getRepository(Organization).update(visits.organization.id, {
      settings: { replyTimeText: null, timeZone: 'Europe/Amsterdam', businessHours: [], primaryColor: '#0f766e', widgetThreads: WidgetThreadPolicy.NEW_EACH_VISIT },
    });
    const visitStore = await startExampleStore({ port: 0, counterchatUrl: gateway.url, organizationSlug: 'e2e-visits', storeName: 'Visits', exampleDir: path.resolve('clients/widget/example') });
    const context = await browser.newContext();
    try {
      const first = await context.newPage();
      await first.goto(visitStore.url);
      await launcher(first).click();
      const frame = chat(first);
      await frame.getByLabel('Your name').fill('Vic Visits');
      await frame.getByLabel('Phone or email').fill('vic@example.com');
      await frame.getByLabel(/may contact me/).check();
      await frame.getByRole('button', { name: 'Start chat' }).click();
      await frame.getByRole('textbox', { name: 'Message' }).fill('First visit');
      await frame.getByRole('textbox', { name: 'Message' }).press('Enter');
      await frame.locator('.cc-own:not(.cc-pending)').getByText('First visit').waitFor();
      await first.close();

      // A new tab is a new visit: same customer (kept session), new thread.
      const second = await context.newPage();
      await second.goto(visitStore.url);
      await launcher(second).click();
      const again = chat(second);
      await again.getByText('No messages yet').waitFor();
      await again.getByRole('textbox', { name: 'Message' }).fill('Second visit');
      await again.getByRole('textbox', { name: 'Message' }).press('Enter');
      await again.locator('.cc-own:not(.cc-pending)').getByText('Second visit').waitFor();
      await again.getByRole('button', { name: 'Your conversations' }).click();
      await again.getByRole('button', { name: /First visit/ }).waitFor();
      await again.getByRole('button', { name: /Second visit/ }).waitFor();
      await again.getByRole('button', { name: /First visit/ }).click();
      await again.locator('.cc-own').getByText('First visit').waitFor();
    } finally {
      await context.close();
      await visitStore.dispose();
    }
  });
});

describe('identity', () => {
  it('signs a store customer in with the store backend’s signature', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(store.url);
    await launcher(page).waitFor();
    await page.getByRole('button', { name: 'Sign in as a store customer (demo)' }).click();
    await page.getByText('Signed in to the chat.').waitFor();
    await launcher(page).click();
    await chat(page).getByRole('textbox', { name: 'Message' }).waitFor();
    await expect(chat(page).getByLabel('Your name').count()).resolves.toBe(0);
    await context.close();
  });

  it('refuses a forged and an expired signature, and the visitor stays anonymous', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(store.url);
    await launcher(page).waitFor();
    const base = { organizationSlug: SLUG, externalId: 'someone-else', name: 'Mallory', email: 'mallory@example.com', nonce: randomUUID(), issuedAt: Math.floor(Date.now() / 1000) };
    const forged = { ...base, signature: signIdentity(base, 'not-the-secret') };
    const expiredIdentity = { ...base, nonce: randomUUID(), issuedAt: base.issuedAt - 3600 };
    const expired = { ...expiredIdentity, signature: signIdentity(expiredIdentity, secret) };
    for (const identity of [forged, expired]) {
      const { organizationSlug: _slug, ...forPage } = identity;
      await page.evaluate((signed) => (globalThis as any).Counterchat.identify(signed), forPage);
    }
    await page.waitForFunction(() => (globalThis as any).counterchatEvents.filter((event: any) => event.name === 'identify').length === 2);
    const results = await page.evaluate(() => (globalThis as any).counterchatEvents.filter((event: any) => event.name === 'identify').map((event: any) => event.detail));
    expect(results).toEqual([
      { ok: false, code: 'UNAUTHENTICATED' },
      { ok: false, code: 'UNAUTHENTICATED' },
    ]);
    await launcher(page).click();
    await chat(page).getByLabel('Your name').waitFor();
    await context.close();
  });

  it('opens already signed in from a staff chat link on the store page, and drops the token from the address bar', async () => {
    const issued = await gateway.graphql(ISSUE_TOKEN, { id: pharmacy.customers[1].id }, pharmacy.tokens.pharmacist);
    const token = new URL(issued.data.issueChatToken.chatLink).searchParams.get('counterchat_token');
    expect(token).toBe(issued.data.issueChatToken.token);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${store.url}/?counterchat_token=${encodeURIComponent(token!)}`);
    await chat(page).getByRole('textbox', { name: 'Message' }).waitFor();
    expect(page.url()).not.toContain('counterchat_token');
    await context.close();
  });
});

describe('the chat link on its own', () => {
  it('opens the chat app full page, signed in, and drops the token from the address bar', async () => {
    const issued = await gateway.graphql(ISSUE_TOKEN, { id: pharmacy.customers[0].id }, pharmacy.tokens.pharmacist);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(issued.data.issueChatToken.chatLink);
    await page.getByRole('textbox', { name: 'Message' }).waitFor();
    expect(page.url()).not.toContain('counterchat_token');
    // Not embedded: no close button, nothing to close.
    await expect(page.getByRole('button', { name: 'Close chat' }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('on a phone', () => {
  it('fills the screen and speaks the store page’s language', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 700 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${store.url}/?lang=nl`);
    await page.locator('[data-counterchat]').getByRole('button', { name: 'Chat openen' }).click({ timeout: 5000 });
    const frame = chat(page);
    await frame.getByLabel('Uw naam').waitFor({ timeout: 5000 });
    const iframe = await page.locator('[data-counterchat]').evaluate((host) => host.shadowRoot!.querySelector('iframe')!.getBoundingClientRect().toJSON());
    expect(iframe).toMatchObject({ x: 0, y: 0, width: 375, height: 700 });
    await fillDutchPrechat(frame, 'Pim Telefoon');
    await frame.getByRole('textbox', { name: 'Bericht' }).waitFor({ timeout: 5000 });
    // Phones get a camera button next to the file picker.
    await frame.getByRole('button', { name: 'Foto maken' }).waitFor({ timeout: 5000 });
    await saveScreenshot(page, 'widget-phone');
    await context.close();
  });
});
