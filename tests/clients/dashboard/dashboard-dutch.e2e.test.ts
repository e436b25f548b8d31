import type { Browser, Page } from 'playwright-core';
import { en } from '../../../clients/dashboard/src/i18n/en.js';
import { nl } from '../../../clients/dashboard/src/i18n/nl.js';
import { DEMO_PASSWORD, seedDemoData, type DemoAccounts } from '../../../gateway/server/demo/demo-data.js';
import { collectPageErrors, launchBrowser, saveScreenshot } from '../../support/browser.js';
import { nextClientMessageId } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { UI_TIMEOUT, waitFor } from './dashboard-page.js';

/**
 * The dashboard for a Dutch pharmacist (issue 19 "Languages", issue 20 point 11): a browser
 * set to nl-NL on a computer in another time zone (New York) gets the dashboard in Dutch,
 * and every time in the pharmacy's zone (Europe/Amsterdam), 24-hour, as Dutch writes it.
 * Every visible string of the main screens is collected and none may be English.
 */

let gateway: TestGateway;
let demo: DemoAccounts;
let browser: Browser;
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
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL', timezoneId: 'America/New_York' });
  page = await context.newPage();
  pageErrors = collectPageErrors(page);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.dispose();
});

interface TextElement {
  closest(selector: string): unknown;
  checkVisibility(): boolean;
  getAttribute(name: string): string | null;
}
interface TextNode {
  textContent: string | null;
  parentElement: TextElement | null;
}
interface PageDocument {
  body: unknown;
  createTreeWalker(root: unknown, show: number): { nextNode(): TextNode | null };
  querySelectorAll(selector: string): Iterable<TextElement>;
}

/**
 * What a person reads on the page: visible text, and the labels, placeholders and titles a
 * screen reader or a tooltip gives, without what customers and staff wrote (message
 * text, previews, names in the rows), which is in whatever language they wrote it, and what is
 * marked English on purpose (`lang="en"`: the example in the auto-reply's English text box).
 */
function visibleStrings(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const document = (globalThis as unknown as { document: PageDocument }).document;
    const userContent = '.message__body, .message__quote, .conversation-row__preview:not(.conversation-row__preview--system), .conversation-row__meta, .conversation-row__name, .message-hit__snippet, .message__sender, .customer-panel__details dd, .customer-panel h3, .conversation-header__who, .dashboard__org, .dashboard__staff, .composer__reply strong';
    const strings: string[] = [];
    const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!text || !parent || parent.closest(userContent) || parent.closest('script, style, [lang="en"]') || !parent.checkVisibility()) continue;
      strings.push(text);
    }
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if ((element.closest(userContent) && !element.closest('.conversation-row')) || element.closest('[lang="en"]')) continue;
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = element.getAttribute(name);
        if (value) strings.push(value);
      }
    }
    return strings;
  });
}

/** The English words of the dashboard's strings that Dutch says differently (interpolations left out). */
const ENGLISH_PHRASES = Object.entries(en)
  .filter(([key, english]) => english !== nl[key as keyof typeof en])
  .flatMap(([, english]) => english.split(/\{\{[^}]+\}\}/))
  .map((fragment) => fragment.replace(/^[\s,.:;()·]+|[\s,.:;()·]+$/g, ''))
  .filter((fragment) => /[a-z]{3}/i.test(fragment));

