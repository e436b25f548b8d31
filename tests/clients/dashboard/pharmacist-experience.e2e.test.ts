import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoData, type DemoAccounts } from '../../../gateway/server/demo/demo-data.js';
import { collectPageErrors, launchBrowser, saveScreenshot } from '../../support/browser.js';
import { nextClientMessageId, staffSessionToken } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { UI_TIMEOUT, waitFor, type ScrollBox } from './dashboard-page.js';

/**
 * What a pharmacist meets at the counter beyond sending (issue 20, points 7 and 10–17),
 * in headless Chromium against the real gateway and the demo pharmacy: links in messages,
 * where the focus goes, keyboard shortcuts, the delete question, sending while offline,
 * and the settings form's errors. Steps run in order on one page, as a person would.
 */

let gateway: TestGateway;
let demo: DemoAccounts;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];
const sofie = { token: '', conversationId: '' };

beforeAll(async () => {
  gateway = await startTestGateway();
  demo = await seedDemoData(gateway.ownerDatabase, gateway.realtime.publisher);
  const customer = demo.customers.find((c) => c.name === 'Sofie Jansen')!;
  sofie.token = (await gateway.tokens.issueChatToken({ organizationId: demo.organization.id, customerId: customer.id })).token;
  const response = await gateway.graphql('{ conversations(first: 1) { edges { node { id } } } }', {}, sofie.token);
  sofie.conversationId = response.data.conversations.edges[0].node.id;
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.dispose();
});

async function sendAsSofie(body: string) {
  const response = await gateway.graphql(
    'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
    { input: { conversationId: sofie.conversationId, body, clientMessageId: nextClientMessageId() } },
    sofie.token,
  );
  expect(response.errors).toBeUndefined();
}

