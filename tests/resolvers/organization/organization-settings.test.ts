import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const UPDATE = `mutation ($input: UpdateOrganizationSettingsInput!) {
  updateOrganizationSettings(input: $input) { settings { timeZone primaryColor replyTimeText language retentionDays widgetThreads businessHours { day opens closes } } }
}`;

let gateway: TestGateway;
let pharmacy: PharmacyFixture;

beforeAll(async () => {
  gateway = await startTestGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'settings');
});
afterAll(async () => {
  await gateway.dispose();
});

describe("the pharmacy's settings", () => {
  it('changes only the given fields', async () => {
    const response = await gateway.graphql(
      UPDATE,
      { input: { timeZone: 'Europe/Berlin', businessHours: [{ day: 1, opens: '09:00', closes: '17:30' }], retentionDays: 365, primaryColor: '#AA3366' } },
      pharmacy.tokens.admin,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.updateOrganizationSettings.settings).toMatchObject({
      timeZone: 'Europe/Berlin',
      primaryColor: '#aa3366',
      retentionDays: 365,
      businessHours: [{ day: 1, opens: '09:00', closes: '17:30' }],
      widgetThreads: 'REUSE_OPEN',
    });
    const again = await gateway.graphql(UPDATE, { input: { replyTimeText: 'We reply within the hour' } }, pharmacy.tokens.admin);
    expect(again.data.updateOrganizationSettings.settings).toMatchObject({ timeZone: 'Europe/Berlin', replyTimeText: 'We reply within the hour', retentionDays: 365 });
  });

  it('refuses values that would break the widget, search or statistics', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ businessHours: [{ day: 7, opens: '09:00', closes: '17:00' }] }, 'businessHours'],
      [{ businessHours: [{ day: 1, opens: '18:00', closes: '09:00' }] }, 'businessHours'],
      [{ primaryColor: 'teal' }, 'primaryColor'],
      [{ language: 'klingon' }, 'language'],
      [{ retentionDays: 3 }, 'retentionDays'],
    ];
    for (const [input, field] of cases) {
      const response = await gateway.graphql(UPDATE, { input }, pharmacy.tokens.admin);
      expect([field, response.errors?.[0]?.extensions?.code, response.errors?.[0]?.extensions?.field]).toEqual([field, 'BAD_USER_INPUT', field]);
    }
  });

  it('reads a pharmacy whose stored settings predate a setting (the column default is {}) with the defaults, not nulls', async () => {
    const older = await createPharmacy(gateway.dataSource, gateway.tokens, 'settings-older');
    await gateway.dataSource.query(`UPDATE organization SET settings = '{}'::jsonb WHERE id = $1`, [older.organization.id]);
    const response = await gateway.graphql(`{ viewer { organization { settings { timeZone primaryColor businessHours { day } } } } }`, {}, older.tokens.pharmacist);
    expect(response.errors).toBeUndefined();
    expect(response.data.viewer.organization.settings).toEqual({ timeZone: 'Europe/Amsterdam', primaryColor: '#0f766e', businessHours: [] });
  });

  it('has notification settings with their defaults, changes them and refuses values out of bounds', async () => {
    const read = `{ viewer { organization { settings { customerNotificationDelayMinutes customerNotificationWindowHours holdNotificationsAtNight staffDigestEnabled staffDigestMinutes } } } }`;
    const before = await gateway.graphql(read, {}, pharmacy.tokens.admin);
    expect(before.data.viewer.organization.settings).toEqual({
      customerNotificationDelayMinutes: 5,
      customerNotificationWindowHours: 12,
      holdNotificationsAtNight: true,
      staffDigestEnabled: false,
      staffDigestMinutes: 30,
    });
    const changed = await gateway.graphql(
      `mutation ($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { settings { customerNotificationDelayMinutes holdNotificationsAtNight staffDigestEnabled } } }`,
      { input: { customerNotificationDelayMinutes: 15, holdNotificationsAtNight: false, staffDigestEnabled: true } },
      pharmacy.tokens.admin,
    );
    expect(changed.data.updateOrganizationSettings.settings).toEqual({ customerNotificationDelayMinutes: 15, holdNotificationsAtNight: false, staffDigestEnabled: true });
    for (const [input, field] of [
      [{ customerNotificationDelayMinutes: 0 }, 'customerNotificationDelayMinutes'],
      [{ customerNotificationWindowHours: 1000 }, 'customerNotificationWindowHours'],
      [{ staffDigestMinutes: 1 }, 'staffDigestMinutes'],
    ] as const) {
      const response = await gateway.graphql(UPDATE, { input }, pharmacy.tokens.admin);
      expect([field, response.errors?.[0]?.extensions?.code, response.errors?.[0]?.extensions?.field]).toEqual([field, 'BAD_USER_INPUT', field]);
    }
  });

  it('re-indexes messages when the search language changes', async () => {
    const started = await gateway.graphql(`mutation { startConversation(input: { subject: "Refills" }) { id } }`, {}, pharmacy.tokens.customer);
    await gateway.graphql(
      `mutation ($id: ID!) { sendMessage(input: { conversationId: $id, body: "I need my remedies refilled", clientMessageId: "lang-1" }) { id } }`,
      { id: started.data.startConversation.id },
      pharmacy.tokens.customer,
    );
    // "remedy" is no partial word of "remedies": only stemming (english: remedi) finds it.
    const search = () => gateway.graphql(`{ searchMessages(query: "remedy") { edges { node { message { body } } } } }`, {}, pharmacy.tokens.admin);
    expect((await search()).data.searchMessages.edges).toHaveLength(0);
    await gateway.graphql(UPDATE, { input: { language: 'english' } }, pharmacy.tokens.admin);
    expect((await search()).data.searchMessages.edges).toHaveLength(1);
  });

  it('is for admins only', async () => {
    for (const token of [pharmacy.tokens.pharmacist, pharmacy.tokens.partnerWrite, pharmacy.tokens.customer]) {
      const response = await gateway.graphql(UPDATE, { input: { replyTimeText: 'x' } }, token);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
