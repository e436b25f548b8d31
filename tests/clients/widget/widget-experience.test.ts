import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import sharp from 'sharp';
import { en } from '../../../clients/widget/src/i18n/en.js';
import { nl } from '../../../clients/widget/src/i18n/nl.js';
import { unlimitedRateLimitRules } from '../../../gateway/rate-limits/rate-limits.js';
import { collectPageErrors, saveScreenshot } from '../../support/browser.js';
import { FIXTURE_PASSWORD, nextClientMessageId } from '../../support/fixtures.js';
import { chat, conversationOf, eventually, fillDutchPrechat, fillPrechat, launcher, SEND, startWidgetScene, type WidgetScene } from './widget-scene.js';

const ASSIGN = `mutation ($id: ID!, $to: ID) { assignConversation(input: { conversationId: $id, assigneeId: $to }) { id } }`;
const SET_STATUS = `mutation ($id: ID!, $status: ConversationStatus!) { setConversationStatus(input: { conversationId: $id, status: $status }) { id } }`;
const MESSAGES = `query ($id: ID!) { conversation(id: $id) { messages(last: 100) { edges { node { body } } } } }`;

let scene: WidgetScene;
beforeAll(async () => {
  // The history test writes 120 messages in a few seconds, past a person's pace.
  scene = await startWidgetScene({ gatewayConfig: { rateLimits: unlimitedRateLimitRules } });
}, 60_000);
afterAll(() => scene?.dispose());

interface Customer {
  context: BrowserContext;
  page: Page;
  frame: FrameLocator;
  errors: string[];
  conversationId: string;
}

