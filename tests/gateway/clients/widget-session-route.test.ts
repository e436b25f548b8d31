import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

describe('/widget/session', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  const widgetHeader = { 'x-counterchat-widget': '1' };

  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'session-store');
    await createPharmacy(gateway.dataSource, gateway.tokens, 'other-store');
  });
  afterAll(() => gateway.dispose());

  const put = (body: unknown, headers: Record<string, string> = widgetHeader) =>
    fetch(`${gateway.url}/widget/session`, { method: 'PUT', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('keeps a customer token in a partitioned, HttpOnly cookie scoped to its own path, and gives it back', async () => {
    const response = await put({ organizationSlug: 'session-store', token: pharmacy.tokens.customer });
    expect(response.status).toBe(204);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cc_widget_session-store=/);
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=None', 'Partitioned', 'Path=/widget/session']) expect(cookie).toContain(attribute);
    expect(response.headers.get('cache-control')).toBe('no-store');

    const read = await fetch(`${gateway.url}/widget/session?org=session-store`, { headers: { ...widgetHeader, cookie: cookie.split(';')[0]! } });
    expect(await read.json()).toEqual({ token: pharmacy.tokens.customer });
    const none = await fetch(`${gateway.url}/widget/session?org=session-store`, { headers: widgetHeader });
    expect(none.status).toBe(204);
  });

  it('refuses staff tokens, another pharmacy’s customers and calls without the widget header', async () => {
    expect((await put({ organizationSlug: 'session-store', token: pharmacy.tokens.pharmacist })).status).toBe(401);
    expect((await put({ organizationSlug: 'other-store', token: pharmacy.tokens.customer })).status).toBe(401);
    expect((await put({ organizationSlug: 'session-store', token: pharmacy.tokens.customer }, {})).status).toBe(403);
    const read = await fetch(`${gateway.url}/widget/session?org=session-store`);
    expect(read.status).toBe(403);
  });

  it('never answers a cross-origin preflight, so a store page cannot read it', async () => {
    const preflight = await fetch(`${gateway.url}/widget/session?org=session-store`, {
      method: 'OPTIONS',
      headers: { origin: 'http://store.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-counterchat-widget' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});
