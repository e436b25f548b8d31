import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { png } from '../../fixtures/sample-files.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { sendWithFiles } from '../../support/multipart-request.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const EXPORT = `mutation ($id: ID!) { exportCustomerData(customerId: $id) { customerId exportedAt data } }`;
const ERASE = `mutation ($id: ID!) { eraseCustomer(customerId: $id) { customerId conversations messages attachments } }`;

let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let conversationId: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'gdpr');
  // A partner gets webhooks: the outbox holds copies of the messages as well.
  const endpoint = await gateway.graphql(
    `mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/hooks", events: [MESSAGE_CREATED, CONVERSATION_CREATED] }) { endpoint { id } } }`,
    {},
    pharmacy.tokens.admin,
  );
  expect(endpoint.errors).toBeUndefined();
  const started = await gateway.graphql(`mutation { startConversation(input: { subject: "Allergy" }) { id } }`, {}, pharmacy.tokens.customer);
  conversationId = started.data.startConversation.id;
  await sendWithFiles(gateway.url, pharmacy.tokens.customer, { conversationId, body: 'I am allergic to penicillin', clientMessageId: nextClientMessageId() }, [
    { name: 'allergy-card.png', type: 'image/png', data: await png() },
  ]);
  await gateway.graphql(
    `mutation ($id: ID!, $c: String!) { sendMessage(input: { conversationId: $id, body: "Noted: no amoxicillin for you.", clientMessageId: $c }) { id } }`,
    { id: conversationId, c: nextClientMessageId() },
    pharmacy.tokens.pharmacist,
  );
});
afterAll(async () => {
  await gateway.dispose();
});

describe("a customer's data on request", () => {
  it('exports everything held about the customer, with working file links, and audits it', async () => {
    const response = await gateway.graphql(EXPORT, { id: pharmacy.customers[0].id }, pharmacy.tokens.admin);
    expect(response.errors).toBeUndefined();
    const { data } = response.data.exportCustomerData;
    expect(data.customer).toMatchObject({ id: pharmacy.customers[0].id, name: pharmacy.customers[0].name, phone: pharmacy.customers[0].phone });
    expect(data.conversations).toHaveLength(1);
    const [thread] = data.conversations;
    expect(thread.subject).toBe('Allergy');
    expect(thread.messages.map((message: { body: string }) => message.body)).toEqual(['I am allergic to penicillin', 'Noted: no amoxicillin for you.']);
    const [file] = thread.messages[0].attachments;
    expect(file.fileName).toBe('allergy-card.png');
    expect((await fetch(file.url)).status).toBe(200);
    const audit = await gateway.graphql(`{ auditLog(first: 5, actions: [CUSTOMER_EXPORTED]) { edges { node { objectId } } } }`, {}, pharmacy.tokens.admin);
    expect(audit.data.auditLog.edges).toEqual([{ node: { objectId: pharmacy.customers[0].id } }]);
  });

  it('is for admins only', async () => {
    for (const token of [pharmacy.tokens.pharmacist, pharmacy.tokens.partnerWrite, pharmacy.tokens.customer]) {
      expect((await gateway.graphql(EXPORT, { id: pharmacy.customers[0].id }, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await gateway.graphql(ERASE, { id: pharmacy.customers[0].id }, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('erases the texts of both sides, the files, their webhook events and the contact details, keeping tombstones, and ends their chat sessions', async () => {
    expect(JSON.stringify(await gateway.dataSource.query(`SELECT payload FROM outbox_event`))).toMatch(/penicillin/);
    // The customer is chatting: their widget socket is open and their token works.
    const widget = connectSubscriber(gateway.wsUrl, pharmacy.tokens.customer);
    const events = widget.subscribe(`subscription ($id: ID!) { conversationEvents(conversationId: $id) { conversation { id } } }`, { id: conversationId });
    const me = `{ conversations(first: 5) { totalCount } }`;
    expect((await gateway.graphql(me, {}, pharmacy.tokens.customer)).data.conversations.totalCount).toBe(1);
    const before = await gateway.graphql(EXPORT, { id: pharmacy.customers[0].id }, pharmacy.tokens.admin);
    const fileUrl = before.data.exportCustomerData.data.conversations[0].messages[0].attachments[0].url;

    const response = await gateway.graphql(ERASE, { id: pharmacy.customers[0].id }, pharmacy.tokens.admin);
    expect(response.data.eraseCustomer).toEqual({ customerId: pharmacy.customers[0].id, conversations: 1, messages: 2, attachments: 1 });

    const after = await gateway.graphql(EXPORT, { id: pharmacy.customers[0].id }, pharmacy.tokens.admin);
    const { data } = after.data.exportCustomerData;
    expect(data.customer).toMatchObject({ name: 'Erased customer', phone: null, email: null, externalId: null });
    expect(data.conversations[0].subject).toBeNull();
    expect(data.conversations[0].messages.map((message: { body: string | null; sequence: number }) => [message.sequence, message.body])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect((await fetch(fileUrl)).status).toBe(404);
    const rows = JSON.stringify(await gateway.dataSource.query(`SELECT * FROM message WHERE conversation_id = $1`, [conversationId]));
    expect(rows).not.toMatch(/penicillin|amoxicillin/);
    const outbox = JSON.stringify(await gateway.dataSource.query(`SELECT * FROM outbox_event WHERE organization_id = $1`, [pharmacy.organization.id]));
    expect(outbox).not.toMatch(/penicillin|amoxicillin|allergy-card|Allergy/);

    // Their 7-day chat token no longer works, over HTTP or a new socket, and the open socket closed.
    const refused = await gateway.graphql(me, {}, pharmacy.tokens.customer);
    expect([refused.status, refused.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(await widget.closed).toBe(4403);
    events.stop();
    const again = connectSubscriber(gateway.wsUrl, pharmacy.tokens.customer);
    expect(await again.closed).toBe(4403);
    // The other customer's token is untouched.
    expect((await gateway.graphql(me, {}, pharmacy.tokens.otherCustomer)).status).toBe(200);
  });

  it('tells open inboxes the erased threads without their subjects', async () => {
    const started = await gateway.graphql(`mutation { startConversation(input: { subject: "Insulin refill" }) { id } }`, {}, pharmacy.tokens.otherCustomer);
    const erasedThread = started.data.startConversation.id;
    const dashboard = connectSubscriber(gateway.wsUrl, pharmacy.tokens.pharmacist);
    try {
      const inbox = dashboard.subscribe(`subscription { inboxEvents { id subject } }`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await gateway.graphql(ERASE, { id: pharmacy.customers[1].id }, pharmacy.tokens.admin)).errors).toBeUndefined();
      expect((await inbox.next()).data.inboxEvents).toEqual({ id: erasedThread, subject: null });
    } finally {
      await dashboard.dispose();
    }
  });
});