/** A visitor on the store page who signed up and wrote a first message. */
async function customer(name: string, options: { lang?: 'nl'; viewport?: { width: number; height: number } } = {}): Promise<Customer> {
  const context = await scene.browser.newContext({ viewport: options.viewport ?? { width: 1200, height: 800 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(options.lang ? `${scene.store.url}/?lang=${options.lang}` : scene.store.url);
  await launcher(page).click();
  const frame = chat(page);
  if (options.lang === 'nl') await fillDutchPrechat(frame, name);
  else await fillPrechat(frame, name, `${name.split(' ')[0]!.toLowerCase()}@example.com`);
  const box = frame.getByRole('textbox', { name: options.lang === 'nl' ? 'Bericht' : 'Message' });
  await box.fill('Hello from me');
  await box.press('Enter');
  await frame.locator('.cc-own:not(.cc-pending)').getByText('Hello from me').waitFor();
  const { id } = await eventually(() => conversationOf(scene, name));
  return { context, page, frame, errors, conversationId: id };
}

async function staffSend(conversationId: string, body: string): Promise<{ id: string; sequence: number }> {
  const response = await scene.gateway.graphql(SEND, { input: { conversationId, body, clientMessageId: nextClientMessageId() } }, scene.pharmacy.tokens.pharmacist);
  if (!response.data?.sendMessage) throw new Error(JSON.stringify(response.errors));
  return response.data.sendMessage;
}

const customerReadUpTo = async (name: string) => (await conversationOf(scene, name)).participants.find((participant) => participant.role === 'CUSTOMER')!.lastReadSequence;

/** Top and bottom of an element relative to the message list's visible box. */
async function placeInList(frame: FrameLocator, selector: string) {
  // Runs in the page: DOM types are not in the test build, hence `any`.
  return frame.locator(selector).evaluate((element: any) => {
    const list = element.closest('.cc-messages')!.getBoundingClientRect();
    const box = element.getBoundingClientRect();
    return { top: box.top - list.top, bottom: box.bottom - list.top, listHeight: list.height };
  });
}

describe('opening the panel after replies came in', () => {
  it('shows the first unread reply under "New messages", and the pharmacist sees "Seen" only for what scrolled into view', async () => {
    const visitor = await customer('Una Unread');
    const staffContext = await scene.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const dashboard = await staffContext.newPage();
    try {
      for (let index = 1; index <= 20; index += 1) await staffSend(visitor.conversationId, `Earlier answer ${index}`);
      await visitor.frame.getByText('Earlier answer 20', { exact: true }).waitFor();
      await eventually(async () => expect(await customerReadUpTo('Una Unread')).toBeGreaterThanOrEqual(21));

      // The customer closes the panel; the pharmacist sends two messages, the first one long.
      await launcher(visitor.page).click();
      await visitor.frame.locator('.cc-panel').waitFor({ state: 'hidden' });
      const long = Array.from({ length: 40 }, (_, line) => `Line ${line + 1} of the instructions`).join('\n');
      const first = await staffSend(visitor.conversationId, `Your instructions:\n${long}`);
      const second = await staffSend(visitor.conversationId, 'And one more thing at the end');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await customerReadUpTo('Una Unread')).toBeLessThan(first.sequence);

      await launcher(visitor.page).click();
      const divider = visitor.frame.locator('.cc-divider');
      await divider.waitFor();
      await expect(divider.textContent()).resolves.toBe('New messages');
      // The first unread message starts in view; the second is below the fold.
      const place = await placeInList(visitor.frame, `[data-sequence="${first.sequence}"]`);
      expect(place.top).toBeGreaterThanOrEqual(0);
      expect(place.top).toBeLessThan(place.listHeight / 2);
      const below = await placeInList(visitor.frame, `[data-sequence="${second.sequence}"]`);
      expect(below.top).toBeGreaterThan(below.listHeight);

      // Read up to the message on screen, not the one below it.
      await eventually(async () => expect(await customerReadUpTo('Una Unread')).toBe(first.sequence));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await customerReadUpTo('Una Unread')).toBe(first.sequence);
      await saveScreenshot(visitor.page, 'widget-new-messages');

      // The pharmacist, in the dashboard: "Seen" under the long message, not under the last one.
      const seenUnder = async (text: string) => dashboard.locator('.message', { hasText: text }).locator('.message__seen').count();
      await dashboard.goto(`${scene.gateway.url}/dashboard/conversations/${visitor.conversationId}`);
      await dashboard.getByLabel('Email').fill(scene.pharmacy.pharmacist.email);
      await dashboard.getByLabel('Password').fill(FIXTURE_PASSWORD);
      await dashboard.getByRole('button', { name: 'Sign in' }).click();
      await dashboard.locator('.message', { hasText: 'And one more thing at the end' }).waitFor();
      await eventually(async () => expect(await seenUnder('Line 40 of the instructions')).toBe(1));
      expect(await seenUnder('And one more thing at the end')).toBe(0);

      await visitor.frame.locator('.cc-messages').evaluate((list: any) => list.scrollTo({ top: list.scrollHeight }));
      await eventually(async () => expect(await customerReadUpTo('Una Unread')).toBe(second.sequence));
      await eventually(async () => expect(await seenUnder('And one more thing at the end')).toBe(1));
      expect(await seenUnder('Line 40 of the instructions')).toBe(0);
      expect(visitor.errors).toEqual([]);
    } finally {
      await visitor.context.close();
      await staffContext.close();
    }
  }, 90_000);
});

describe('what the customer sees of the pharmacy’s workflow', () => {
  it('never shows an assignment or an internal status, and says in the customer’s words that the thread was closed', async () => {
    const visitor = await customer('Aart Assigned');
    try {
      const id = visitor.conversationId;
      await scene.gateway.graphql(ASSIGN, { id, to: scene.pharmacy.pharmacist.id }, scene.pharmacy.tokens.pharmacist);
      await scene.gateway.graphql(SET_STATUS, { id, status: 'PENDING' }, scene.pharmacy.tokens.pharmacist);
      await staffSend(id, 'We are checking your prescription');
      await scene.gateway.graphql(SET_STATUS, { id, status: 'RESOLVED' }, scene.pharmacy.tokens.pharmacist);
      await visitor.frame.getByText('The pharmacy closed this conversation. Write to reopen it.').waitFor();
      // The team's words stay in the team's view.
      const staffSide = (await scene.gateway.graphql(MESSAGES, { id }, scene.pharmacy.tokens.pharmacist)).data.conversation.messages.edges.map((edge: { node: { body: string } }) => edge.node.body);
      expect(staffSide.some((body: string) => /assigned to/.test(body ?? ''))).toBe(true);
      const shown = await visitor.frame.locator('.cc-messages').innerText();
      expect(shown).not.toMatch(/assigned|pending|resolved/i);
      // After a reload as well (history, not only live events).
      await visitor.page.reload();
      await launcher(visitor.page).click();
      await visitor.frame.getByText('We are checking your prescription').waitFor();
      expect(await visitor.frame.locator('.cc-messages').innerText()).not.toMatch(/assigned|pending|resolved/i);
    } finally {
      await visitor.context.close();
    }
  }, 90_000);
});

describe('links in the pharmacy’s messages', () => {
  it('are clickable, open in a new tab without the opener, and a javascript: address stays text', async () => {
    const visitor = await customer('Lina Links');
    try {
      await staffSend(visitor.conversationId, 'The leaflet: https://example.org/leaflet?id=7 and not this: javascript:alert(1)');
      const link = visitor.frame.locator('.cc-body a', { hasText: 'example.org/leaflet' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe('https://example.org/leaflet?id=7');
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      const hrefs = await visitor.frame.locator('.cc-messages a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
      expect(hrefs.filter((href) => /^javascript:/i.test(href))).toEqual([]);
      expect(await visitor.frame.locator('.cc-messages').innerText()).toContain('javascript:alert(1)');
    } finally {
      await visitor.context.close();
    }
  }, 90_000);
});

describe('what the pharmacy does to messages, and replies elsewhere', () => {
  it('shows the reply-to quote, reactions, "edited" and "Message deleted", and a reply in another thread as a toast and a badge', async () => {
    const visitor = await customer('Rita Replies');
    const staff = (query: string, variables: Record<string, unknown>) => scene.gateway.graphql(query, variables, scene.pharmacy.tokens.pharmacist);
    try {
      const thread = (await staff(`query ($id: ID!) { conversation(id: $id) { customer { id } messages(last: 5) { edges { node { id body } } } } }`, { id: visitor.conversationId })).data.conversation;
      const hello = thread.messages.edges.find((edge: { node: { body: string } }) => edge.node.body === 'Hello from me').node.id;
      await staff(`mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👍") { id } }`, { id: hello });
      await staff(SEND, { input: { conversationId: visitor.conversationId, body: 'Happy to help', replyToId: hello, clientMessageId: nextClientMessageId() } });
      const typo = await staffSend(visitor.conversationId, 'Your order is redy');
      const wrong = await staffSend(visitor.conversationId, 'Meant for another customer');
      await staff(`mutation ($input: EditMessageInput!) { editMessage(input: $input) { id } }`, { input: { messageId: typo.id, body: 'Your order is ready' } });
      await staff(`mutation ($id: ID!) { deleteMessage(messageId: $id) { id } }`, { id: wrong.id });

      const frame = visitor.frame;
      await frame.locator('.cc-quote').getByText('Hello from me').waitFor();
      await frame.locator('.cc-reaction').getByText('👍').waitFor();
      await frame.locator(`[data-sequence="${typo.sequence}"]`).getByText('Your order is ready').waitFor();
      await frame.locator(`[data-sequence="${typo.sequence}"] .cc-edited`).waitFor();
      await frame.locator(`[data-sequence="${wrong.sequence}"]`).getByText('Message deleted').waitFor();
      await expect(frame.getByText('Meant for another customer').count()).resolves.toBe(0);

      // The pharmacy opens a second thread for this customer and writes there.
      const other = (await staff(`mutation ($id: ID!) { startConversation(input: { customerId: $id, subject: "Delivery" }) { id } }`, { id: thread.customer.id })).data.startConversation.id;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await staffSend(other, 'Your delivery comes on Friday');
      const toast = frame.locator('.cc-toast');
      await toast.getByText('New reply in “Delivery”').waitFor();
      await frame.getByRole('button', { name: /Your conversations/ }).locator('.cc-badge').getByText('1 unread').waitFor();
      await saveScreenshot(visitor.page, 'widget-reply-elsewhere');
      await toast.getByRole('button', { name: 'Show' }).click();
      await frame.getByText('Your delivery comes on Friday').waitFor();

      // The list: subject, status, and previews for attachment-only and deleted messages.
      await frame.getByRole('button', { name: /Your conversations/ }).click();
      await frame.getByRole('button', { name: /Delivery/ }).getByText('Answered').waitFor();
      await frame.getByLabel('Subject (optional)').fill('Repeat prescription');
      await frame.getByRole('button', { name: 'New conversation' }).click();
      await frame.getByRole('textbox', { name: 'Message' }).fill('Can I get my refill?');
      await frame.getByRole('textbox', { name: 'Message' }).press('Enter');
      await frame.locator('.cc-own:not(.cc-pending)').getByText('Can I get my refill?').waitFor();
      await frame.getByRole('button', { name: /Your conversations/ }).click();
      await frame.getByRole('button', { name: /Repeat prescription/ }).waitFor();
      expect(visitor.errors).toEqual([]);
    } finally {
      await visitor.context.close();
    }
  }, 90_000);
});

describe('photos at the bottom of the thread', () => {
  it('keeps a sent photo in view once it has loaded, instead of below the visible area', async () => {
    const visitor = await customer('Flor Photo');
    try {
      for (let index = 1; index <= 15; index += 1) await staffSend(visitor.conversationId, `Answer ${index}`);
      await visitor.frame.getByText('Answer 15', { exact: true }).waitFor();
      // A tall photo (400 × 600), shown at most 220 px high once it has loaded.
      const photo = await sharp({ create: { width: 400, height: 600, channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer();
      await visitor.frame.getByTestId('cc-file-input').setInputFiles({ name: 'box.png', mimeType: 'image/png', buffer: photo });
      await visitor.frame.getByRole('textbox', { name: 'Message' }).press('Enter');
      const image = visitor.frame.locator('.cc-own:not(.cc-pending) img[alt="box.png"]');
      await image.waitFor();
      await eventually(async () => expect(await image.evaluate((element: any) => element.complete && element.naturalHeight > 0)).toBe(true));
      await eventually(async () => {
        const place = await placeInList(visitor.frame, '.cc-own:not(.cc-pending) img[alt="box.png"]');
        expect(place.bottom).toBeLessThanOrEqual(place.listHeight + 1);
        expect(place.bottom - place.top).toBeGreaterThan(100);
      }, 5000);
    } finally {
      await visitor.context.close();
    }
  }, 90_000);
});

describe('sending without a network', () => {
  it('keeps a message typed offline and delivers it once when the network returns', async () => {
    const visitor = await customer('Olga Offline');
    try {
      await visitor.context.setOffline(true);
      await visitor.frame.getByText("You're offline. Messages will be sent when you're back online.").waitFor();
      const box = visitor.frame.getByRole('textbox', { name: 'Message' });
      await box.fill('Typed in the tunnel');
      await box.press('Enter');
      await visitor.frame.locator('.cc-pending').getByText('Waiting for the connection…').waitFor();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await visitor.context.setOffline(false);
      await visitor.frame.locator('.cc-own:not(.cc-pending)').getByText('Typed in the tunnel').waitFor({ timeout: 20_000 });
      await expect(visitor.frame.locator('.cc-pending').count()).resolves.toBe(0);
      const bodies = (await scene.gateway.graphql(MESSAGES, { id: visitor.conversationId }, scene.pharmacy.tokens.pharmacist)).data.conversation.messages.edges.map((edge: { node: { body: string } }) => edge.node.body);
      expect(bodies.filter((body: string) => body === 'Typed in the tunnel')).toHaveLength(1);
      // Not "Not sent… Retry": nothing is left failed.
      await expect(visitor.frame.locator('.cc-retry').count()).resolves.toBe(0);
    } finally {
      await visitor.context.close();
    }
  }, 90_000);
});

describe('history', () => {
  it('pages back through 120 messages, keeping the view where it was', async () => {
    const visitor = await customer('Pieter Pages');
    try {
      for (let index = 1; index <= 120; index += 1) await staffSend(visitor.conversationId, `History ${index}`);
      await visitor.page.reload();
      await launcher(visitor.page).click();
      await visitor.frame.getByText('History 120', { exact: true }).waitFor();
      await expect(visitor.frame.getByText('History 70', { exact: true }).count()).resolves.toBe(0);
      const earlier = visitor.frame.getByRole('button', { name: 'Show earlier messages' });
      const oldestShown = visitor.frame.getByText('History 71', { exact: true });
      await earlier.scrollIntoViewIfNeeded();
      const before = await oldestShown.boundingBox();
      await earlier.click();
      await visitor.frame.getByText('History 30', { exact: true }).waitFor();
      // The page went on top without moving what the customer was reading.
      const after = await oldestShown.boundingBox();
      expect(Math.abs(after!.y - before!.y)).toBeLessThan(5);
      await earlier.click();
      await visitor.frame.getByText('History 1', { exact: true }).waitFor();
      await expect(earlier.count()).resolves.toBe(0);
      // Every message once, in order, with the customer's first one before them.
      const texts = await visitor.frame.locator('.cc-message .cc-body').allInnerTexts();
      expect(texts).toEqual(['Hello from me', ...Array.from({ length: 120 }, (_, index) => `History ${index + 1}`)]);
      // Consecutive messages of one author show the name once (again only under "New messages").
      await expect(visitor.frame.locator('.cc-author').count()).resolves.toBe(1 + (await visitor.frame.locator('.cc-divider').count()));
    } finally {
      await visitor.context.close();
    }
  }, 120_000);
});

describe('a Dutch store page', () => {
  it('shows no English anywhere the customer looks', async () => {
    const visitor = await customer('Daan Dutch', { lang: 'nl' });
    try {
      const id = visitor.conversationId;
      await scene.gateway.graphql(ASSIGN, { id, to: scene.pharmacy.pharmacist.id }, scene.pharmacy.tokens.pharmacist);
      await staffSend(id, 'Uw recept ligt klaar.');
      await scene.gateway.graphql(SET_STATUS, { id, status: 'RESOLVED' }, scene.pharmacy.tokens.pharmacist);
      await visitor.frame.getByText('De apotheek heeft dit gesprek gesloten. Schrijf om het weer te openen.').waitFor();
      // The pharmacy's own reply-time text, in its Dutch version.
      await visitor.frame.getByText('We antwoorden meestal binnen een uur').first().waitFor();
      const seen = new Set(await visibleTexts(visitor.frame));
      // The thread list with a new thread's form, and the form's errors.
      await visitor.frame.getByRole('textbox', { name: 'Bericht' }).fill('Nog een vraag');
      await visitor.frame.getByRole('textbox', { name: 'Bericht' }).press('Enter');
      await visitor.frame.locator('.cc-own:not(.cc-pending)').getByText('Nog een vraag').waitFor();
      for (const text of await visibleTexts(visitor.frame)) seen.add(text);

      const english = englishOnlyFragments();
      const leaks = [...seen].filter((text) => english.some((fragment) => text.includes(fragment)) || /\b(the|and|you|your|usually|reply|within|message|conversation|assigned|pending|resolved)\b/i.test(text));
      expect(leaks).toEqual([]);
      expect(visitor.errors).toEqual([]);
    } finally {
      await visitor.context.close();
    }
  }, 90_000);

  it('shows every error of the pre-chat form at once, in Dutch, next to its field', async () => {
    const context = await scene.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${scene.store.url}/?lang=nl`);
      await launcher(page).click();
      const frame = chat(page);
      await frame.getByRole('button', { name: 'Chat starten' }).click();
      await frame.getByText('Vul uw naam in.').waitFor();
      await frame.getByText('Vul een telefoonnummer of e-mailadres in.').waitFor();
      await frame.getByText('Geef toestemming voor contact, zodat de apotheek u kan antwoorden.').waitFor();
      expect(await frame.getByLabel('Uw naam').getAttribute('aria-invalid')).toBe('true');
      const texts = await visibleTexts(frame);
      expect(texts.filter((text) => englishOnlyFragments().some((fragment) => text.includes(fragment)))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** Every text a person can see in the chat frame: text nodes, placeholders, labels of buttons. */
async function visibleTexts(frame: FrameLocator): Promise<string[]> {
  return frame.locator('body').evaluate((body: any) => {
    const { document, NodeFilter, getComputedStyle } = globalThis as any;
    const texts: string[] = [];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!text || !parent || parent.closest('.cc-visually-hidden')) continue;
      const box = parent.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && getComputedStyle(parent).visibility !== 'hidden') texts.push(text);
    }
    for (const element of body.querySelectorAll('[placeholder], [aria-label], [title]')) {
      for (const attribute of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(attribute);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/** Fixed parts of the English strings that differ from the Dutch ones ({{name}} and the like cut out). */
function englishOnlyFragments(): string[] {
  const fragments = new Set<string>();
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    if (en[key] === nl[key]) continue;
    for (const part of en[key].split(/\{\{\w+\}\}/)) if (part.trim().length >= 4) fragments.add(part.trim());
  }
  return [...fragments];
}
