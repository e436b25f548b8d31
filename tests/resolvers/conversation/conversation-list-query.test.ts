import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/**
 * The team's view of unread (issue 20, point 19): `awaitingReply` lists the conversations
 * whose newest message is the customer's, whichever colleague answers, while `unreadOnly`
 * stays each viewer's own.
 */
describe('conversations awaiting the pharmacy’s reply', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let otherPharmacy: PharmacyFixture;

  const startThread = async (token: string, subject: string) =>
    (await gateway.graphql(`mutation ($input: StartConversationInput!) { startConversation(input: $input) { id } }`, { input: { subject } }, token)).data.startConversation
      .id as string;
  const send = async (token: string, conversationId: string, body: string) => {
    const response = await gateway.graphql(
      `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
      { input: { conversationId, body, clientMessageId: nextClientMessageId() } },
      token,
    );
    expect(response.errors).toBeUndefined();
    return response.data.sendMessage.id as string;
  };
  const listed = async (token: string, filter: Record<string, unknown>) => {
    const response = await gateway.graphql(`query ($filter: ConversationFilter) { conversations(first: 100, filter: $filter) { totalCount edges { node { id } } } }`, { filter }, token);
    expect(response.errors).toBeUndefined();
    return { ids: response.data.conversations.edges.map((edge: { node: { id: string } }) => edge.node.id) as string[], total: response.data.conversations.totalCount as number };
  };
  const setStatus = (conversationId: string, status: string) =>
    gateway.graphql(`mutation ($input: SetConversationStatusInput!) { setConversationStatus(input: $input) { id } }`, { input: { conversationId, status } }, pharmacy.tokens.admin);

  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'awaiting');
    otherPharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'awaiting-other');
  });
  afterAll(() => gateway.dispose());

  it('leaves a thread a colleague answered, though the viewer has not read it', async () => {
    const conversationId = await startThread(pharmacy.tokens.customer, 'Colleague answered');
    await send(pharmacy.tokens.customer, conversationId, 'Is my prescription ready?');
    expect((await listed(pharmacy.tokens.pharmacist, { awaitingReply: true })).ids).toContain(conversationId);

    await send(pharmacy.tokens.admin, conversationId, 'Yes, it is ready.');
    // The pharmacist never read it: still unread for them, but nobody waits for an answer.
    expect((await listed(pharmacy.tokens.pharmacist, { unreadOnly: true })).ids).toContain(conversationId);
    expect((await listed(pharmacy.tokens.pharmacist, { awaitingReply: true })).ids).not.toContain(conversationId);

    await send(pharmacy.tokens.customer, conversationId, 'Thanks, one more question.');
    expect((await listed(pharmacy.tokens.pharmacist, { awaitingReply: true })).ids).toContain(conversationId);
  });

  it('looks past status changes and deleted answers, and leaves resolved threads out', async () => {
    const conversationId = await startThread(pharmacy.tokens.customer, 'Status and deletions');
    await send(pharmacy.tokens.customer, conversationId, 'Do you deliver?');
    // A SYSTEM message is newer, but the customer's question is still unanswered.
    await setStatus(conversationId, 'PENDING');
    expect((await listed(pharmacy.tokens.admin, { awaitingReply: true })).ids).toContain(conversationId);

    const answer = await send(pharmacy.tokens.admin, conversationId, 'We do.');
    expect((await listed(pharmacy.tokens.admin, { awaitingReply: true })).ids).not.toContain(conversationId);
    await gateway.graphql(`mutation ($id: ID!) { deleteMessage(messageId: $id) { id } }`, { id: answer }, pharmacy.tokens.admin);
    expect((await listed(pharmacy.tokens.admin, { awaitingReply: true })).ids).toContain(conversationId);

    await setStatus(conversationId, 'RESOLVED');
    expect((await listed(pharmacy.tokens.admin, { awaitingReply: true })).ids).not.toContain(conversationId);
  });

  it('counts the same for every colleague and combines with other filters', async () => {
    const forAdmin = await listed(pharmacy.tokens.admin, { awaitingReply: true });
    const forPharmacist = await listed(pharmacy.tokens.pharmacist, { awaitingReply: true });
    expect(forPharmacist.total).toBe(forAdmin.total);
    expect(forAdmin.total).toBe(forAdmin.ids.length);
    expect((await listed(pharmacy.tokens.admin, { awaitingReply: true, assignedToMe: true })).total).toBe(0);
  });

  it("never lists another pharmacy's conversations", async () => {
    const conversationId = await startThread(otherPharmacy.tokens.customer, 'Elsewhere');
    await send(otherPharmacy.tokens.customer, conversationId, 'Hello?');
    expect((await listed(pharmacy.tokens.admin, { awaitingReply: true })).ids).not.toContain(conversationId);
    expect((await listed(otherPharmacy.tokens.admin, { awaitingReply: true })).ids).toEqual([conversationId]);
  });

  it('refuses a value that is not a boolean as bad input', async () => {
    const response = await gateway.graphql(`{ conversations(first: 1, filter: { awaitingReply: "yes" }) { totalCount } }`, {}, pharmacy.tokens.admin);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('searching the inbox by subject', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let otherPharmacy: PharmacyFixture;
  const startThread = async (token: string, subject: string) =>
    (await gateway.graphql(`mutation ($input: StartConversationInput!) { startConversation(input: $input) { id } }`, { input: { subject } }, token)).data.startConversation
      .id as string;
  const found = async (token: string, search: string) =>
    (await gateway.graphql(`query ($search: String) { conversations(first: 50, filter: { search: $search }) { edges { node { id } } } }`, { search }, token)).data.conversations.edges.map(
      (edge: { node: { id: string } }) => edge.node.id,
    ) as string[];

  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'subjects');
    otherPharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'subjects-other');
  });
  afterAll(() => gateway.dispose());

  it('finds a thread by part of its subject for staff, not in another pharmacy, with LIKE characters taken literally', async () => {
    const mine = await startThread(pharmacy.tokens.customer, 'Repeat prescription: insulin pens');
    const elsewhere = await startThread(otherPharmacy.tokens.customer, 'Repeat prescription elsewhere');
    expect(await found(pharmacy.tokens.pharmacist, 'prescription: ins')).toEqual([mine]);
    expect(await found(pharmacy.tokens.pharmacist, 'Repeat')).not.toContain(elsewhere);
    expect(await found(pharmacy.tokens.pharmacist, '%')).toEqual([]);
  });

  it('leaves partner keys matching names only', async () => {
    await startThread(pharmacy.tokens.customer, 'Vaccination appointment');
    expect(await found(pharmacy.tokens.partnerRead, 'Vaccination')).toEqual([]);
  });
});
