import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoData, type DemoAccounts } from '../../../gateway/server/demo/demo-data.js';
import { launchBrowser, saveScreenshot } from '../../support/browser.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { UI_TIMEOUT, waitFor } from './dashboard-page.js';

/**
 * A pharmacist's everyday tools in headless Chromium against the real gateway and demo data
 * (issue 19): internal notes (and the customer never seeing them), in order; later steps
 * reuse the page of earlier ones.
 */

let gateway: TestGateway;
let demo: DemoAccounts;
let browser: Browser;
let page: Page;
const sofie = { token: '', conversationId: '' };

beforeAll(async () => {
  gateway = await startTestGateway();
  demo = await seedDemoData(gateway.ownerDatabase, gateway.realtime.publisher);
  const customer = demo.customers.find((c) => c.name === 'Sofie Jansen')!;
  sofie.token = (await gateway.tokens.issueChatToken({ organizationId: demo.organization.id, customerId: customer.id })).token;
  const response = await gateway.graphql('{ conversations(first: 1) { edges { node { id } } } }', {}, sofie.token);
  sofie.conversationId = response.data.conversations.edges[0].node.id;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.dispose();
});

async function signIn(target: Page, email: string) {
  await target.goto(`${gateway.url}/dashboard/`);
  await target.getByLabel('Email').fill(email);
  await target.getByLabel('Password').fill(DEMO_PASSWORD);
  await target.getByRole('button', { name: 'Sign in' }).click();
  await target.getByRole('list', { name: 'Conversations' }).getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });
}

describe('internal notes', () => {
  it('lets a pharmacist write a yellow note, only visible to the team, that mentions a colleague', async () => {
    await signIn(page, 'ben@demo-pharmacy.test');
    await page.goto(`${gateway.url}/dashboard/conversations/${sofie.conversationId}`);
    await page.getByRole('heading', { level: 2, name: /Sofie Jansen/ }).waitFor({ timeout: UI_TIMEOUT });

    await page.getByRole('button', { name: 'Internal note' }).click();
    await page.getByRole('textbox', { name: 'Internal note' }).fill('@Anna prescription on hold until the GP calls back');
    await page.getByRole('button', { name: 'Add note' }).click();

    const note = page.locator('.message--note', { hasText: 'prescription on hold until the GP calls back' });
    await note.waitFor({ timeout: UI_TIMEOUT });
    await note.getByText('Only visible to your team').waitFor();
    await saveScreenshot(page, 'dashboard-internal-note');

    const asSofie = await gateway.graphql(
      'query ($id: ID!) { conversation(id: $id) { lastMessage { body } messages(last: 50) { edges { node { body } } } } }',
      { id: sofie.conversationId },
      sofie.token,
    );
    expect(JSON.stringify(asSofie.data)).not.toContain('prescription on hold');
  });

  it('shows the mentioned colleague a badge that opens the conversation', async () => {
    const anna = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await signIn(anna, 'anna@demo-pharmacy.test');
      const badge = anna.getByRole('button', { name: /1 mention/ });
      await badge.waitFor({ timeout: UI_TIMEOUT });
      await badge.click();
      await anna.getByRole('list', { name: 'Notes that mention you' }).getByRole('button', { name: /Ben Okafor mentioned you/ }).click();
      await waitFor(async () => new URL(anna.url()).pathname === `/dashboard/conversations/${sofie.conversationId}`);
    } finally {
      await anna.close();
    }
  });
});
