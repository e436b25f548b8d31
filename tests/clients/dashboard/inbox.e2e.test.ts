import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoData, type DemoAccounts } from '../../../gateway/server/demo/demo-data.js';
import { pdf, png } from '../../fixtures/sample-files.js';
import { collectPageErrors, launchBrowser, saveScreenshot } from '../../support/browser.js';
import { nextClientMessageId, staffSessionToken } from '../../support/fixtures.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { socketCutter, UI_TIMEOUT, waitFor, waitForCount, type DropGlobals, type DropTarget, type LoadedImage, type PageGlobals, type ScrollBox } from './dashboard-page.js';

/**
 * One pharmacist's working session, in order, in headless Chromium against the real
 * gateway and database seeded with the demo pharmacy: later steps build on the page
 * state of earlier ones, as a person at the counter would.
 */

let gateway: TestGateway;
let demo: DemoAccounts;
let browser: Browser;
let page: Page;
let pageErrors: string[];
const socket = socketCutter();
const customers: Record<'sofie' | 'lucas', { token: string; conversationId: string }> = {} as never;

beforeAll(async () => {
  gateway = await startTestGateway();
  demo = await seedDemoData(gateway.ownerDatabase, gateway.realtime.publisher);
  for (const [key, name] of [['sofie', 'Sofie Jansen'], ['lucas', 'Lucas Smit']] as const) {
    const customer = demo.customers.find((c) => c.name === name)!;
    const { token } = await gateway.tokens.issueChatToken({ organizationId: demo.organization.id, customerId: customer.id });
    const response = await gateway.graphql('{ conversations(first: 1) { edges { node { id } } } }', {}, token);
    customers[key] = { token, conversationId: response.data.conversations.edges[0].node.id };
  }
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  pageErrors = collectPageErrors(page);
  // Every page socket goes through the test, so it can cut and restore the connection.
  await page.routeWebSocket(/\/graphql$/, (route) => socket.handle(route));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.dispose();
});

const conversationList = () => page.getByRole('list', { name: 'Conversations' });
const row = (name: string) => conversationList().getByRole('link', { name: new RegExp(`^${name}`) });
const timeline = () => page.getByRole('region', { name: 'Conversation', exact: true }).getByLabel('Messages');
const bubbles = (text: string) => timeline().locator('.message__body', { hasText: text });