async function signIn(email: string) {
  await page.goto(`${gateway.url}/dashboard/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await conversationList().getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });
}

const conversationList = () => page.getByRole('list', { name: 'Conversations' });
const row = (name: string) => conversationList().getByRole('link', { name: new RegExp(`^${name}`) });
const timeline = () => page.getByRole('region', { name: 'Conversation', exact: true }).getByLabel('Messages');
const composer = () => page.getByRole('textbox', { name: 'Message' });
const message = (text: string) => timeline().locator('.message', { has: page.locator('.message__bubble > .message__body').getByText(text, { exact: true }) });
const focusedLabel = () => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document.activeElement?.getAttribute('aria-label') ?? null);
const openConversationId = () => /\/conversations\/([^/]+)$/.exec(new URL(page.url()).pathname)?.[1] ?? null;
/** Takes the focus away from any field, as a click on the page's background does. */
const leaveFields = () => page.locator('body').evaluate((body: { focus(): void; ownerDocument: { activeElement: { blur?(): void } | null } }) => body.ownerDocument.activeElement?.blur?.());

describe("the pharmacist's dashboard", () => {
  it('makes web and e-mail addresses in a message clickable, opening in a new tab, and leaves javascript: as text', async () => {
    await sendAsSofie('The leaflet is at https://example.org/leaflet?lang=en, mail info@example.org; not javascript:alert(document.cookie) or data:text/html,hi');
    await signIn('ben@demo-pharmacy.test');
    await row('Sofie Jansen').click();
    const body = timeline().locator('.message__body', { hasText: 'The leaflet is at' });
    await body.waitFor({ timeout: UI_TIMEOUT });

    const web = body.getByRole('link', { name: 'https://example.org/leaflet?lang=en' });
    expect(await web.getAttribute('href')).toBe('https://example.org/leaflet?lang=en');
    expect(await web.getAttribute('target')).toBe('_blank');
    expect(await web.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await body.getByRole('link', { name: 'info@example.org' }).getAttribute('href')).toBe('mailto:info@example.org');
    // Exactly those two: the script and data addresses stay words.
    expect(await body.getByRole('link').count()).toBe(2);
    expect(await body.textContent()).toContain('javascript:alert(document.cookie)');
    expect(await page.locator('a[href^="javascript:" i], a[href^="data:" i]').count()).toBe(0);
    // A fresh thread opens at its very newest message, not a line short of it.
    await waitFor(() => timeline().evaluate((box: ScrollBox) => box.scrollHeight - box.scrollTop - box.clientHeight <= 2));
  });

  it("counts conversations waiting for the team's answer in the header, and drops one a colleague answered though it stays unread for me", async () => {
    const badge = page.locator('.dashboard__unread');
    const waiting = async () => Number(/^(\d+)/.exec((await badge.textContent()) ?? '')?.[1] ?? 0);
    await waitFor(async () => (await waiting()) > 0);
    const before = await waiting();
    expect(await page.title()).toBe(`(${before}) Counterchat`);
    await row('Lucas Smit, 1 unread').waitFor();

    const lucas = demo.customers.find((c) => c.name === 'Lucas Smit')!;
    const lucasToken = (await gateway.tokens.issueChatToken({ organizationId: demo.organization.id, customerId: lucas.id })).token;
    const lucasThread = (await gateway.graphql('{ conversations(first: 1) { edges { node { id } } } }', {}, lucasToken)).data.conversations.edges[0].node.id;
    const anna = await staffSessionToken(gateway.dataSource, gateway.tokens, demo.staff.find((staff) => staff.email === 'anna@demo-pharmacy.test')!);
    const answered = await gateway.graphql(
      'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
      { input: { conversationId: lucasThread, body: 'The pens are fine, Lucas.', clientMessageId: nextClientMessageId() } },
      anna,
    );
    expect(answered.errors).toBeUndefined();
    await waitFor(async () => (await waiting()) === before - 1);
    expect(await page.title()).toBe(before - 1 > 0 ? `(${before - 1}) Counterchat` : 'Counterchat');
    // Ben still has Lucas's message to read: his own unread stays on the row.
    await row('Lucas Smit, 1 unread').waitFor();
    await page.getByRole('tab', { name: 'Waiting' }).click();
    await waitFor(async () => (await row('Lucas Smit').count()) === 0 && (await row('Sofie Jansen').count()) === 1);
    await page.getByRole('tab', { name: 'Open' }).click();
    await row('Lucas Smit').waitFor();
  });

  it('opens a message found by search scrolled into view and highlighted, though forty messages came after it', async () => {
    await sendAsSofie('Do you stock elderflower throat lozenges without sugar?');
    for (let n = 1; n <= 40; n++) await sendAsSofie(`Later message ${n}`);
    // Forty live events on a shared machine: more time than one UI step.
    await message('Later message 40').waitFor({ timeout: 30_000 });
    await page.getByRole('searchbox', { name: 'Search customers and messages' }).fill('elderflower');
    const hit = page.getByRole('list', { name: 'Messages found' }).getByRole('link', { name: /^Sofie Jansen: .*elderflower/ });
    await hit.click({ timeout: UI_TIMEOUT });

    const found = message('Do you stock elderflower throat lozenges without sugar?');
    await found.and(page.locator('.message--highlighted')).waitFor({ timeout: UI_TIMEOUT });
    // In the middle of the timeline's view, not below it as the newest page would leave it.
    await waitFor(async () => {
      const [box, view] = await Promise.all([found.boundingBox(), timeline().boundingBox()]);
      return !!box && !!view && box.y >= view.y && box.y + box.height <= view.y + view.height;
    });
    expect(await message('Later message 40').isVisible()).toBe(true); // on the page, scrolled out of view
    const newestInView = await message('Later message 40').evaluate((bubble: { getBoundingClientRect(): { top: number } }, viewBottom: number) => bubble.getBoundingClientRect().top < viewBottom, (await timeline().boundingBox())!.y + (await timeline().boundingBox())!.height);
    expect(newestInView).toBe(false);
    expect(new URL(page.url()).search).toMatch(/^\?message=\d+$/);
    await saveScreenshot(page, 'dashboard-search-hit');
    await page.getByRole('searchbox', { name: 'Search customers and messages' }).fill('');
  });

  it('moves the focus to the message box after "Reply", so typing goes into the answer', async () => {
    const target = timeline().locator('.message--customer').last();
    await target.hover();
    await target.getByRole('button', { name: 'Reply' }).click();
    await page.getByText('Replying to').waitFor();
    expect(await focusedLabel()).toBe('Message');
    await page.keyboard.type('It is on the shelf.');
    await page.keyboard.press('Enter');
    await message('It is on the shelf.').locator('blockquote').waitFor({ timeout: UI_TIMEOUT });
  });

  it('keeps all five quick reactions inside the thread beside the customer panel at 1440 px', async () => {
    const long = timeline().locator('.message--customer', { hasText: 'The leaflet is at' });
    await long.hover();
    await long.getByRole('button', { name: 'Add reaction' }).click();
    const last = long.getByRole('button', { name: 'React with 😊' });
    await last.waitFor();
    const [button, thread] = await Promise.all([last.boundingBox(), page.getByRole('region', { name: 'Conversation', exact: true }).boundingBox()]);
    expect(button!.x + button!.width).toBeLessThanOrEqual(thread!.x + thread!.width);
    expect(button!.x).toBeGreaterThanOrEqual(thread!.x);
    await long.getByRole('button', { name: 'Add reaction' }).click();
  });

  it('asks in its own dialog before deleting a message, and shows "Message deleted" after', async () => {
    await waitFor(async () => (await message('It is on the shelf.').getByLabel('Sending message').count()) === 0 && (await timeline().getByLabel('Sending message').count()) === 0);
    const own = message('It is on the shelf.');
    await own.hover();
    await own.getByRole('button', { name: 'Delete message' }).click();
    const question = page.getByRole('dialog', { name: 'Delete this message?' });
    await question.waitFor();
    expect(await focusedLabel()).toBe(null); // "Cancel", the safe answer, has its text as its name
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string | null } | null } }).document.activeElement?.textContent)).toBe('Cancel');
    await saveScreenshot(page, 'dashboard-delete-question');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'hidden' });
    expect(await own.count()).toBe(1);

    await own.hover();
    await own.getByRole('button', { name: 'Delete message' }).click();
    await question.getByRole('button', { name: 'Delete' }).click();
    await timeline().getByText('Message deleted', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await message('It is on the shelf.').count()).toBe(0);
  });

  it('lists its keyboard shortcuts under "?", and walks, opens and resolves conversations with them', async () => {
    await leaveFields();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const description of ['Write a reply (focus the message box)', 'Next conversation', 'Previous conversation', 'Next unread conversation', 'Resolve the open conversation']) {
      await help.getByText(description).waitFor();
    }
    await saveScreenshot(page, 'dashboard-shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // Typing in a field is never taken for a shortcut.
    await composer().fill('');
    await composer().press('j');
    expect(await composer().inputValue()).toBe('j');
    await composer().fill('');

    await leaveFields();
    const names = await conversationList().locator('.conversation-row__name').allTextContents();
    const sofieIndex = names.indexOf('Sofie Jansen');
    const start = openConversationId();
    await page.keyboard.press(sofieIndex === names.length - 1 ? 'k' : 'j');
    await waitFor(async () => openConversationId() !== start);
    await page.keyboard.press(sofieIndex === names.length - 1 ? 'j' : 'k');
    await waitFor(async () => openConversationId() === start);

    await page.keyboard.press('r');
    expect(await focusedLabel()).toBe('Message');
    await leaveFields();

    // u: the next conversation with unread messages (Lucas has one from the demo data).
    await page.keyboard.press('u');
    await page.getByRole('heading', { level: 2, name: /Lucas Smit/ }).waitFor({ timeout: UI_TIMEOUT });
    await leaveFields();
    await page.keyboard.press('e');
    await page.getByRole('region', { name: 'Conversation', exact: true }).getByRole('button', { name: 'Reopen' }).waitFor({ timeout: UI_TIMEOUT });
  });

  it('queues a message written offline, says it is offline, and delivers it once when the network returns', async () => {
    await row('Sofie Jansen').click();
    await page.getByRole('heading', { level: 2, name: /Sofie Jansen/ }).waitFor({ timeout: UI_TIMEOUT });
    await context.setOffline(true);
    await page.getByText('You are offline.').waitFor({ timeout: UI_TIMEOUT });
    await composer().fill('Written on the train without signal.');
    await composer().press('Enter');
    await composer().fill('And a second one, after it.');
    await composer().press('Enter');
    await timeline().getByText('Waiting for the connection…').first().waitFor({ timeout: UI_TIMEOUT });
    expect(await timeline().getByText('Waiting for the connection…').count()).toBe(2);
    expect(await timeline().getByText('Retry').count()).toBe(0);
    await saveScreenshot(page, 'dashboard-offline-queue');

    await context.setOffline(false);
    await message('And a second one, after it.').waitFor({ timeout: 30_000 });
    await waitFor(async () => (await timeline().getByLabel('Sending message').count()) === 0, 30_000);
    await page.getByText('You are offline.').waitFor({ state: 'detached' });

    const thread = await gateway.graphql(
      'query($id: ID!) { conversation(id: $id) { messages(last: 10) { edges { node { body } } } } }',
      { id: sofie.conversationId },
      sofie.token,
    );
    const bodies: string[] = thread.data.conversation.messages.edges.map((edge: { node: { body: string | null } }) => edge.node.body);
    expect(bodies.filter((body) => body === 'Written on the train without signal.')).toHaveLength(1);
    expect(bodies.filter((body) => body === 'And a second one, after it.')).toHaveLength(1);
    expect(bodies.indexOf('Written on the train without signal.')).toBeLessThan(bodies.indexOf('And a second one, after it.'));
    expect(await message('Written on the train without signal.').count()).toBe(1);
  });

  it('keeps the header on one short row at phone width, "Sign out" included', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const header = page.locator('.dashboard__header');
    const [box, brand, signOut] = await Promise.all([header.boundingBox(), page.locator('.dashboard__brand').boundingBox(), page.getByRole('button', { name: 'Sign out' }).boundingBox()]);
    expect(box!.height).toBeLessThan(844 * 0.1);
    expect(Math.abs(signOut!.y + signOut!.height / 2 - (brand!.y + brand!.height / 2))).toBeLessThan(8);
    expect(signOut!.x + signOut!.width).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'dashboard-phone-header');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('shows every problem of the pharmacy settings form at once, each next to its field, in words', async () => {
    const beforeSignOut = pageErrors.length;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('anna@demo-pharmacy.test');
    // What Ben's dashboard still had in flight when his session ended is refused (401), as the
    // client expects while it is torn down (session-context.tsx); nothing else may fail then.
    pageErrors.splice(beforeSignOut, Infinity, ...pageErrors.slice(beforeSignOut).filter((error) => !error.includes('status of 401')));
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Pharmacy settings' }).click();
    const form = page.getByRole('form', { name: 'Pharmacy settings' });
    await form.waitFor({ timeout: UI_TIMEOUT });
    await form.getByLabel('Reply time').fill('We reply '.repeat(15));
    await form.getByLabel('Time zone').fill('Mars/Olympus_Mons');
    await form.getByLabel('Retention (days)').fill('5');
    await form.getByRole('button', { name: 'Save settings' }).click();

    await form.getByText('Keep the reply time to 120 characters (now 134).').waitFor({ timeout: UI_TIMEOUT });
    await form.getByText('“Mars/Olympus_Mons” is not a time zone: choose one from the list, such as Europe/Amsterdam.').waitFor();
    await form.getByText('Keep messages between 30 and 3650 days, or leave it empty to keep them forever.').waitFor();
    expect(await form.getByLabel('Retention (days)').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(page, 'dashboard-settings-errors');
    // Nothing was sent: the pharmacy still has its settings.
    const settings = await gateway.graphql('{ viewer { organization { settings { timeZone retentionDays } } } }', {}, await staffSessionToken(gateway.dataSource, gateway.tokens, demo.staff.find((staff) => staff.email === 'anna@demo-pharmacy.test')!));
    expect(settings.data.viewer.organization.settings).toEqual({ timeZone: 'Europe/Amsterdam', retentionDays: null });

    // Mending a field takes its message away; the others stay until they are mended too.
    await form.getByLabel('Retention (days)').fill('90');
    await form.getByText('Keep messages between 30 and 3650 days, or leave it empty to keep them forever.').waitFor({ state: 'detached' });
    await form.getByText('“Mars/Olympus_Mons” is not a time zone: choose one from the list, such as Europe/Amsterdam.').waitFor();
    // Requests made while the browser was offline fail as they should; nothing else may.
    expect(pageErrors.filter((error) => !error.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
  });
});
