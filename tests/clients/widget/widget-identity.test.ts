import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { signIdentity } from '../../../resolvers/widget/identity-signature.js';
import { collectPageErrors, saveScreenshot } from '../../support/browser.js';
import { chat, fillDutchPrechat, ISSUE_TOKEN, launcher, SLUG, startWidgetScene, type WidgetScene } from './widget-scene.js';

let scene: WidgetScene;
beforeAll(async () => {
  scene = await startWidgetScene();
}, 60_000);
afterAll(() => scene?.dispose());

describe('identity', () => {
  it('signs a store customer in with the store backend’s signature', async () => {
    const context = await scene.browser.newContext();
    const page = await context.newPage();
    await page.goto(scene.store.url);
    await launcher(page).waitFor();
    await page.getByRole('button', { name: 'Sign in as a store customer (demo)' }).click();
    await page.getByText('Signed in to the chat.').waitFor();
    await launcher(page).click();
    await chat(page).getByRole('textbox', { name: 'Message' }).waitFor();
    await expect(chat(page).getByLabel('Your name').count()).resolves.toBe(0);
    await context.close();
  });

  it('refuses a forged and an expired signature, and the visitor stays anonymous', async () => {
    const context = await scene.browser.newContext();
    const page = await context.newPage();
    await page.goto(scene.store.url);
    await launcher(page).waitFor();
    const base = { organizationSlug: SLUG, externalId: 'someone-else', name: 'Mallory', email: 'mallory@example.com', nonce: randomUUID(), issuedAt: Math.floor(Date.now() / 1000) };
    const forged = { ...base, signature: signIdentity(base, 'not-the-secret') };
    const expiredIdentity = { ...base, nonce: randomUUID(), issuedAt: base.issuedAt - 3600 };
    const expired = { ...expiredIdentity, signature: signIdentity(expiredIdentity, scene.secret) };
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
    const issued = await scene.gateway.graphql(ISSUE_TOKEN, { id: scene.pharmacy.customers[1].id }, scene.pharmacy.tokens.pharmacist);
    const token = new URL(issued.data.issueChatToken.chatLink).searchParams.get('counterchat_token');
    expect(token).toBe(issued.data.issueChatToken.token);
    const context = await scene.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${scene.store.url}/?counterchat_token=${encodeURIComponent(token!)}`);
    await chat(page).getByRole('textbox', { name: 'Message' }).waitFor();
    expect(page.url()).not.toContain('counterchat_token');
    await context.close();
  });
});

describe('the chat link on its own', () => {
  it('opens the chat app full page, signed in, and drops the token from the address bar', async () => {
    const issued = await scene.gateway.graphql(ISSUE_TOKEN, { id: scene.pharmacy.customers[0].id }, scene.pharmacy.tokens.pharmacist);
    const context = await scene.browser.newContext();
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
    const context = await scene.browser.newContext({ viewport: { width: 375, height: 700 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${scene.store.url}/?lang=nl`);
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
