import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoData, type DemoAccounts } from '../../../gateway/server/demo/demo-data.js';
import { collectPageErrors, launchBrowser, saveScreenshot } from '../../support/browser.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { UI_TIMEOUT, waitFor } from './dashboard-page.js';

/**
 * The inbox tools of issue 19 in headless Chromium against the real gateway and demo data:
 * priority on the row and in the priority order, snoozing out of Open into Snoozed, "Mark as
 * unread" on Shift+U, and the Today tab. Steps run in order on one page.
 */

let gateway: TestGateway;
let demo: DemoAccounts;
let browser: Browser;
let page: Page;
let errors: string[];
/** The dashboard's GraphQL requests still out. */
const pendingGraphql = new Set<unknown>();

beforeAll(async () => {
  gateway = await startTestGateway();
  demo = await seedDemoData(gateway.ownerDatabase, gateway.realtime.publisher);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  errors = collectPageErrors(page);
  const isGraphql = (request: { url(): string }) => request.url().endsWith('/graphql');
  page.on('request', (request) => void (isGraphql(request) && pendingGraphql.add(request)));
  page.on('requestfinished', (request) => void pendingGraphql.delete(request));
  page.on('requestfailed', (request) => void pendingGraphql.delete(request));
  await page.goto(`${gateway.url}/dashboard/`);
  await page.getByLabel('Email').fill('anna@demo-pharmacy.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('list', { name: 'Conversations' }).getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.dispose();
});

const row = (name: string) => page.locator('.conversation-row', { hasText: name });
const tab = (name: string) => page.getByRole('tab', { name, exact: true });
async function openThread(name: string) {
  await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: new RegExp(name) }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(name) }).waitFor({ timeout: UI_TIMEOUT });
  await graphqlSettled();
}

/**
 * Until no GraphQL request has been out for a moment. Opening a thread reads it (its query,
 * then the inbox after the read position moves); an answer whose read began before a change
 * committed, arriving after the change's own answer, puts the old value back in the
 * dashboard's cache until the next update. A person takes longer than that; the steps wait.
 */
async function graphqlSettled() {
  let quietSince = Date.now();
  await waitFor(async () => {
    if (pendingGraphql.size > 0) quietSince = Date.now();
    return Date.now() - quietSince >= 300;
  });
}
describe('the inbox tools', () => {
  it('sets a priority in the thread header, shows URGENT on the row, and sorts it first by priority', async () => {
    await openThread('Lucas Smit');
    const priority = page.getByRole('combobox', { name: 'Priority' });
    await priority.selectOption('URGENT');
    await row('Lucas Smit').locator('.priority-badge', { hasText: 'Urgent' }).waitFor({ timeout: UI_TIMEOUT });
    await waitFor(async () => (await priority.inputValue()) === 'URGENT');
    // Every row says where it started: the demo threads came from the website chat.
    expect(await row('Lucas Smit').locator('[data-channel="WIDGET"]').count()).toBe(1);
    expect(await row('Sofie Jansen').locator('.priority-badge').count()).toBe(0);

    await page.getByRole('combobox', { name: 'Sort' }).selectOption('priority');
    await waitFor(async () => ((await page.locator('.conversation-row').first().textContent()) ?? '').includes('Lucas Smit'));
    await saveScreenshot(page, 'dashboard-inbox-priority');
    await page.getByRole('combobox', { name: 'Sort' }).selectOption('newest');
  });

  it('snoozes a thread out of the Open tab into Snoozed', async () => {
    await tab('Open').click();
    await openThread('Sofie Jansen');
    await page.locator('.snooze-menu > summary').click();
    await page.getByRole('button', { name: /Later today/ }).click();
    // Snoozing returns to the inbox, where the thread is gone from Open.
    await waitFor(async () => (await row('Sofie Jansen').count()) === 0);
    expect(await row('Lucas Smit').count()).toBe(1);
    // The header's waiting count leaves snoozed threads out: Lucas still waits, Sofie no longer counts.
    await page.getByText('1 waiting', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await tab('Snoozed').click();
    await row('Sofie Jansen').locator('.snoozed-badge').waitFor({ timeout: UI_TIMEOUT });
    const [stored] = await gateway.dataSource.query(`SELECT count(*)::int AS n FROM conversation WHERE snoozed_until > now()`);
    expect(stored.n).toBe(1);
    await saveScreenshot(page, 'dashboard-inbox-snoozed');
  });

  it('marks the open thread unread with Shift+U, or from the header menu, and goes back to the inbox', async () => {
    await tab('Open').click();
    await openThread('Lucas Smit');
    // Opening it read it.
    await waitFor(async () => (await row('Lucas Smit').getByTestId('unread-badge').count()) === 0);
    await page.locator('.conversation-header').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+U');
    await row('Lucas Smit').getByTestId('unread-badge').waitFor({ timeout: UI_TIMEOUT });
    expect(await row('Lucas Smit').getByTestId('unread-badge').textContent()).toBe('1');
    expect(page.url()).not.toContain('/conversations/');

    // The same from the header's "More actions" menu.
    await tab('Pending').click();
    await openThread('Daan Visser');
    await waitFor(async () => (await row('Daan Visser').getByTestId('unread-badge').count()) === 0);
    await page.locator('.header-menu--end > summary').click();
    await page.getByRole('button', { name: /Mark as unread/ }).click();
    await row('Daan Visser').getByTestId('unread-badge').waitFor({ timeout: UI_TIMEOUT });
  });

  it('lists on Today only the conversations with activity since the pharmacy’s midnight', async () => {
    // Emma's resolved thread last changed three days ago.
    await gateway.dataSource.query(
      `UPDATE conversation SET updated_at = now() - interval '3 days' WHERE customer_id = (SELECT id FROM customer WHERE name = 'Emma Bakker' AND organization_id = $1)`,
      [demo.organization.id],
    );
    await tab('All').click();
    await row('Emma Bakker').waitFor({ timeout: UI_TIMEOUT });
    await tab('Today').click();
    await row('Lucas Smit').waitFor({ timeout: UI_TIMEOUT });
    await waitFor(async () => (await row('Emma Bakker').count()) === 0);
    expect(errors).toEqual([]);
  });
});
