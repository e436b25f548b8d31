import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoData } from '../../../gateway/server/demo/demo-data.js';
import { launchBrowser, saveScreenshot } from '../../support/browser.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { startWhatsAppServer, whatsAppStatus, whatsAppText, whatsAppWebhook, type WhatsAppAccount, type WhatsAppServer } from '../../support/whatsapp-server.js';
import { waitUntil } from '../../support/wait-until.js';
import { UI_TIMEOUT } from './dashboard-page.js';

/**
 * WhatsApp in the dashboard (issue 22), in headless Chromium against the real gateway and a
 * fake Cloud API: the admin connects the number and sees the webhook URL; a customer's message
 * lands in the inbox; the reply's delivery state follows the status webhooks live; once the
 * 24-hour window has closed the composer offers the approved templates.
 */
const account: WhatsAppAccount = { phoneNumberId: '106540352242922', accessToken: 'EAAG-e2e-access-token', appSecret: 'e2e-app-secret', businessAccountId: '102290129340398' };

let whatsapp: WhatsAppServer;
let gateway: TestGateway;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  whatsapp = await startWhatsAppServer(account);
  gateway = await startTestGateway({ config: { jobs: { concurrency: 2, pollIntervalMs: 100 }, channels: { secretsKey: 'e2e-channel-key', whatsappApiUrl: whatsapp.url, twilioApiUrl: 'http://127.0.0.1:9' } } });
  await seedDemoData(gateway.ownerDatabase, gateway.realtime.publisher);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.dispose();
  await whatsapp?.dispose();
});

it('connects a WhatsApp number, shows a reply being delivered and read, and offers templates once the window closes', async () => {
  await page.goto(`${gateway.url}/dashboard/`);
  await page.getByLabel('Email').fill('anna@demo-pharmacy.test');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('list', { name: 'Conversations' }).getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Channels' }).click();
  await page.getByRole('heading', { level: 1, name: 'Channels' }).waitFor({ timeout: UI_TIMEOUT });
  const form = page.getByRole('form', { name: 'Connect' });
  await form.getByLabel('Name').fill('Counter WhatsApp');
  await form.getByLabel('Phone number (+31…)').fill('+31201234567');
  await form.getByLabel('Phone number id').fill(account.phoneNumberId);
  await form.getByLabel('Access token').fill(account.accessToken);
  await form.getByLabel('App secret').fill(account.appSecret);
  await form.getByLabel('Verify token').fill('e2e-verify-token');
  await form.getByRole('button', { name: 'Connect' }).click();
  const url = page.locator('code', { hasText: '/channels/whatsapp/' });
  await url.waitFor({ timeout: UI_TIMEOUT });
  const webhookUrl = (await url.textContent())!;
  await saveScreenshot(page, 'dashboard-channels');
  await gateway.dataSource.query(`UPDATE channel_connection SET whatsapp_templates = '[{"name":"prescription_ready","language":"nl"}]'::jsonb`);

  expect((await whatsapp.sendWebhook(webhookUrl, whatsAppWebhook(account, whatsAppText('31611119999', 'wamid.e2e1', 'Is my inhaler in?', 'Noor Bakker')))).status).toBe(200);
  await page.getByRole('link', { name: 'Inbox' }).click();
  // The inbox's channel filter: Noor's thread is WhatsApp's, not SMS's.
  const channelFilter = page.getByRole('combobox', { name: 'Filter by channel' });
  const noor = page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /Noor Bakker/ });
  await noor.waitFor({ timeout: UI_TIMEOUT });
  await channelFilter.selectOption({ label: 'SMS' });
  await noor.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  await channelFilter.selectOption({ label: 'WhatsApp' });
  await noor.waitFor({ timeout: UI_TIMEOUT });
  await channelFilter.selectOption({ label: 'All channels' });
  await noor.click();
  // In the open thread's timeline: the row's preview shows the same words.
  const timeline = page.getByRole('region', { name: 'Conversation', exact: true }).getByLabel('Messages');
  await timeline.locator('.message__body', { hasText: 'Is my inhaler in?' }).waitFor({ timeout: UI_TIMEOUT });
  // A number nobody knew: the customer panel says the name is only what they call themselves.
  await page.getByRole('note').filter({ hasText: 'Unverified' }).waitFor({ timeout: UI_TIMEOUT });

  await page.getByRole('textbox', { name: 'Message' }).fill('Yes, it is ready.');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await page.locator('.message__delivery', { hasText: 'Sent' }).waitFor({ timeout: UI_TIMEOUT });
  const sent = whatsapp.messages.find((message) => message.body.text?.body === 'Yes, it is ready.')!;
  await whatsapp.sendWebhook(webhookUrl, whatsAppWebhook(account, whatsAppStatus(sent.id, 'read', '31611119999')));
  await page.locator('.message__delivery', { hasText: 'Read' }).waitFor({ timeout: UI_TIMEOUT });

  await gateway.dataSource.query(`UPDATE message SET created_at = now() - interval '25 hours' WHERE sender_type = 'CUSTOMER' AND body = 'Is my inhaler in?'`);
  await page.reload();
  const notice = page.getByRole('form', { name: /More than 24 hours/ });
  await notice.waitFor({ timeout: UI_TIMEOUT });
  await notice.getByRole('combobox').selectOption({ label: 'prescription_ready (nl)' });
  await notice.getByRole('button', { name: 'Send template' }).click();
  await waitUntil('the template to reach WhatsApp', () => whatsapp.messages.some((message) => message.body.type === 'template'));
  await saveScreenshot(page, 'dashboard-whatsapp-window');
}, 90_000);
