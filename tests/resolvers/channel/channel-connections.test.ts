import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SecretBox } from '../../../gateway/secrets/secret-box.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { startWhatsAppServer, whatsAppText, whatsAppWebhook, type WhatsAppAccount, type WhatsAppServer } from '../../support/whatsapp-server.js';

/** Admins connect WhatsApp and SMS numbers (issue 22); secrets go in sealed and never come out. */
const SECRETS_KEY = 'channel-secrets-key-for-connection-tests';
const account: WhatsAppAccount = { phoneNumberId: '106540352242922', accessToken: 'EAAG-access-token-abcd', appSecret: 'app-secret-wxyz', businessAccountId: '102290129340398' };

let whatsapp: WhatsAppServer;
let gateway: TestGateway;
let pharmacy: PharmacyFixture;

const FIELDS = `id kind name phoneNumber enabled whatsappPhoneNumberId twilioAccountSid webhookUrl secretHints { accessToken appSecret verifyToken authToken } whatsappTemplates { name language }`;
const create = (input: Record<string, unknown>, token = pharmacy.tokens.admin) =>
  gateway.graphql(`mutation ($input: CreateChannelConnectionInput!) { createChannelConnection(input: $input) { ${FIELDS} } }`, { input }, token);
const update = (input: Record<string, unknown>) => gateway.graphql(`mutation ($input: UpdateChannelConnectionInput!) { updateChannelConnection(input: $input) { ${FIELDS} } }`, { input }, pharmacy.tokens.admin);
const whatsAppInput = (overrides: Record<string, unknown> = {}) => ({
  kind: 'WHATSAPP',
  name: 'Counter WhatsApp',
  phoneNumber: '+31201234567',
  whatsappPhoneNumberId: account.phoneNumberId,
  whatsappBusinessAccountId: account.businessAccountId,
  secrets: { accessToken: account.accessToken, appSecret: account.appSecret, verifyToken: 'verify-token-1234' },
  ...overrides,
});

beforeAll(async () => {
  whatsapp = await startWhatsAppServer(account);
  gateway = await startTestGateway({ config: { channels: { secretsKey: SECRETS_KEY, whatsappApiUrl: whatsapp.url, twilioApiUrl: 'http://127.0.0.1:9' } } });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'channels-admin');
});
afterAll(async () => {
  await gateway?.dispose();
  await whatsapp?.dispose();
});