function englishIn(strings: string[], allowed: readonly string[] = []): string[] {
  return strings.filter((text) => !allowed.includes(text)).filter((text) => ENGLISH_PHRASES.some((phrase) => new RegExp(`(^|[^\\p{L}])${escape(phrase)}($|[^\\p{L}])`, 'u').test(text)));
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const amsterdam = (iso: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', ...options }).format(new Date(iso));

describe('the dashboard in Dutch', () => {
  it('signs in in Dutch', async () => {
    await page.goto(`${gateway.url}/dashboard/`);
    await page.getByRole('button', { name: 'Aanmelden' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(englishIn(await visibleStrings(page))).toEqual([]);
    await page.getByLabel('E-mail').fill('ben@demo-pharmacy.test');
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('list', { name: 'Gesprekken' }).getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });
  });

  it('shows the inbox, a thread and the customer panel without an English word', async () => {
    const sent = await gateway.graphql(
      'mutation($input: SendMessageInput!) { sendMessage(input: $input) { createdAt } }',
      { input: { conversationId: sofie.conversationId, body: 'Hebben jullie ook zinkzalf?', clientMessageId: nextClientMessageId() } },
      sofie.token,
    );
    // "Alle": the resolved and pending threads too, whose previews are status changes.
    await page.getByRole('tab', { name: 'Alle', exact: true }).click();
    await page.getByRole('list', { name: 'Gesprekken' }).getByRole('link', { name: /^Daan Visser/ }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('.conversation-row__preview--system').allTextContents()).toEqual(expect.arrayContaining(['Gesprek afgehandeld', 'Gesprek op wachten gezet']));
    await page.getByRole('list', { name: 'Gesprekken' }).getByRole('link', { name: /^Sofie Jansen/ }).click();
    const bubble = page.locator('.message', { hasText: 'Hebben jullie ook zinkzalf?' });
    await bubble.waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('complementary', { name: 'Klantgegevens' }).waitFor();
    await page.getByText('Begin van het gesprek').waitFor();
    // Hover a message so its actions are on screen too.
    await bubble.hover();
    await saveScreenshot(page, 'dashboard-dutch');
    const strings = await visibleStrings(page);
    expect(strings).toEqual(expect.arrayContaining(['Afmelden', 'Afhandelen', 'Klantgegevens', 'Versturen']));
    expect(englishIn(strings)).toEqual([]);
    // The check itself finds English where there is some.
    expect(englishIn(['Sign out', 'Loading older messages…', 'Lucas Smit, 2 unread'])).toHaveLength(3);

    // The time of the message in Amsterdam, 24-hour, though this computer is in New York.
    const createdAt: string = sent.data.sendMessage.createdAt;
    const time = bubble.locator(`time[datetime="${createdAt}"]`);
    expect(await time.textContent()).toBe(amsterdam(createdAt, { hour: '2-digit', minute: '2-digit' }));
    expect(await time.textContent()).toMatch(/^\d{2}:\d{2}$/);
    expect(await time.getAttribute('title')).toBe(amsterdam(createdAt, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }));
    expect(await page.getByRole('separator').filter({ hasText: 'Vandaag' }).count()).toBe(1);
    const customerSince = page.getByRole('complementary', { name: 'Klantgegevens' }).locator('dd').last();
    expect(await customerSince.textContent()).toMatch(/^\d{1,2} [a-z]{3,4}\.? \d{4}$/);
  });

  it('lists the shortcuts and asks before deleting in Dutch', async () => {
    await page.locator('body').press('?');
    const help = page.getByRole('dialog', { name: 'Sneltoetsen' });
    await help.waitFor();
    expect(englishIn(await visibleStrings(page))).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await page.getByRole('textbox', { name: 'Bericht' }).fill('Ja, die hebben we.');
    await page.getByRole('textbox', { name: 'Bericht' }).press('Enter');
    const own = page.locator('.message', { has: page.locator('.message__body').getByText('Ja, die hebben we.', { exact: true }) });
    await waitFor(async () => (await page.getByLabel('Bericht wordt verzonden').count()) === 0 && (await own.count()) === 1);
    await own.hover();
    await own.getByRole('button', { name: 'Bericht verwijderen' }).click();
    const question = page.getByRole('dialog', { name: 'Dit bericht verwijderen?' });
    await question.waitFor();
    expect(englishIn(await visibleStrings(page))).toEqual([]);
    await question.getByRole('button', { name: 'Verwijderen' }).click();
    await page.getByText('Bericht verwijderd', { exact: true }).first().waitFor({ timeout: UI_TIMEOUT });
    expect(pageErrors).toEqual([]);
  });

  it('shows the notification settings in Your account in Dutch', async () => {
    await page.locator('.dashboard__staff').click();
    await page.getByRole('heading', { level: 2, name: 'Meldingen' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByLabel('Met geluid').waitFor();
    const strings = await visibleStrings(page);
    expect(strings).toEqual(expect.arrayContaining(['Gesprekken', 'Browsermeldingen terwijl het dashboard open is', 'Met geluid']));
    expect(await page.getByLabel('Gesprekken').locator('option:checked').textContent()).toBe('Toegewezen aan mij of aan niemand');
    expect(strings.some((text) => text === 'Meldingen aanzetten' || text === 'Meldingen geblokkeerd')).toBe(true);
    // Only the notifications panel: the rest of Your account (name, password, two-factor) is not translated yet.
    const panel = (await page.getByRole('region', { name: 'Meldingen' }).innerText()).split('\n').map((line) => line.trim()).filter(Boolean);
    expect(panel.length).toBeGreaterThan(5);
    expect(englishIn(panel)).toEqual([]);
    expect(englishIn(['Turn on notifications', 'With a sound'])).toHaveLength(2);
    expect(pageErrors).toEqual([]);
  });
});

describe('the settings area in Dutch', () => {
  let admin: Page;
  const openSection = async (label: string) => {
    await admin.getByRole('navigation', { name: 'Onderdelen van de instellingen' }).getByRole('link', { name: label, exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: label }).waitFor({ timeout: UI_TIMEOUT });
  };
  /** The section's own words: the settings area's text, without the header and what people wrote. */
  const sectionStrings = async () => (await visibleStrings(admin)).filter((text) => !['Counterchat', 'Demo Pharmacy', 'Anna de Vries', '?'].includes(text));

  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL', timezoneId: 'America/New_York' });
    admin = await context.newPage();
    await admin.goto(`${gateway.url}/dashboard/`);
    await admin.getByLabel('E-mail').fill('anna@demo-pharmacy.test');
    await admin.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await admin.getByRole('button', { name: 'Aanmelden' }).click();
    await admin.getByRole('list', { name: 'Gesprekken' }).getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });
    await admin.getByRole('link', { name: 'Instellingen' }).click();
  }, 60_000);

  it('shows the team with its roles and invitations in Dutch', async () => {
    await openSection('Team');
    const team = admin.getByRole('table', { name: 'Team' });
    await team.getByRole('columnheader', { name: 'Tweestapsverificatie' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await admin.getByLabel('Rol van Ben Okafor').locator('option:checked').textContent()).toBe('Apotheker');
    await admin.getByRole('button', { name: 'Uitnodiging versturen' }).waitFor();
    expect(englishIn(await sectionStrings())).toEqual([]);
  });

  it('shows the pharmacy settings with Dutch weekdays', async () => {
    await openSection('Apotheekinstellingen');
    await admin.getByRole('button', { name: 'Instellingen opslaan' }).waitFor({ timeout: UI_TIMEOUT });
    await admin.getByRole('group', { name: 'Maandag' }).waitFor();
    expect(englishIn(await sectionStrings())).toEqual([]);
  });

  it('shows the statistics and the audit log in Dutch, with Dutch numbers and times', async () => {
    await openSection('Statistieken');
    await admin.getByRole('table', { name: 'Reactietijden' }).getByRole('row', { name: /Alle kanalen/ }).waitFor({ timeout: UI_TIMEOUT });
    expect(englishIn(await sectionStrings())).toEqual([]);

    await openSection('Auditlog');
    const log = admin.getByRole('table', { name: 'Auditlog' });
    await log.getByRole('row').nth(1).waitFor({ timeout: UI_TIMEOUT });
    expect(englishIn(await sectionStrings())).toEqual([]);
    expect(await log.getByRole('rowheader').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^Aangemeld/)]));
    const time = log.locator('time').first();
    const at = (await time.getAttribute('datetime'))!;
    expect(await time.textContent()).toBe(new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(at)));
  });

  it('shows the widget, webhooks, API keys and saved replies in Dutch', async () => {
    await openSection('Chatwidget');
    await admin.getByRole('button', { name: 'Widgetgeheim tonen' }).waitFor({ timeout: UI_TIMEOUT });
    expect(englishIn(await sectionStrings())).toEqual([]);
    await openSection('Webhooks');
    await admin.getByRole('button', { name: 'Endpoint toevoegen' }).waitFor({ timeout: UI_TIMEOUT });
    // Event names are the API's, as delivered in the JSON: the same in every language.
    const eventNames = ['message.created', 'message.edited', 'message.deleted', 'conversation.created', 'conversation.status_changed', 'conversation.assigned'];
    expect(englishIn(await sectionStrings(), eventNames)).toEqual([]);
    await openSection('API-sleutels');
    await admin.getByRole('button', { name: 'Sleutel aanmaken' }).waitFor({ timeout: UI_TIMEOUT });
    // Scope names ("conversations:read") are the API's too.
    expect(englishIn((await sectionStrings()).map((text) => text.replace(/\b[a-z]+:(read|write|manage)\b/g, '')))).toEqual([]);
    await openSection('Standaardantwoorden');
    await admin.getByRole('button', { name: 'Standaardantwoord toevoegen' }).waitFor({ timeout: UI_TIMEOUT });
    await admin.getByLabel('Voor de hele apotheek (iedereen in het team kan het gebruiken)').waitFor();
    // Placeholders ({{customer.firstName}}) are written as they are in any language.
    expect(englishIn((await sectionStrings()).map((text) => text.replace(/\{\{[^}]*\}\}/g, '')))).toEqual([]);
    await saveScreenshot(admin, 'dashboard-dutch-settings');
    expect(pageErrors).toEqual([]);
  });
});
