import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { signIdentity, type SignedIdentity } from '../../../resolvers/widget/identity-signature.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { defaultRateLimitRules } from '../../../gateway/rate-limits/rate-limits.js';

const CONFIG = `query ($slug: String!) { widgetConfig(organizationSlug: $slug) {
  name slug primaryColor replyTimeText timeZone businessHours { day opens closes } openNow threadPolicy identityMaxAgeSeconds } }`;
const START = `mutation ($input: StartWidgetSessionInput!) { startWidgetSession(input: $input) { token expiresAt chatLink } }`;
const IDENTIFY = `mutation ($input: IdentifyWidgetCustomerInput!) { identifyWidgetCustomer(input: $input) { token expiresAt chatLink } }`;
const VIEWER = `{ viewer { kind customer { id name phone email externalId } } }`;
const SECRET = `{ widgetSecret }`;
const ROTATE = `mutation { rotateWidgetSecret }`;

describe('the chat widget API', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let secret: string;

  beforeAll(async () => {
    gateway = await startTestGateway({ config: { rateLimits: { ...defaultRateLimitRules, widgetSessionsPerIp: { points: 4, durationSeconds: 3600 } } } });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'widget-store');
    secret = (await gateway.graphql(SECRET, {}, pharmacy.tokens.admin)).data.widgetSecret;
  });
  afterAll(() => gateway.dispose());

  const signed = (overrides: Partial<SignedIdentity> = {}, key = secret) => {
    const identity: SignedIdentity = {
      organizationSlug: 'widget-store',
      externalId: 'store-42',
      name: 'Carla Store',
      email: 'carla@example.com',
      phone: null,
      issuedAt: Math.floor(Date.now() / 1000),
      nonce: randomUUID(),
      ...overrides,
    };
    const { phone, email, ...rest } = identity;
    return { ...rest, ...(phone ? { phone } : {}), ...(email ? { email } : {}), signature: signIdentity(identity, key) };
  };

  describe('widgetConfig', () => {
    it('gives anyone the public settings of a pharmacy by slug', async () => {
      const response = await gateway.graphql(CONFIG, { slug: 'widget-store' });
      expect(response.errors).toBeUndefined();
      expect(response.data.widgetConfig).toMatchObject({ name: 'Pharmacy widget-store', slug: 'widget-store', primaryColor: '#0f766e', threadPolicy: 'REUSE_OPEN', openNow: null, identityMaxAgeSeconds: 300 });
    });

    it('gives the reply-time text in the page’s language when the pharmacy wrote one, else its default', async () => {
      const UPDATE = `mutation ($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { settings { replyTimeText replyTimeTextNl } } }`;
      const updated = await gateway.graphql(UPDATE, { input: { replyTimeText: 'We usually reply within an hour', replyTimeTextNl: '  We antwoorden meestal binnen een uur ' } }, pharmacy.tokens.admin);
      expect(updated.data.updateOrganizationSettings.settings).toEqual({ replyTimeText: 'We usually reply within an hour', replyTimeTextNl: 'We antwoorden meestal binnen een uur' });
      const replyTime = async (locale?: string) =>
        (await gateway.graphql(`query ($slug: String!, $locale: String) { widgetConfig(organizationSlug: $slug, locale: $locale) { replyTimeText } }`, { slug: 'widget-store', locale })).data.widgetConfig.replyTimeText;
      await expect(replyTime('nl-NL')).resolves.toBe('We antwoorden meestal binnen een uur');
      await expect(replyTime('nl')).resolves.toBe('We antwoorden meestal binnen een uur');
      await expect(replyTime('en-GB')).resolves.toBe('We usually reply within an hour');
      await expect(replyTime(undefined)).resolves.toBe('We usually reply within an hour');
      // Without a Dutch text, Dutch pages get the default.
      await gateway.graphql(UPDATE, { input: { replyTimeTextNl: '' } }, pharmacy.tokens.admin);
      await expect(replyTime('nl-NL')).resolves.toBe('We usually reply within an hour');
      await gateway.graphql(UPDATE, { input: { replyTimeText: '' } }, pharmacy.tokens.admin);
    });

    it('answers NOT_FOUND for an unknown slug', async () => {
      const response = await gateway.graphql(CONFIG, { slug: 'nobody' });
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('startWidgetSession', () => {
    it('creates a new customer with a chat token, never linking to an existing customer by phone', async () => {
      const response = await gateway.graphql(START, { input: { organizationSlug: 'widget-store', name: 'Visitor', phone: pharmacy.customers[0].phone, consentToContact: true } });
      expect(response.errors).toBeUndefined();
      const { token, chatLink } = response.data.startWidgetSession;
      expect(chatLink).toContain('/widget/?org=widget-store&counterchat_token=');
      const viewer = await gateway.graphql(VIEWER, {}, token);
      expect(viewer.data.viewer.kind).toBe('CUSTOMER');
      expect(viewer.data.viewer.customer.id).not.toBe(pharmacy.customers[0].id);
      expect(viewer.data.viewer.customer).toMatchObject({ name: 'Visitor', phone: pharmacy.customers[0].phone });
    });

    it('updates the same browser’s earlier anonymous customer instead of creating another', async () => {
      const first = await gateway.graphql(START, { input: { organizationSlug: 'widget-store', name: 'Dana', email: 'dana@example.com', consentToContact: true } });
      const firstId = (await gateway.graphql(VIEWER, {}, first.data.startWidgetSession.token)).data.viewer.customer.id;
      const again = await gateway.graphql(START, { input: { organizationSlug: 'widget-store', name: 'Dana K', email: 'dana@example.com', consentToContact: true } }, first.data.startWidgetSession.token);
      const viewer = await gateway.graphql(VIEWER, {}, again.data.startWidgetSession.token);
      expect(viewer.data.viewer.customer).toMatchObject({ id: firstId, name: 'Dana K' });
    });

    it('requires consent, a contact and a valid phone number, naming the field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ name: 'X', email: 'x@example.com', consentToContact: false }, 'consentToContact'],
        [{ name: 'X', consentToContact: true }, 'phone'],
        [{ name: 'X', phone: '0612345678', consentToContact: true }, 'phone'],
        [{ name: 'X', email: 'not-an-email', consentToContact: true }, 'email'],
      ];
      for (const [input, field] of cases) {
        const response = await gateway.graphql(START, { input: { organizationSlug: 'widget-store', ...input } });
        expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      }
    });

    it('limits sign-ups per IP address with RATE_LIMITED and a retryAfter', async () => {
      // Two sign-ups above already counted against the limit of four.
      const results = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        results.push(await gateway.graphql(START, { input: { organizationSlug: 'widget-store', name: `Spam ${attempt}`, email: `spam${attempt}@example.com`, consentToContact: true } }));
      }
      const limited = results.find((response) => response.errors)?.errors?.[0];
      expect(limited?.extensions?.code).toBe('RATE_LIMITED');
      expect(limited?.extensions?.retryAfter).toBeGreaterThan(0);
    });
  });

  describe('identifyWidgetCustomer', () => {
    it('creates the store customer with the signed details, and links to it again next time', async () => {
      const first = await gateway.graphql(IDENTIFY, { input: signed() });
      expect(first.errors).toBeUndefined();
      const viewer = await gateway.graphql(VIEWER, {}, first.data.identifyWidgetCustomer.token);
      expect(viewer.data.viewer.customer).toMatchObject({ externalId: 'store-42', name: 'Carla Store', email: 'carla@example.com' });
      const second = await gateway.graphql(IDENTIFY, { input: signed({ name: 'Carla Renamed' }) });
      const again = await gateway.graphql(VIEWER, {}, second.data.identifyWidgetCustomer.token);
      expect(again.data.viewer.customer).toMatchObject({ id: viewer.data.viewer.customer.id, name: 'Carla Renamed' });
    });

    it('refuses a forged signature, a changed field and another secret with UNAUTHENTICATED', async () => {
      const tampered = { ...signed(), externalId: 'store-1' };
      const otherKey = signed({}, 'f'.repeat(64));
      const garbage = { ...signed(), signature: '0'.repeat(64) };
      for (const input of [tampered, otherKey, garbage]) {
        const response = await gateway.graphql(IDENTIFY, { input });
        expect(response.errors?.[0]).toMatchObject({ message: 'The identity signature is not valid.', extensions: { code: 'UNAUTHENTICATED' } });
        expect(response.data).toBeNull();
      }
    });

    it('refuses an expired or future-dated signature', async () => {
      const now = Math.floor(Date.now() / 1000);
      const expired = await gateway.graphql(IDENTIFY, { input: signed({ issuedAt: now - 301 }) });
      expect(expired.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(expired.errors?.[0]?.message).toMatch(/expired/);
      const future = await gateway.graphql(IDENTIFY, { input: signed({ issuedAt: now + 600 }) });
      expect(future.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a replayed signature', async () => {
      const input = signed();
      expect((await gateway.graphql(IDENTIFY, { input })).errors).toBeUndefined();
      const replay = await gateway.graphql(IDENTIFY, { input });
      expect(replay.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
      expect(replay.errors?.[0]?.message).toMatch(/already used/);
    });

    it('refuses signatures of the old secret once an admin rotates it', async () => {
      const old = signed();
      const rotated = await gateway.graphql(ROTATE, {}, pharmacy.tokens.admin);
      expect(rotated.data.rotateWidgetSecret).toMatch(/^[0-9a-f]{64}$/);
      expect((await gateway.graphql(IDENTIFY, { input: old })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      secret = rotated.data.rotateWidgetSecret;
      expect((await gateway.graphql(IDENTIFY, { input: signed() })).errors).toBeUndefined();
    });
  });

  describe('the widget secret', () => {
    it('is for admins only', async () => {
      for (const token of [pharmacy.tokens.pharmacist, pharmacy.tokens.customer, pharmacy.tokens.partnerWrite]) {
        const response = await gateway.graphql(SECRET, {}, token);
        expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect((await gateway.graphql(SECRET)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('is never part of the organization a viewer can read', async () => {
      const introspection = await gateway.graphql(`{ __type(name: "Organization") { fields { name } } }`);
      expect(introspection.data.__type.fields.map((field: { name: string }) => field.name)).not.toContain('widgetSecret');
    });
  });
});
