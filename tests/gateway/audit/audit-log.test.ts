import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, FIXTURE_PASSWORD, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const AUDIT_LOG = `query ($objectId: ID, $actions: [AuditAction!]) {
  auditLog(first: 100, objectId: $objectId, actions: $actions) {
    edges { node { action objectType objectId ip details createdAt actor { __typename ... on StaffMember { id } ... on Customer { id } ... on PartnerApp { id } } } }
  }
}`;

let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let other: PharmacyFixture;
let conversationId: string;

async function entries(variables: Record<string, unknown>, token = pharmacy.tokens.admin) {
  const response = await gateway.graphql(AUDIT_LOG, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data.auditLog.edges.map((edge: { node: any }) => edge.node);
}

/** Reads are recorded just after the request that made them; give that a moment. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

beforeAll(async () => {
  gateway = await startTestGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'audit');
  other = await createPharmacy(gateway.dataSource, gateway.tokens, 'audit-other');
  const started = await gateway.graphql(
    `mutation ($customerId: ID!) { startConversation(input: { customerId: $customerId, subject: "Audit" }) { id } }`,
    { customerId: pharmacy.customers[0].id },
    pharmacy.tokens.pharmacist,
  );
  conversationId = started.data.startConversation.id;
  await gateway.graphql(
    `mutation ($id: ID!, $c: String!) { sendMessage(input: { conversationId: $id, body: "I need my insulin pens", clientMessageId: $c }) { id } }`,
    { id: conversationId, c: nextClientMessageId() },
    pharmacy.tokens.customer,
  );
});
afterAll(async () => {
  await gateway.dispose();
});

describe('the audit log', () => {
  it('records sign-ins and failed sign-ins with the client address', async () => {
    const signIn = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`;
    await gateway.graphql(signIn, { email: pharmacy.pharmacist.email, password: 'wrong' });
    await gateway.graphql(signIn, { email: pharmacy.pharmacist.email, password: FIXTURE_PASSWORD });
    const logged = await entries({ objectId: pharmacy.pharmacist.id, actions: ['SIGNED_IN', 'SIGN_IN_FAILED'] });
    expect(logged.map((entry: { action: string }) => entry.action)).toEqual(['SIGNED_IN', 'SIGN_IN_FAILED']);
    expect(logged[0].ip).toMatch(/127\.0\.0\.1/);
    expect(logged[0].actor).toEqual({ __typename: 'StaffMember', id: pharmacy.pharmacist.id });
  });

  it('records who read a conversation, once per request however many pages, and live subscriptions', async () => {
    await gateway.graphql(
      `query ($id: ID!) { a: conversation(id: $id) { messages { edges { node { id } } } } b: conversation(id: $id) { messages(last: 1) { edges { node { id } } } } }`,
      { id: conversationId },
      pharmacy.tokens.pharmacist,
    );
    const subscriber = connectSubscriber(gateway.wsUrl, pharmacy.tokens.admin);
    const events = subscriber.subscribe(`subscription ($id: ID!) { conversationEvents(conversationId: $id, afterSequence: 0) { kind } }`, { id: conversationId });
    await events.next();
    await subscriber.dispose();
    await settle();
    const reads = await entries({ objectId: conversationId, actions: ['MESSAGES_READ'] });
    // Reads are recorded after the answer is sent, so entries of requests close together may be
    // written in either order: compare them by actor.
    const byActor = (pairs: [string, unknown][]) => [...pairs].sort(([a], [b]) => a.localeCompare(b));
    expect(byActor(reads.map((entry: { actor: { id: string }; details: unknown }) => [entry.actor.id, entry.details]))).toEqual(
      byActor([
        [pharmacy.admin.id, { live: true }],
        [pharmacy.pharmacist.id, null],
        // The customer's sendMessage in beforeAll answered with a Message: that is a read too.
        [pharmacy.customers[0].id, null],
      ]),
    );
    // A socket's reads carry its client's address, as a request's do.
    expect(reads.every((entry: { ip: string | null }) => /127\.0\.0\.1/.test(entry.ip ?? ''))).toBe(true);
  });

  it('records status and assignment changes with what they changed from and to', async () => {
    await gateway.graphql(
      `mutation ($id: ID!, $me: ID!) {
        assignConversation(input: { conversationId: $id, assigneeId: $me }) { id }
        setConversationStatus(input: { conversationId: $id, status: RESOLVED }) { id }
      }`,
      { id: conversationId, me: pharmacy.pharmacist.id },
      pharmacy.tokens.pharmacist,
    );
    const changes = await entries({ objectId: conversationId, actions: ['CONVERSATION_STATUS_CHANGED', 'CONVERSATION_ASSIGNED'] });
    expect(changes.map((entry: { action: string; details: unknown }) => [entry.action, entry.details])).toEqual([
      ['CONVERSATION_STATUS_CHANGED', { from: 'OPEN', to: 'RESOLVED' }],
      ['CONVERSATION_ASSIGNED', { from: null, to: pharmacy.pharmacist.id }],
    ]);
  });

  it('records chat tokens and API keys being issued and revoked', async () => {
    await gateway.graphql(`mutation ($id: ID!) { issueChatToken(customerId: $id) { token } }`, { id: pharmacy.customers[1].id }, pharmacy.tokens.pharmacist);
    const key = await gateway.graphql(`mutation { createApiKey(input: { name: "Audit", scopes: [STAFF_READ] }) { apiKey { id } } }`, {}, pharmacy.tokens.admin);
    const keyId = key.data.createApiKey.apiKey.id;
    await gateway.graphql(`mutation ($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: keyId }, pharmacy.tokens.admin);
    expect((await entries({ objectId: pharmacy.customers[1].id, actions: ['CHAT_TOKEN_ISSUED'] }))).toHaveLength(1);
    expect((await entries({ objectId: keyId })).map((entry: { action: string }) => entry.action)).toEqual(['API_KEY_REVOKED', 'API_KEY_CREATED']);
  });

  it('never holds message text', async () => {
    const all = await entries({});
    expect(all.length).toBeGreaterThan(5);
    expect(JSON.stringify(all)).not.toContain('insulin');
  });

  it('is for admins of the pharmacy only', async () => {
    for (const token of [pharmacy.tokens.pharmacist, pharmacy.tokens.partnerWrite, pharmacy.tokens.customer]) {
      const response = await gateway.graphql(AUDIT_LOG, {}, token);
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await entries({ objectId: conversationId }, other.tokens.admin)).toEqual([]);
  });

  it('cannot be changed or deleted, even by the database user the gateway uses', async () => {
    await expect(gateway.dataSource.query(`UPDATE audit_event SET action = 'NOTHING'`)).rejects.toThrow(/append-only/);
    await expect(gateway.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(gateway.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });
});
