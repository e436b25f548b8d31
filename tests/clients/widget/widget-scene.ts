import path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { Organization } from '../../../entities/organization.entity.js';
import { startExampleStore, type ExampleStore } from '../../../gateway/server/demo/example-store.js';
import { launchBrowser } from '../../support/browser.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from '../../support/test-gateway.js';

/**
 * What the widget's browser tests share: a gateway, a pharmacy with its brand, the
 * example store page for it on another origin (localhost vs the gateway's 127.0.0.1:
 * another site, so the iframe is third-party), and Chromium.
 */
export interface WidgetScene {
  gateway: TestGateway;
  store: ExampleStore;
  pharmacy: PharmacyFixture;
  browser: Browser;
  /** The pharmacy's widget secret, as an admin reads it. */
  secret: string;
  dispose(): Promise<void>;
}

export const SLUG = 'e2e-pharmacy';
export const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id sequence } }`;
export const ISSUE_TOKEN = `mutation ($id: ID!) { issueChatToken(customerId: $id) { token chatLink } }`;
const CONVERSATIONS = `{ conversations(first: 10) { edges { node { id customer { name } participants { role lastReadSequence } lastSequence } } } }`;

/** `gatewayConfig` e.g. lifts rate limits for a test that writes a long history first. */
/** `browserArgs`: extra Chromium switches (fake camera and microphone for video calls). */
export async function startWidgetScene(options: { gatewayConfig?: TestGatewayOptions['config']; browserArgs?: readonly string[] } = {}): Promise<WidgetScene> {
  const gateway = await startTestGateway({ config: options.gatewayConfig });
  const pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, SLUG);
  await gateway.dataSource.getRepository(Organization).update(pharmacy.organization.id, {
    name: 'Apotheek Zuid',
    settings: { replyTimeText: 'We usually reply within an hour', replyTimeTextNl: 'We antwoorden meestal binnen een uur', timeZone: 'Europe/Amsterdam', businessHours: [], primaryColor: '#7c3aed' },
  });
  const secret = (await gateway.graphql(`{ widgetSecret }`, {}, pharmacy.tokens.admin)).data.widgetSecret;
  const store = await startExampleStore({
    port: 0,
    counterchatUrl: gateway.url,
    organizationSlug: SLUG,
    storeName: 'Apotheek Zuid',
    exampleDir: path.resolve('clients/widget/example'),
    widgetSecret: secret,
  });
  const browser = await launchBrowser(options.browserArgs);
  return {
    gateway,
    store,
    pharmacy,
    browser,
    secret,
    async dispose() {
      await browser.close();
      await store.dispose();
      await gateway.dispose();
    },
  };
}

export const chat = (page: Page): FrameLocator => page.frameLocator('iframe[src*="/widget/"]');
export const launcher = (page: Page) => page.locator('[data-counterchat]').getByRole('button', { name: /chat/i });

/** The pre-chat form in Dutch (the page language decides). */
export async function fillDutchPrechat(frame: FrameLocator, name: string) {
  await frame.getByLabel('Uw naam').fill(name, { timeout: 5000 });
  await frame.getByLabel('Telefoon of e-mail').fill('+31 6 1111 2222', { timeout: 5000 });
  await frame.getByLabel(/mag contact met mij opnemen/).check({ timeout: 5000 });
  await frame.getByRole('button', { name: 'Chat starten' }).click({ timeout: 5000 });
}

/** The pre-chat form in English. */
export async function fillPrechat(frame: FrameLocator, name: string, contact: string) {
  await frame.getByLabel('Your name').fill(name);
  await frame.getByLabel('Phone or email').fill(contact);
  await frame.getByLabel(/may contact me/).check();
  await frame.getByRole('button', { name: 'Start chat' }).click();
}

export interface StaffSideConversation {
  id: string;
  participants: { role: string; lastReadSequence: number }[];
  lastSequence: number;
}

/** The customer's conversation as the pharmacist sees it over the API. */
export async function conversationOf(scene: WidgetScene, customerName: string): Promise<StaffSideConversation> {
  const response = await scene.gateway.graphql(CONVERSATIONS, {}, scene.pharmacy.tokens.pharmacist);
  const node = response.data.conversations.edges.map((edge: { node: any }) => edge.node).find((candidate: any) => candidate.customer.name === customerName);
  if (!node) throw new Error(`No conversation for ${customerName}`);
  return node;
}

/** Retries `check` until it passes or `timeoutMs` runs out (for effects that reach the server a moment later). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
