import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiKey, ApiKeyScope } from '../../../entities/api-key.entity.js';
import { Customer } from '../../../entities/customer.entity.js';
import { generateApiKeySecret } from '../../../gateway/auth/api-key-secret.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/**
 * Issue 14: a key scoped [CONVERSATIONS_READ] read every customer's phone number and email
 * through `conversations { customer { … } }` and the inbox search, while `customers` was
 * FORBIDDEN to it. Contact details need customers:read wherever a Customer is reached.
 */

const INBOX = `query ($search: String) {
  conversations(first: 50, filter: { search: $search }) {
    edges { node { id customer { id name phone email externalId } lastMessage { sender { ... on Customer { name phone } } } } }
  }
}`;

let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let conversationsOnly: string;
let conversationsAndCustomers: string;
let conversationId: string;

async function keyWith(scopes: ApiKeyScope[]): Promise<string> {
  const secret = generateApiKeySecret();
  await gateway.dataSource.manager.insert(ApiKey, {
    organizationId: pharmacy.organization.id,
    name: `Contact ${scopes.join(' ')}`,
    prefix: secret.displayPrefix,
    secretHash: secret.hash,
    scopes,
  });
  return secret.secret;
}

beforeAll(async () => {
  gateway = await startTestGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'contact');
  await gateway.dataSource.manager.update(Customer, { id: pharmacy.customers[0].id }, { email: 'alice@example.test', externalId: 'store-42' });
  const started = await gateway.graphql(
    `mutation ($customerId: ID!) { startConversation(input: { customerId: $customerId, subject: "Repeat prescription" }) { id } }`,
    { customerId: pharmacy.customers[0].id },
    pharmacy.tokens.admin,
  );
  conversationId = started.data.startConversation.id;
  const sent = await gateway.graphql(
    `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
    { input: { conversationId, body: 'Is it ready?', clientMessageId: nextClientMessageId() } },
    pharmacy.tokens.customer,
  );
  expect(sent.errors).toBeUndefined();
  conversationsOnly = await keyWith([ApiKeyScope.CONVERSATIONS_READ]);
  conversationsAndCustomers = await keyWith([ApiKeyScope.CONVERSATIONS_READ, ApiKeyScope.CUSTOMERS_READ]);
});
afterAll(() => gateway.dispose());

const aliceIn = (response: any) => response.data.conversations.edges.find((edge: any) => edge.node.id === conversationId).node;

describe("customers' contact details", () => {
  it('are FORBIDDEN, naming customers:read, to a key with conversations:read only; the name stays', async () => {
    const response = await gateway.graphql(INBOX, {}, conversationsOnly);
    const alice = aliceIn(response);
    expect(alice.customer).toEqual({ id: pharmacy.customers[0].id, name: pharmacy.customers[0].name, phone: null, email: null, externalId: null });
    expect(alice.lastMessage.sender).toEqual({ name: pharmacy.customers[0].name, phone: null });
    expect(JSON.stringify(response.data)).not.toContain('+316');
    expect(response.errors?.length).toBeGreaterThan(0);
    for (const error of response.errors!) {
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['customers:read'] });
      expect(['phone', 'email', 'externalId']).toContain(error.path!.at(-1));
    }
  });

  it('are read by a key with customers:read, by staff and by the customer themselves', async () => {
    for (const token of [conversationsAndCustomers, pharmacy.tokens.pharmacist]) {
      const response = await gateway.graphql(INBOX, {}, token);
      expect(response.errors).toBeUndefined();
      expect(aliceIn(response).customer).toMatchObject({ phone: '+31612345678', email: 'alice@example.test', externalId: 'store-42' });
    }
    const own = await gateway.graphql(INBOX, {}, pharmacy.tokens.customer);
    expect(own.errors).toBeUndefined();
    expect(aliceIn(own).customer).toMatchObject({ phone: '+31612345678', email: 'alice@example.test' });
    expect(aliceIn(own).lastMessage.sender).toEqual({ name: pharmacy.customers[0].name, phone: '+31612345678' });
  });

  it('are FORBIDDEN in live conversation events to a key with conversations:read only', async () => {
    const subscriber = connectSubscriber(gateway.wsUrl, conversationsOnly);
    try {
      // afterSequence: 0 replays the customer's message, so no waiting for the subscription to start.
      const events = subscriber.subscribe(
        `subscription ($id: ID!) { conversationEvents(conversationId: $id, afterSequence: 0) { message { sender { ... on Customer { name phone } } } } }`,
        { id: conversationId },
      );
      const event = await events.next();
      expect(event.data?.conversationEvents.message.sender).toEqual({ name: pharmacy.customers[0].name, phone: null });
      expect(event.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['customers:read'] });
    } finally {
      await subscriber.dispose();
    }
  });
});

describe('the inbox search by phone number', () => {
  const found = (response: any) => response.data.conversations.edges.map((edge: any) => edge.node.id);

  it('is FORBIDDEN, naming customers:read, to a key without it', async () => {
    for (const search of ['+3161', '06 1234', '+31 (6) 12-34']) {
      const response = await gateway.graphql(INBOX, { search }, conversationsOnly);
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', missingScopes: ['customers:read'] });
    }
  });

  it('still matches names for that key', async () => {
    const response = await gateway.graphql(`query ($search: String) { conversations(filter: { search: $search }) { edges { node { id } } } }`, { search: 'Alice' }, conversationsOnly);
    expect(response.errors).toBeUndefined();
    expect(found(response)).toEqual([conversationId]);
  });

  it('matches phone numbers for a key with customers:read, for staff, and for the customer', async () => {
    for (const token of [conversationsAndCustomers, pharmacy.tokens.pharmacist, pharmacy.tokens.customer]) {
      const response = await gateway.graphql(`query ($search: String) { conversations(filter: { search: $search }) { edges { node { id } } } }`, { search: '+3161234' }, token);
      expect(response.errors).toBeUndefined();
      expect(found(response)).toEqual([conversationId]);
    }
  });
});
