import type { Browser } from 'playwright-core';
import { launchBrowser, collectPageErrors } from '../../support/browser.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway.dispose();
});

describe('serving the built apps', () => {
  it('serves the dashboard at /dashboard/ with a strict policy, and client routes fall back to it', async () => {
    for (const route of ['/dashboard/', '/dashboard/conversations/123']) {
      const response = await fetch(`${gateway.url}${route}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('redirects /dashboard to /dashboard/ and caches hashed assets for good', async () => {
    const redirect = await fetch(`${gateway.url}/dashboard`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/dashboard/');

    const html = await (await fetch(`${gateway.url}/dashboard/`)).text();
    const script = html.match(/src="(\/dashboard\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${gateway.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers a missing asset with a plain 404, not the app page', async () => {
    const response = await fetch(`${gateway.url}/dashboard/assets/gone-1234.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
  });
});

describe('in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('loads the dashboard bundle without errors under its Content-Security-Policy', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${gateway.url}/dashboard/`);
    // Signed out, the dashboard opens on its sign-in form.
    await page.getByRole('heading', { name: 'Counterchat' }).waitFor();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
