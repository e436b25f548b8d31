import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Customer } from '../../../../entities/customer.entity.js';
import { NotificationChannel } from '../../../../entities/notification-log-entry.entity.js';
import { unsubscribeUrlFor } from '../../../../resolvers/notification/customer-opt-out.service.js';
import { createPharmacy, type PharmacyFixture } from '../../../support/fixtures.js';
import { startTestGateway, withoutBackgroundWork, type TestGateway } from '../../../support/test-gateway.js';

/** The notification routes as browsers, mail programs and Twilio meet them, without a provider configured. */
let gateway: TestGateway;
let pharmacy: PharmacyFixture;

beforeAll(async () => {
  gateway = await startTestGateway({ config: withoutBackgroundWork });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'routes');
});
afterAll(async () => {
  await gateway.dispose();
});

const optedOutAt = async (id: string) => (await gateway.dataSource.getRepository(Customer).findOneByOrFail({ id })).emailOptedOutAt;

describe('the unsubscribe link', () => {
  const url = () => unsubscribeUrlFor(gateway.secrets, gateway.url, { organizationId: pharmacy.organization.id, customerId: pharmacy.customers[0].id, channel: NotificationChannel.EMAIL });

  it('only shows a button when opened (a link scanner changes nothing)', async () => {
    const page = await fetch(url());
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<button type="submit"');
    expect(await optedOutAt(pharmacy.customers[0].id)).toBeNull();
  });

  it('unsubscribes on the one-click POST, and again changes nothing', async () => {
    const post = () => fetch(url(), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect((await post()).status).toBe(200);
    const first = await optedOutAt(pharmacy.customers[0].id);
    expect(first).toBeInstanceOf(Date);
    expect((await post()).status).toBe(200);
    expect(await optedOutAt(pharmacy.customers[0].id)).toEqual(first);
  });

  it('refuses a forged or altered token with a page, not an error', async () => {
    const forged = await fetch(`${gateway.url}/notifications/unsubscribe?t=v1.${'A'.repeat(80)}`, { method: 'POST' });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('not valid');
  });
});

describe('the chat link', () => {
  it('answers an unknown or malformed token with the used-or-expired page', async () => {
    for (const t of ['x', 'A'.repeat(43), '']) {
      const response = await fetch(`${gateway.url}/notifications/open`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ t }).toString(), redirect: 'manual' });
      expect([t, response.status]).toEqual([t, 410]);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    }
  });
});

describe('the inbound SMS webhook', () => {
  it('does not exist without Twilio', async () => {
    const response = await fetch(`${gateway.url}/notifications/sms/inbound`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'From=%2B31612345678&Body=STOP' });
    expect(response.status).toBe(404);
  });
});
