import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoData, type DemoAccounts } from '../../../gateway/server/demo/demo-data.js';
import { StaffRole } from '../../../entities/staff-user.entity.js';
import { collectPageErrors, launchBrowser, saveScreenshot } from '../../support/browser.js';
import { staffSessionToken } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { UI_TIMEOUT, waitFor } from './dashboard-page.js';

/**
 * Saved replies in the browser (issue 19: "a pharmacist writes … a saved reply with /"):
 * Ben, a pharmacist, adds his own reply under Settings → Saved replies, opens Sofie's
 * thread, types `/` and part of the shortcut, picks it with the keyboard, and sends it
 * with Sofie's first name and the pharmacy's name filled in.
 */

let gateway: TestGateway;
let demo: DemoAccounts;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  gateway = await startTestGateway();
  demo = await seedDemoData(gateway.ownerDatabase, gateway.realtime.publisher);
  // One of the pharmacy's shared replies, kept by Anna (admin), so the list has two to choose from.
  const anna = demo.staff.find((staff) => staff.role === StaffRole.ADMIN)!;
  const created = await gateway.graphql(
    'mutation ($input: CreateSavedReplyInput!) { createSavedReply(input: $input) { id } }',
    { input: { shortcut: 'prescription-ready', title: 'Prescription ready', body: 'Your prescription is ready, {{customer.firstName}}.', shared: true } },
    await staffSessionToken(gateway.dataSource, gateway.tokens, anna),
  );
  expect(created.errors).toBeUndefined();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  pageErrors = collectPageErrors(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.dispose();
});

describe('saved replies', () => {
  it('lets a pharmacist add a saved reply of their own in the settings', async () => {
    await page.goto(`${gateway.url}/dashboard/`);
    await page.getByLabel('Email').fill('ben@demo-pharmacy.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Saved replies' }).click();
    await page.getByRole('heading', { level: 1, name: 'Saved replies' }).waitFor({ timeout: UI_TIMEOUT });
    const table = page.getByRole('table', { name: 'Saved replies' });
    await table.getByText('/prescription-ready').waitFor({ timeout: UI_TIMEOUT });
    // A pharmacist uses the pharmacy's replies but does not change them, nor share his own.
    expect(await page.getByRole('button', { name: 'Edit /prescription-ready' }).count()).toBe(0);
    expect(await page.getByLabel(/For the whole pharmacy/).count()).toBe(0);

    const form = page.getByRole('form', { name: 'Add a saved reply' });
    await form.getByRole('textbox', { name: /^Shortcut/ }).fill('pickup');
    await form.getByRole('textbox', { name: /^Title/ }).fill('Ready for pick-up');
    // An unknown placeholder is flagged as it is typed, and the form can't be sent.
    await form.getByRole('textbox', { name: /^Text/ }).fill('Hi {{customer.firstname}}');
    await form.getByText('Unknown placeholders: {{customer.firstname}}').waitFor();
    expect(await page.getByRole('button', { name: 'Add saved reply' }).isDisabled()).toBe(true);
    await form.getByRole('textbox', { name: /^Text/ }).fill('Hi {{customer.firstName}}, your order is ready at {{pharmacy.name}}. Kind regards, {{me}}');
    await page.getByRole('button', { name: 'Add saved reply' }).click();
    await table.getByText('/pickup').waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(page, 'dashboard-saved-replies-settings');
  });

  it('inserts a saved reply with / in the composer, placeholders filled, and sends it', async () => {
    await page.getByRole('link', { name: 'Inbox', exact: true }).click();
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /^Sofie Jansen/ }).click();
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.waitFor({ timeout: UI_TIMEOUT });

    // "/p": both replies, the first one chosen; the message box keeps the focus.
    await message.click();
    await message.pressSequentially('/p');
    const list = page.getByRole('listbox', { name: 'Saved replies' });
    await list.waitFor({ timeout: UI_TIMEOUT });
    await waitFor(async () => (await list.getByRole('option').count()) === 2);
    expect(await list.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('/pickup'), expect.stringContaining('/prescription-ready')]);
    expect(await message.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
    await message.press('ArrowDown');
    expect(await list.getByRole('option', { selected: true }).innerText()).toContain('/prescription-ready');
    expect(await message.getAttribute('aria-activedescendant')).toBe(await list.getByRole('option', { selected: true }).getAttribute('id'));
    await message.press('ArrowUp');
    expect(await list.getByRole('option', { selected: true }).innerText()).toContain('/pickup');
    // Typing on filters the list.
    await message.pressSequentially('ic');
    await waitFor(async () => (await list.getByRole('option').count()) === 1);
    await saveScreenshot(page, 'dashboard-saved-replies-picker');
    await message.press('Enter');
    await list.waitFor({ state: 'hidden' });
    const filled = 'Hi Sofie, your order is ready at Demo Pharmacy. Kind regards, Ben';
    expect(await message.inputValue()).toBe(filled);

    // Escape closes the list for this "/" without touching the text.
    await message.pressSequentially(' /');
    await list.waitFor({ timeout: UI_TIMEOUT });
    await message.press('Escape');
    await list.waitFor({ state: 'hidden' });
    await message.press('Backspace');
    expect(await message.inputValue()).toBe(`${filled} `);
    await message.press('Backspace');

    await message.press('Enter');
    const sent = page.locator('.message__body').getByText(filled, { exact: true });
    await sent.waitFor({ timeout: UI_TIMEOUT });
    await waitFor(async () => (await page.getByLabel('Sending message').count()) === 0);
    expect(await message.inputValue()).toBe('');
    const thread = await gateway.graphql(
      'query ($id: ID!) { conversation(id: $id) { messages(last: 1) { edges { node { body } } } } }',
      { id: new URL(page.url()).pathname.split('/').pop() },
      await staffSessionToken(gateway.dataSource, gateway.tokens, demo.staff.find((staff) => staff.role === StaffRole.PHARMACIST)!),
    );
    expect(thread.data.conversation.messages.edges[0].node.body).toBe(filled);
  });

  it('picks with the mouse and flags a placeholder it could not fill', async () => {
    const message = page.getByRole('textbox', { name: 'Message' });
    await message.pressSequentially('Note: /prescr');
    const list = page.getByRole('listbox', { name: 'Saved replies' });
    await list.getByRole('option', { name: /prescription-ready/ }).click();
    expect(await message.inputValue()).toBe('Note: Your prescription is ready, Sofie.');
    // The mouse pick left the focus in the message box.
    expect(await message.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)).toBe(true);
    await message.fill('Dear {{customer.title}}');
    await page.getByRole('status').filter({ hasText: 'Check before sending: {{customer.title}} could not be filled in.' }).waitFor();
    await message.fill('');
    expect(pageErrors).toEqual([]);
  });
});
