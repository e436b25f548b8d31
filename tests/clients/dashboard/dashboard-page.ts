import type { Locator, Page, WebSocketRoute } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../gateway/server/demo/demo-data.js';

/** Helpers for driving the dashboard in Chromium: the socket switch, polling, and page types. */

/** How long a UI state may take to appear (live events, a round trip, a re-render). */
export const UI_TIMEOUT = 10_000;

// The test compiles without the DOM library; these are the page's parts it touches.
export interface LoadedImage {
  complete: boolean;
  naturalWidth: number;
}
export interface ScrollBox {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
  querySelectorAll(selector: string): Iterable<{ textContent: string | null; getBoundingClientRect(): { top: number } }>;
  getBoundingClientRect(): { top: number };
}
export interface DropTarget {
  dispatchEvent(event: unknown): boolean;
}
export interface DropGlobals {
  DataTransfer: new () => { items: { add(file: unknown): void } };
  DragEvent: new (type: string, init: object) => unknown;
  ClipboardEvent: new (type: string, init: object) => unknown;
  File: new (parts: unknown[], name: string, options: { type: string }) => unknown;
}
export interface PageGlobals {
  sessionStorage: { length: number; getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/**
 * Proxies the page's GraphQL sockets. `cut()` closes the live one the way a dropped
 * network does for graphql-ws (1001, so it retries) and refuses reconnects until
 * `restore()`.
 */
export function socketCutter() {
  let blocked = false;
  let current: WebSocketRoute | null = null;
  return {
    handle(route: WebSocketRoute) {
      if (blocked) {
        route.close({ code: 1001, reason: 'Network down (test)' });
        return;
      }
      route.connectToServer();
      current = route;
    },
    cut() {
      blocked = true;
      void current?.close({ code: 1001, reason: 'Network down (test)' });
      current = null;
    },
    restore() {
      blocked = false;
    },
    connected: () => current !== null,
    /** Closes the live socket as the gateway would, e.g. 4403 when the credential expires. */
    closeCurrent(code: number, reason: string) {
      void current?.close({ code, reason });
      current = null;
    },
  };
}

export async function waitForCount(locator: Locator, count: number, timeoutMs = UI_TIMEOUT) {
  await waitFor(async () => (await locator.count()) === count, timeoutMs);
}

/** Polls a condition of the page until it holds: UI states, never fixed sleeps. */
export async function waitFor(condition: () => Promise<boolean>, timeoutMs = UI_TIMEOUT) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Signs a demo account in at the gateway's dashboard and waits for the inbox's first row. */
export async function signInToDashboard(page: Page, gatewayUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${gatewayUrl}/dashboard/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('list', { name: 'Conversations' }).getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });
}

/** Whether the element has the keyboard focus. */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === (element as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement);
}