describe('the staff dashboard', () => {
  it('signs a pharmacist in and shows the seeded inbox, newest first, with unread badges', async () => {
    await page.goto(`${gateway.url}/dashboard/`);
    await page.getByLabel('Email').fill('ben@demo-pharmacy.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await row('Sofie Jansen').waitFor({ timeout: UI_TIMEOUT });
    await row('Lucas Smit').waitFor();
    // The open tab: Daan (pending) and Emma (resolved) are not in it.
    expect(await row('Daan Visser').count()).toBe(0);
    expect(await row('Emma Bakker').count()).toBe(0);
    const names = await conversationList().locator('.conversation-row__name').allTextContents();
    expect(names).toEqual(['Lucas Smit', 'Sofie Jansen']);
    await conversationList().getByRole('link', { name: 'Lucas Smit, 1 unread' }).waitFor();
    await waitFor(async () => /^\(\d+\) Counterchat$/.test(await page.title()));
    await saveScreenshot(page, 'dashboard-inbox');
  });

  it('opens a conversation and sends a reply that the customer receives live', async () => {
    const before = await gateway.graphql(`query($id: ID!) { conversation(id: $id) { lastSequence } }`, { id: customers.sofie.conversationId }, customers.sofie.token);
    const customer = connectSubscriber(gateway.wsUrl, customers.sofie.token);
    try {
      const events = customer.subscribe(`subscription($id: ID!, $after: Int) { conversationEvents(conversationId: $id, afterSequence: $after) { kind message { body sender { __typename } } } }`, {
        id: customers.sofie.conversationId,
        after: before.data.conversation.lastSequence,
      });
      await row('Sofie Jansen').click();
      await bubbles('Is my repeat prescription for levothyroxine ready').waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('heading', { level: 2, name: /Sofie Jansen/ }).waitFor();

      await page.getByRole('textbox', { name: 'Message' }).fill('Your levothyroxine is ready.');
      await page.getByRole('textbox', { name: 'Message' }).press('Shift+Enter');
      await page.getByRole('textbox', { name: 'Message' }).pressSequentially('See you after 5.');
      await page.getByRole('textbox', { name: 'Message' }).press('Enter');

      let received: any;
      while (!received) {
        const event = await events.next(UI_TIMEOUT);
        if (event.data?.conversationEvents.kind === 'MESSAGE_ADDED') received = event.data.conversationEvents.message;
      }
      expect(received).toEqual({ body: 'Your levothyroxine is ready.\nSee you after 5.', sender: { __typename: 'StaffMember' } });
      await waitForCount(bubbles('Your levothyroxine is ready.'), 1);
      // The optimistic bubble and the server's message are one message.
      await waitForCount(timeline().getByLabel('Sending message'), 0);
      expect(await bubbles('Your levothyroxine is ready.').count()).toBe(1);
      expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('');
      await saveScreenshot(page, 'dashboard-conversation');
    } finally {
      await customer.dispose();
    }
  });

  it("shows a customer's reply live in the open thread, and an unread badge on another conversation", async () => {
    await sendAsCustomer('lucas', 'Is a dented box a problem for the pens?');
    await conversationList().getByRole('link', { name: 'Lucas Smit, 2 unread' }).waitFor({ timeout: UI_TIMEOUT });
    // Newest activity first: Lucas moved to the top.
    await waitFor(async () => (await conversationList().locator('.conversation-row__name').first().textContent()) === 'Lucas Smit');

    await sendAsCustomer('sofie', 'Great, thank you!');
    await bubbles('Great, thank you!').waitFor({ timeout: UI_TIMEOUT });
    // Sofie's thread is open on screen, so it is read and carries no badge.
    await conversationList().getByRole('link', { name: 'Sofie Jansen', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.title()).toMatch(/^\(\d+\) Counterchat$/);
  });

  it('uploads an image and shows its thumbnail, and refuses other files with a reason', async () => {
    const attach = page.getByLabel('Choose files to attach');
    await attach.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not allowed') });
    await page.getByRole('alert').filter({ hasText: 'notes.txt can\'t be sent: only photos, PDF and Word documents can be attached.' }).waitFor();

    await attach.setInputFiles({ name: 'prescription.png', mimeType: 'image/png', buffer: await png() });
    await page.getByRole('list', { name: 'Files to send' }).getByText('prescription.png').waitFor();
    await page.getByRole('button', { name: 'Send' }).click();

    const thumbnail = timeline().getByRole('img', { name: 'prescription.png' });
    await thumbnail.waitFor({ timeout: UI_TIMEOUT });
    await waitFor(() => thumbnail.evaluate((image: LoadedImage) => image.complete && image.naturalWidth > 0));
    await timeline().getByRole('button', { name: 'Enlarge prescription.png' }).click();
    const lightbox = page.getByRole('dialog', { name: 'prescription.png' });
    await waitFor(() => lightbox.getByRole('img').evaluate((image: LoadedImage) => image.complete && image.naturalWidth === 40));
    await saveScreenshot(page, 'dashboard-image');
    await lightbox.getByRole('button', { name: 'Close' }).click();
    await lightbox.waitFor({ state: 'hidden' });

    // Pasted into the message box (a screenshot from the clipboard): attached, then removed again.
    await page.getByRole('textbox', { name: 'Message' }).evaluate(async (box: DropTarget, bytes: number[]) => {
      const { DataTransfer, ClipboardEvent, File } = globalThis as unknown as DropGlobals;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'pasted.png', { type: 'image/png' }));
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, [...(await png())]);
    await page.getByRole('list', { name: 'Files to send' }).getByText('pasted.png').waitFor();
    await page.getByRole('button', { name: 'Remove pasted.png' }).click();
    await page.getByRole('list', { name: 'Files to send' }).waitFor({ state: 'detached' });

    // Dropped on the thread: a PDF goes as a file chip.
    await page.getByRole('region', { name: 'Conversation', exact: true }).evaluate((region: DropTarget, bytes: number[]) => {
      const { DataTransfer, DragEvent, File } = globalThis as unknown as DropGlobals;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'leaflet.pdf', { type: 'application/pdf' }));
      region.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, [...pdf()]);
    await page.getByRole('list', { name: 'Files to send' }).getByText('leaflet.pdf').waitFor();
    await page.getByRole('button', { name: 'Send' }).click();
    const chip = timeline().getByRole('link', { name: 'Download leaflet.pdf' });
    await chip.waitFor({ timeout: UI_TIMEOUT });
    const download = await fetch(new URL((await chip.getAttribute('href'))!, gateway.url));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
  });

  it("shows the customer typing, and lets the pharmacist reply to, react to, edit and delete their own message", async () => {
    const setTyping = (typing: boolean) =>
      gateway.graphql('mutation($id: ID!, $typing: Boolean!) { setTyping(conversationId: $id, typing: $typing) }', { id: customers.sofie.conversationId, typing }, customers.sofie.token);
    await setTyping(true);
    await page.getByText('Sofie Jansen is typing…').waitFor({ timeout: UI_TIMEOUT });
    await setTyping(false);
    await page.getByText('Sofie Jansen is typing…').waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    // The message whose own text is `text` (a reply also shows the quoted text).
    const message = (text: string) => timeline().locator('.message', { has: page.locator('.message__bubble > .message__body').getByText(text, { exact: true }) });
    await message('Great, thank you!').hover();
    await message('Great, thank you!').getByRole('button', { name: 'Reply' }).click();
    await page.getByText('Replying to').waitFor();
    await page.getByRole('textbox', { name: 'Message' }).fill("You're welcome.");
    await page.getByRole('textbox', { name: 'Message' }).press('Enter');
    await message("You're welcome.").locator('blockquote', { hasText: 'Great, thank you!' }).waitFor({ timeout: UI_TIMEOUT });
    await waitForCount(timeline().getByLabel('Sending message'), 0);

    await message("You're welcome.").hover();
    await message("You're welcome.").getByRole('button', { name: 'Add reaction' }).click();
    await message("You're welcome.").getByRole('button', { name: 'React with 👍' }).click();
    await message("You're welcome.").getByRole('button', { name: /^👍 1: Ben Okafor$/ }).waitFor({ timeout: UI_TIMEOUT });

    await message("You're welcome.").hover();
    await message("You're welcome.").getByRole('button', { name: 'Edit message' }).click();
    await page.getByRole('textbox', { name: 'Edit message' }).fill('You are very welcome.');
    await page.getByRole('textbox', { name: 'Edit message' }).press('Enter');
    await message('You are very welcome.').getByText('· edited').waitFor({ timeout: UI_TIMEOUT });
    // The customer's message is not the pharmacist's to change.
    await message('Great, thank you!').hover();
    expect(await message('Great, thank you!').getByRole('button', { name: 'Edit message' }).count()).toBe(0);

    await message('You are very welcome.').hover();
    await message('You are very welcome.').getByRole('button', { name: 'Delete message' }).click();
    await page.getByRole('dialog', { name: 'Delete this message?' }).getByRole('button', { name: 'Delete' }).click();
    await timeline().getByText('Message deleted', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    const thread = await gateway.graphql('query($id: ID!) { conversation(id: $id) { lastMessage { body deletedAt replyTo { body } } } }', { id: customers.sofie.conversationId }, customers.sofie.token);
    expect(thread.data.conversation.lastMessage).toEqual({ body: null, deletedAt: expect.any(String), replyTo: { body: 'Great, thank you!' } });
  });

  it('creates a chat link for the customer from the customer panel', async () => {
    const panel = page.getByRole('complementary', { name: 'Customer details' });
    await panel.getByText('sofie@example.com').waitFor();
    await panel.getByRole('button', { name: 'Create chat link' }).click();
    const link = await panel.getByRole('textbox', { name: 'Chat link for the customer' }).inputValue({ timeout: UI_TIMEOUT });
    const url = new URL(link);
    expect(url.pathname).toBe('/widget/');
    expect(url.searchParams.get('org')).toBe('demo-pharmacy');
    // The link signs the customer in: its token reads the customer's own conversations.
    const asCustomer = await gateway.graphql('{ viewer { customer { name } } }', {}, url.searchParams.get('counterchat_token')!);
    expect(asCustomer.data.viewer.customer.name).toBe('Sofie Jansen');
  });

  it('assigns to me or a colleague, marks pending and reopens, with the inbox following each change', async () => {
    const assignee = () => row('Sofie Jansen').locator('.conversation-row__assignee');
    await page.getByRole('button', { name: 'Assign to me' }).click();
    await waitFor(async () => (await assignee().textContent()) === 'Ben Okafor');
    await timeline().getByText('Assigned to Ben Okafor').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('tab', { name: 'Mine' }).click();
    await row('Sofie Jansen').waitFor({ timeout: UI_TIMEOUT });
    await waitForCount(row('Lucas Smit'), 0);
    await page.getByRole('tab', { name: 'Open' }).click();

    await page.getByRole('combobox', { name: 'Assignee' }).selectOption({ label: 'Anna de Vries' });
    await waitFor(async () => (await assignee().textContent()) === 'Anna de Vries');
    await waitForCount(page.getByRole('button', { name: 'Assign to me' }), 1);

    await page.getByRole('button', { name: 'Mark pending' }).click();
    await waitForCount(row('Sofie Jansen'), 0);
    await page.getByRole('button', { name: 'Reopen' }).click();
    await row('Sofie Jansen').waitFor({ timeout: UI_TIMEOUT });
  });

  it('searches customers by name or phone number', async () => {
    const search = page.getByRole('searchbox', { name: 'Search customers and messages' });
    await search.fill('luc');
    await waitForCount(row('Sofie Jansen'), 0);
    await row('Lucas Smit').waitFor();
    await search.fill('+31 6 1234');
    await waitForCount(row('Lucas Smit'), 0);
    await row('Sofie Jansen').waitFor();
    await search.fill('nobody');
    await page.getByText('No conversation matches that name, number or subject.').waitFor({ timeout: UI_TIMEOUT });
    await search.fill('');
    await row('Lucas Smit').waitFor({ timeout: UI_TIMEOUT });
    await row('Sofie Jansen').waitFor();
  });

  it('resolves a conversation, which leaves the Open tab and shows under Resolved', async () => {
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByRole('button', { name: 'Reopen' }).waitFor({ timeout: UI_TIMEOUT });
    await waitForCount(row('Sofie Jansen'), 0);
    await timeline().getByText('Conversation resolved').waitFor();

    await page.getByRole('tab', { name: 'Resolved' }).click();
    await row('Sofie Jansen').waitFor({ timeout: UI_TIMEOUT });
    await row('Emma Bakker').waitFor();
    await saveScreenshot(page, 'dashboard-resolved');
    await page.getByRole('tab', { name: 'Open' }).click();
    await row('Lucas Smit').waitFor();
  });

  it('shows a banner while the socket is down and catches up once it is back, each message once', async () => {
    await row('Lucas Smit').click();
    await bubbles('Is a dented box a problem for the pens?').waitFor({ timeout: UI_TIMEOUT });

    socket.cut();
    await page.getByRole('status').filter({ hasText: 'Connection lost' }).waitFor({ timeout: UI_TIMEOUT });
    await sendAsCustomer('lucas', 'Sent while you were offline (1)');
    await sendAsCustomer('lucas', 'Sent while you were offline (2)');
    await saveScreenshot(page, 'dashboard-offline');
    expect(await bubbles('Sent while you were offline').count()).toBe(0);

    socket.restore();
    await bubbles('Sent while you were offline (2)').waitFor({ timeout: 30_000 });
    await page.getByRole('status').filter({ hasText: 'Connection lost' }).waitFor({ state: 'detached' });
    // A message after the reconnect arrives after the replay: once it shows, nothing more is coming.
    await sendAsCustomer('lucas', 'And one after the reconnect');
    await bubbles('And one after the reconnect').waitFor({ timeout: UI_TIMEOUT });
    expect(await bubbles('Sent while you were offline (1)').count()).toBe(1);
    expect(await bubbles('Sent while you were offline (2)').count()).toBe(1);
    expect(await bubbles('Is a dented box a problem for the pens?').count()).toBe(1);
    const sequences = await timeline().locator('[data-sequence]').evaluateAll((items: { getAttribute(name: string): string | null }[]) => items.map((item) => Number(item.getAttribute('data-sequence'))));
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(pageErrors).toEqual([]);
  });

  it('shows a new conversation live, and loads older messages on scroll up without moving what is on screen', async () => {
    const noor = demo.customers.find((c) => c.name === 'Noor El Amrani')!;
    const { token } = await gateway.tokens.issueChatToken({ organizationId: demo.organization.id, customerId: noor.id });
    const started = await gateway.graphql('mutation { startConversation(input: {}) { id } }', {}, token);
    const conversationId = started.data.startConversation.id;
    for (let n = 1; n <= 45; n++) {
      const sent = await gateway.graphql(
        'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
        { input: { conversationId, body: `Question ${n} from Noor`, clientMessageId: nextClientMessageId() } },
        token,
      );
      expect(sent.errors).toBeUndefined();
    }
    await conversationList().getByRole('link', { name: 'Noor El Amrani, 45 unread' }).click({ timeout: UI_TIMEOUT });
    await bubbles('Question 45 from Noor').waitFor({ timeout: UI_TIMEOUT });
    // The first page is the newest 30, scrolled to the bottom.
    expect(await bubbles('Question 15 from Noor').count()).toBe(0);
    await waitFor(() => timeline().evaluate((element: ScrollBox) => element.scrollHeight - element.scrollTop - element.clientHeight < 2));

    // Scroll to the top and note, in the same task (before any page can arrive), where
    // the oldest loaded message sits on screen.
    const anchorTop = () => timeline().evaluate((element: ScrollBox, text: string) => {
      const target = [...element.querySelectorAll('.message__body')].find((body) => body.textContent === text)!;
      return target.getBoundingClientRect().top - element.getBoundingClientRect().top;
    }, 'Question 16 from Noor');
    const before = await timeline().evaluate((element: ScrollBox) => {
      element.scrollTop = 0;
      const target = [...element.querySelectorAll('.message__body')].find((body) => body.textContent === 'Question 16 from Noor')!;
      return target.getBoundingClientRect().top - element.getBoundingClientRect().top;
    });
    await bubbles('Question 1 from Noor').waitFor({ state: 'attached', timeout: UI_TIMEOUT });
    await timeline().getByText('Start of the conversation').waitFor({ state: 'attached' });
    expect(Math.abs((await anchorTop()) - before)).toBeLessThanOrEqual(1);
    expect(await timeline().locator('[data-sequence]').count()).toBe(45);

    // Reading up the thread, a new message does not pull the view down: a button offers it.
    const sent = await gateway.graphql(
      'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
      { input: { conversationId, body: 'Question 46 from Noor', clientMessageId: nextClientMessageId() } },
      token,
    );
    expect(sent.errors).toBeUndefined();
    await page.getByRole('button', { name: 'New messages below' }).waitFor({ timeout: UI_TIMEOUT });
    expect(Math.abs((await anchorTop()) - before)).toBeLessThanOrEqual(1);
    await page.getByRole('button', { name: 'New messages below' }).click();
    await waitFor(() => timeline().evaluate((element: ScrollBox) => element.scrollHeight - element.scrollTop - element.clientHeight < 2));
    await page.getByRole('button', { name: 'New messages below' }).waitFor({ state: 'detached' });
  });

  it('loads more conversations as the inbox list is scrolled down', async () => {
    const staffToken = await staffSessionToken(gateway.dataSource, gateway.tokens, demo.staff[0]!);
    for (let n = 1; n <= 30; n++) {
      const customer = await gateway.graphql('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { name: `Walk-in ${n}` } }, staffToken);
      const started = await gateway.graphql('mutation($input: StartConversationInput!) { startConversation(input: $input) { id } }', { input: { customerId: customer.data.createCustomer.id, subject: `Order ${n}` } }, staffToken);
      expect(started.errors).toBeUndefined();
    }
    // A fresh page load, so the list comes in pages from the server rather than from live events.
    await page.reload();
    await page.getByRole('tab', { name: 'All' }).click();
    await row('Walk-in 30').waitFor({ timeout: UI_TIMEOUT });
    await waitForCount(conversationList().getByRole('link'), 25);
    expect(await row('Sofie Jansen').count()).toBe(0);

    await conversationList().getByRole('link').last().scrollIntoViewIfNeeded();
    await row('Sofie Jansen').waitFor({ timeout: UI_TIMEOUT });
    const names = await conversationList().locator('.conversation-row__name').allTextContents();
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(30);
    await page.getByRole('tab', { name: 'Open' }).click();
  });

  it('shows every message that arrived while a thread was closed when it is opened again', async () => {
    const search = page.getByRole('searchbox', { name: 'Search customers and messages' });
    const open = async (name: string) => {
      await search.fill(name);
      await row(name).click({ timeout: UI_TIMEOUT });
      await page.getByRole('heading', { level: 2, name: new RegExp(name) }).waitFor({ timeout: UI_TIMEOUT });
    };
    await open('Lucas Smit');
    await bubbles('And one after the reconnect').waitFor({ timeout: UI_TIMEOUT });
    await open('Noor El Amrani');
    // More than one page (30) while Lucas's thread sits in the cache, closed.
    for (let n = 1; n <= 35; n++) await sendAsCustomer('lucas', `While closed ${n}.`);
    await open('Lucas Smit');
    await bubbles('While closed 35.').waitFor({ timeout: UI_TIMEOUT });
    await waitForCount(bubbles('While closed'), 35);
    const sequences = await timeline().locator('[data-sequence]').evaluateAll((items: { getAttribute(name: string): string | null }[]) => items.map((item) => Number(item.getAttribute('data-sequence'))));
    expect(sequences).toEqual(sequences.map((_, index) => sequences[0]! + index));
    await search.fill('');
  });

  it("starts a new conversation from the customer panel and lists the customer's other threads", async () => {
    const panel = page.getByRole('complementary', { name: 'Customer details' });
    await panel.getByRole('textbox', { name: 'Subject of the new conversation' }).fill('Delivery of new pens');
    await panel.getByRole('button', { name: 'Start conversation' }).click();
    await page.getByRole('region', { name: 'Conversation', exact: true }).getByText('Delivery of new pens').waitFor({ timeout: UI_TIMEOUT });
    await timeline().getByText('No messages yet. Say hello.').waitFor();
    // The earlier thread is one click away, and back we go.
    await panel.getByRole('link', { name: /^Chat/ }).click({ timeout: UI_TIMEOUT });
    await bubbles('While closed 35.').waitFor({ timeout: UI_TIMEOUT });
    await panel.getByRole('link', { name: /^Delivery of new pens/ }).waitFor({ timeout: UI_TIMEOUT });
  });

  it('stacks the list and the conversation in a narrow window', async () => {
    await page.setViewportSize({ width: 400, height: 760 });
    await page.getByRole('region', { name: 'Inbox' }).waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Back to inbox' }).click();
    await page.getByRole('region', { name: 'Inbox' }).waitFor();
    await saveScreenshot(page, 'dashboard-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('signs out, and sends an expired or refused session back to sign-in', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).sessionStorage.length)).toBe(0);

    // A token the server no longer accepts (expired, or signed with a rotated secret).
    await page.evaluate(() =>
      (globalThis as unknown as PageGlobals).sessionStorage.setItem('counterchat.staff-session', JSON.stringify({ token: 'expired.token.value', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), staffId: 'x' })),
    );
    await page.reload();
    await page.getByText('Your session expired. Please sign in again.').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).sessionStorage.length)).toBe(0);
  });

  it('ends the session at its expiry time, and when the gateway closes the socket for the credential', async () => {
    const signIn = async () => {
      await page.getByLabel('Email').fill('ben@demo-pharmacy.test');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: UI_TIMEOUT });
    };
    const expiredNotice = page.getByText('Your session expired. Please sign in again.');

    await signIn();
    // The same valid token, but the session says it ends in a moment.
    await page.evaluate(() => {
      const storage = (globalThis as unknown as PageGlobals).sessionStorage;
      const session = JSON.parse(storage.getItem('counterchat.staff-session')!);
      storage.setItem('counterchat.staff-session', JSON.stringify({ ...session, expiresAt: new Date(Date.now() + 3_000).toISOString() }));
    });
    // Only the timer says "expired" here: a session already over at load just shows sign-in.
    await page.reload();
    await expiredNotice.waitFor({ timeout: UI_TIMEOUT });

    await signIn();
    await waitFor(async () => socket.connected());
    socket.closeCurrent(4403, 'Credential expired');
    await expiredNotice.waitFor({ timeout: UI_TIMEOUT });
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).sessionStorage.length)).toBe(0);
  });
});

async function sendAsCustomer(who: 'sofie' | 'lucas', body: string) {
  const response = await gateway.graphql(
    'mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
    { input: { conversationId: customers[who].conversationId, body, clientMessageId: nextClientMessageId() } },
    customers[who].token,
  );
  expect(response.errors).toBeUndefined();
}
