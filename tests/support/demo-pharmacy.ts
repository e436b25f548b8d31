import type { GatewayProcess } from './gateway-process.js';

/** The demo staff (see README), as `seedDemoPharmacy` leaves them. */
export const DEMO_STAFF = ['anna@demo-pharmacy.test', 'ben@demo-pharmacy.test'] as const;
const DEMO_PASSWORD = 'counterchat-demo';

/** Someone who sends into a conversation: a staff member or the conversation's customer. */
export interface ConversationMember {
  name: string;
  token: string;
  conversationId: string;
}

/** Fails with the response when an operation did not succeed: setup must not silently go on. */
export async function expectData<T = any>(gateway: GatewayProcess, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await gateway.graphql<T>(query, variables, token);
  if (response.errors || !response.data) throw new Error(`${query}\nfailed: ${JSON.stringify(response)}`);
  return response.data;
}

/** A staff JWT for a demo account (anna is the admin). */
export async function signInDemoStaff(gateway: GatewayProcess, email: (typeof DEMO_STAFF)[number] = DEMO_STAFF[0]): Promise<string> {
  const data = await expectData(gateway, `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`, {
    email,
    password: DEMO_PASSWORD,
  });
  return data.signIn.token;
}

/**
 * A new customer with a new conversation, started by a staff member, through the API:
 * the customer (chat token) and the staff member can both write into it.
 */
export async function startCustomerConversation(gateway: GatewayProcess, staffToken: string, name: string): Promise<{ customer: ConversationMember; conversationId: string }> {
  const created = await expectData(gateway, `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com` } }, staffToken);
  const customerId = created.createCustomer.id;
  const started = await expectData(
    gateway,
    `mutation ($input: StartConversationInput!) { startConversation(input: $input) { id } }`,
    { input: { customerId, subject: `Fault test: ${name}` } },
    staffToken,
  );
  const conversationId = started.startConversation.id;
  const chat = await expectData(gateway, `mutation ($id: ID!) { issueChatToken(customerId: $id) { token } }`, { id: customerId }, staffToken);
  return { conversationId, customer: { name, token: chat.issueChatToken.token, conversationId } };
}
