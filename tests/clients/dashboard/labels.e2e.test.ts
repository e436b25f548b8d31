import type { Browser, Page } from 'playwright-core';
import { seedDemoData, type DemoAccounts } from '../../../gateway/server/demo/demo-data.js';
import { launchBrowser, saveScreenshot } from '../../support/browser.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { hasFocus, signInToDashboard, UI_TIMEOUT, waitFor, waitForCount } from './dashboard-page.js';

/**
 * Labels in headless Chromium against the real gateway and demo data (issue 19): an admin
 * defines one in Settings → Labels, a pharmacist puts it on a thread from the header's
 * picker with the keyboard and filters the inbox by it. Later steps reuse earlier ones.
 */

let gateway: TestGateway;
let demo: DemoAccounts;
let browser: Browser;
let admin: Page;
let pharmacist: Page;
let sofieConversationId: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  demo = await seedDemoData(gateway.ownerDatabase, gateway.realtime.publisher);
  const customer = demo.customers.find((c) => c.name === 'Sofie Jansen')!;
  const [row] = await gateway.dataSource.query(`SELECT id FROM conversation WHERE customer_id = $1 ORDER BY created_at LIMIT 1`, [customer.id]);
  sofieConversationId = row.id;
  browser = await launchBrowser();
  admin = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  pharmacist = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.dispose();
});

const signIn = (target: Page, email: string) => signInToDashboard(target, gateway.url, email);

describe('labels', () => {
  it('lets an admin create a label in Settings → Labels, and says so when the name is taken', async () => {
    await signIn(admin, 'anna@demo-pharmacy.test');
    await admin.goto(`${gateway.url}/dashboard/settings/labels`);
    await admin.getByRole('heading', { level: 1, name: 'Labels' }).waitFor({ timeout: UI_TIMEOUT });

    const form = admin.getByRole('form', { name: 'Add label' });
    await form.getByLabel('Name').fill('Awaiting GP');
    await form.getByLabel('Colour').fill('#c05621');
    await form.getByRole('button', { name: 'Add label' }).click();
    const list = admin.getByRole('list', { name: 'Labels' });
    await list.getByLabel('Name of label Awaiting GP').waitFor({ timeout: UI_TIMEOUT });

    await form.getByLabel('Name').fill('awaiting gp');
    await form.getByRole('button', { name: 'Add label' }).click();
    await form.getByRole('alert').getByText('The pharmacy already has a label with that name.').waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(admin, 'dashboard-labels-settings');

    const [label] = await gateway.dataSource.query(`SELECT name, colour FROM label WHERE organization_id = $1`, [demo.organization.id]);
    expect(label).toEqual({ name: 'Awaiting GP', colour: '#c05621' });
  });

  it('lets a pharmacist label a thread from the header with the keyboard, and shows the chip in the header and the inbox row', async () => {
    await signIn(pharmacist, 'ben@demo-pharmacy.test');
    await pharmacist.goto(`${gateway.url}/dashboard/conversations/${sofieConversationId}`);
    await pharmacist.getByRole('heading', { level: 2, name: /Sofie Jansen/ }).waitFor({ timeout: UI_TIMEOUT });

    const picker = pharmacist.getByRole('button', { name: 'Labels', exact: true });
    await picker.focus();
    await pharmacist.keyboard.press('Enter');
    const option = pharmacist.getByRole('group', { name: 'Labels on this conversation' }).getByRole('checkbox', { name: 'Awaiting GP' });
    await option.waitFor({ timeout: UI_TIMEOUT });
    // The list takes the focus when it opens: Space ticks the first label.
    await waitFor(() => hasFocus(option));
    await pharmacist.keyboard.press('Space');
    await waitFor(async () => option.isChecked());

    const header = pharmacist.locator('.conversation-header');
    await header.getByTestId('label-chips').getByText('Awaiting GP').waitFor({ timeout: UI_TIMEOUT });
    await pharmacist.keyboard.press('Escape');
    await waitFor(async () => (await pharmacist.getByRole('group', { name: 'Labels on this conversation' }).count()) === 0);
    expect(await hasFocus(picker)).toBe(true);

    const row = pharmacist.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: 'Sofie Jansen' });
    await row.getByTestId('label-chips').getByText('Awaiting GP').waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(pharmacist, 'dashboard-labels-thread');

    const [carried] = await gateway.dataSource.query(
      `SELECT label.name FROM conversation_label JOIN label ON label.id = conversation_label.label_id WHERE conversation_label.conversation_id = $1`,
      [sofieConversationId],
    );
    expect(carried).toEqual({ name: 'Awaiting GP' });
  });

  it('filters the inbox by the label', async () => {
    const list = pharmacist.getByRole('list', { name: 'Conversations' });
    await pharmacist.getByRole('tab', { name: 'All' }).click();
    await waitFor(async () => (await list.getByRole('listitem').count()) > 1);

    await pharmacist.getByLabel('Filter by label').selectOption({ label: 'Awaiting GP' });
    await waitForCount(list.getByRole('listitem'), 1);
    await list.getByRole('listitem').filter({ hasText: 'Sofie Jansen' }).waitFor({ timeout: UI_TIMEOUT });

    await pharmacist.getByLabel('Filter by label').selectOption({ label: 'All labels' });
    await waitFor(async () => (await list.getByRole('listitem').count()) > 1);
  });

  it('counts the labelled thread in the statistics', async () => {
    await pharmacist.goto(`${gateway.url}/dashboard/settings/statistics`);
    const table = pharmacist.getByRole('table', { name: 'By label' });
    const row = table.getByRole('row').filter({ hasText: 'Awaiting GP' });
    await row.waitFor({ timeout: UI_TIMEOUT });
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['1', '1', '1']);
  });

  it('sees the chip go from the thread when the admin deletes the label', async () => {
    await admin.reload();
    const list = admin.getByRole('list', { name: 'Labels' });
    await list.getByRole('button', { name: 'Delete label Awaiting GP' }).click();
    await list.getByRole('button', { name: 'Yes, delete' }).click();
    await admin.getByText('No labels yet.').waitFor({ timeout: UI_TIMEOUT });

    // The pharmacist's open thread learns it on its next read of the thread.
    await pharmacist.goto(`${gateway.url}/dashboard/conversations/${sofieConversationId}`);
    await pharmacist.getByRole('heading', { level: 2, name: /Sofie Jansen/ }).waitFor({ timeout: UI_TIMEOUT });
    expect(await pharmacist.locator('.conversation-header').getByTestId('label-chips').count()).toBe(0);
  });
});