describe('connecting a number', () => {
  it('stores the secrets sealed under CHANNEL_SECRETS_KEY and only ever shows their last four characters', async () => {
    const created = await create(whatsAppInput());
    expect(created.errors).toBeUndefined();
    const connection = created.data.createChannelConnection;
    expect(connection).toMatchObject({ kind: 'WHATSAPP', enabled: true, secretHints: { accessToken: 'abcd', appSecret: 'wxyz', verifyToken: '1234', authToken: null } });
    expect(connection.webhookUrl).toMatch(new RegExp(`^${gateway.url.replace(/[.]/g, '\\.')}/channels/whatsapp/[A-Za-z0-9_-]{32}$`));
    const [row] = await gateway.dataSource.query(`SELECT * FROM channel_connection WHERE id = $1`, [connection.id]);
    expect(JSON.stringify(row)).not.toContain(account.accessToken);
    expect(JSON.stringify(row)).not.toContain(account.appSecret);
    expect(JSON.parse(new SecretBox(SECRETS_KEY).open(row.secrets_sealed))).toEqual({ accessToken: account.accessToken, appSecret: account.appSecret, verifyToken: 'verify-token-1234' });
    // And the audit log names the change, never a secret.
    const [audit] = await gateway.dataSource.query(`SELECT details FROM audit_event WHERE action = 'CHANNEL_CONNECTED' AND object_id = $1`, [connection.id]);
    expect(JSON.stringify(audit.details)).not.toContain(account.accessToken);
  });

  it('refuses staff who are not admins, and partners', async () => {
    expect((await create(whatsAppInput({ phoneNumber: '+31201234568' }), pharmacy.tokens.pharmacist)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gateway.graphql(`{ channelConnections { id } }`, {}, pharmacy.tokens.pharmacist)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gateway.graphql(`{ channelConnections { id } }`, {}, pharmacy.tokens.partnerRead)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('explains what is missing or malformed', async () => {
    const field = (response: Awaited<ReturnType<typeof create>>) => [response.errors?.[0]?.extensions?.code, response.errors?.[0]?.extensions?.field];
    expect(field(await create(whatsAppInput({ phoneNumber: '0612345678' })))).toEqual(['BAD_USER_INPUT', 'phoneNumber']);
    expect(field(await create(whatsAppInput({ phoneNumber: '+31201234569', secrets: { accessToken: account.accessToken, verifyToken: 'verify-token-1234' } })))).toEqual(['BAD_USER_INPUT', 'appSecret']);
    expect(field(await create({ kind: 'SMS', name: 'SMS', phoneNumber: '+15005550006', twilioAccountSid: 'not-a-sid', secrets: { authToken: 'twilio-token-1234' } }))).toEqual(['BAD_USER_INPUT', 'twilioAccountSid']);
    expect(field(await create(whatsAppInput({ phoneNumber: '+31201234569', whatsappTemplates: [{ name: 'Bad Name', language: 'nl' }] })))).toEqual(['BAD_USER_INPUT', 'whatsappTemplates[0].name']);
    expect((await create(whatsAppInput())).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});

describe('changing a connection', () => {
  it('replaces only the secrets given, and a disabled or deleted connection answers its webhook with 404', async () => {
    const { data } = await create(whatsAppInput({ phoneNumber: '+31209999999' }));
    const connection = data.createChannelConnection;
    const changed = await update({ id: connection.id, secrets: { accessToken: 'EAAG-new-token-9876' } });
    expect(changed.data.updateChannelConnection.secretHints).toEqual({ accessToken: '9876', appSecret: 'wxyz', verifyToken: '1234', authToken: null });
    const [row] = await gateway.dataSource.query(`SELECT secrets_sealed FROM channel_connection WHERE id = $1`, [connection.id]);
    expect(JSON.parse(new SecretBox(SECRETS_KEY).open(row.secrets_sealed))).toMatchObject({ accessToken: 'EAAG-new-token-9876', appSecret: account.appSecret });

    const hello = () => whatsapp.sendWebhook(connection.webhookUrl, whatsAppWebhook(account, whatsAppText('31612345678', `wamid.admin${Date.now()}`, 'hi')));
    expect((await hello()).status).toBe(200);
    await update({ id: connection.id, enabled: false });
    expect((await hello()).status).toBe(404);
    await update({ id: connection.id, enabled: true });
    const removed = await gateway.graphql(`mutation ($id: ID!) { deleteChannelConnection(id: $id) { id } }`, { id: connection.id }, pharmacy.tokens.admin);
    expect(removed.errors).toBeUndefined();
    expect((await hello()).status).toBe(404);
  });

  it("fetches the business account's approved templates from the Graph API", async () => {
    whatsapp.templates = [
      { name: 'prescription_ready', language: 'nl', status: 'APPROVED' },
      { name: 'prescription_ready', language: 'en_US', status: 'APPROVED' },
      { name: 'draft_one', language: 'nl', status: 'PENDING' },
    ];
    const { data } = await gateway.graphql(`{ channelConnections { id phoneNumber } }`, {}, pharmacy.tokens.admin);
    const first = data.channelConnections.find((connection: { phoneNumber: string }) => connection.phoneNumber === '+31201234567');
    const refreshed = await gateway.graphql(`mutation ($id: ID!) { refreshWhatsAppTemplates(id: $id) { whatsappTemplates { name language } } }`, { id: first.id }, pharmacy.tokens.admin);
    expect(refreshed.data.refreshWhatsAppTemplates.whatsappTemplates).toEqual([
      { name: 'prescription_ready', language: 'nl' },
      { name: 'prescription_ready', language: 'en_US' },
    ]);
  });
});
