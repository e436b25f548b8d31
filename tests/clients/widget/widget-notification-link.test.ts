import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createNotificationLink } from '../../../resolvers/notification/notification-link.service.js';
import { collectPageErrors } from '../../support/browser.js';
import { nextClientMessageId } from '../../support/fixtures.js';
import { SEND, startWidgetScene, type WidgetScene } from './widget-scene.js';

/** The link in a customer notification, followed in a real browser (issue 18). */
let scene: WidgetScene;
let conversationId: string;
beforeAll(async () => {
  scene = await startWidgetScene();
  const started = await scene.gateway.graphql(`mutation { startConversation(input: { subject: "Refill" }) { id } }`, {}, scene.pharmacy.tokens.customer);
  conversationId = started.data.startConversation.id;
  const sent = await scene.gateway.graphql(SEND, { input: { conversationId, body: 'Your order is ready.', clientMessageId: nextClientMessageId() } }, scene.pharmacy.tokens.pharmacist);
  expect(sent.errors).toBeUndefined();
}, 60_000);
afterAll(() => scene?.dispose());

const linkFor = () =>
  scene.gateway.database.asTenant({ organizationId: scene.pharmacy.organization.id }, (pharmacy) =>
    createNotificationLink(pharmacy, { customerId: scene.pharmacy.customers[0].id, conversationId }, scene.gateway.url),
  );

describe('a notification link', () => {
  it('opens the chat on its own page, signed in as the customer, with the reply there', async () => {
    const link = await linkFor();
    const context = await scene.browser.newContext();
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(link);
    await page.getByRole('textbox', { name: 'Message' }).waitFor({ timeout: 10_000 });
    await page.getByText('Your order is ready.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/widget/');
    expect(page.url()).not.toContain('counterchat_token');
    expect(errors).toEqual([]);

    // The same link a second time: a clear page, no chat.
    const again = await context.newPage();
    await again.goto(link);
    await again.getByText('This link has already been used or has expired.', { exact: false }).waitFor();
    await expect(again.getByRole('textbox', { name: 'Message' }).count()).resolves.toBe(0);
    await context.close();
  }, 30_000);
});
