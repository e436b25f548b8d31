import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectPageErrors, saveScreenshot } from '../../support/browser.js';
import { chat, fillPrechat, launcher, startWidgetScene, type WidgetScene } from './widget-scene.js';

/**
 * The auto-reply as the customer sees it (issue 19): the pharmacy's bubble, in the widget, when
 * they write while it is closed. The gateway's clock stands on a Sunday morning; the pharmacy
 * opens on weekdays only.
 */
const SUNDAY_MORNING = new Date('2026-12-06T10:00:00Z');
const TEXT = 'We are closed today. We answer your message on Monday from 8:30.';

let scene: WidgetScene;
beforeAll(async () => {
  scene = await startWidgetScene({ gatewayConfig: { notifications: { clock: { now: () => SUNDAY_MORNING } } } });
  const set = await scene.gateway.graphql(
    `mutation ($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { id } }`,
    { input: { businessHours: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:30', closes: '18:00' })), autoReply: { enabled: true, textEn: TEXT } } },
    scene.pharmacy.tokens.admin,
  );
  expect(set.errors).toBeUndefined();
}, 60_000);
afterAll(() => scene?.dispose());

describe('the auto-reply in the widget', () => {
  it("answers a customer writing while the pharmacy is closed once, as the pharmacy's bubble", async () => {
    const context = await scene.browser.newContext({ viewport: { width: 1200, height: 800 } });
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(scene.store.url);
      await launcher(page).click();
      const frame = chat(page);
      // The widget's "open now" reads the same clock as the auto-reply.
      await frame.getByText('Closed now').waitFor();
      await fillPrechat(frame, 'Sunday Sam', '+31611113333');
      const message = frame.getByRole('textbox', { name: 'Message' });
      await message.fill('Can I pick up my inhaler tomorrow?');
      await message.press('Enter');
      const reply = frame.locator('.cc-auto-reply');
      await reply.getByText(TEXT).waitFor();
      await expect(reply.locator('.cc-author').textContent()).resolves.toBe('Pharmacy');

      await message.fill('And my eye drops?');
      await message.press('Enter');
      await frame.locator('.cc-own:not(.cc-pending)').getByText('And my eye drops?').waitFor();
      await expect(frame.locator('.cc-auto-reply').count()).resolves.toBe(1);
      await saveScreenshot(page, 'widget-auto-reply');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
