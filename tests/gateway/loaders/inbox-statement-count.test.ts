import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { quietSessions, startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

import { waitUntil } from '../../support/wait-until.js';
import { quietStatementCount } from '../../support/quiet-statements.js';

/** The dashboard's inbox as the bench measured it before it sent the app's own document: 20 rows with what a row shows. */
const INBOX_QUERY = `query Inbox {
  conversations(first: 20, filter: { status: [OPEN, PENDING] }) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id subject status unreadCount lastActivityAt labels { id name colour }
      customer { id name phone }
      assignee { id name }
      lastMessage { id body createdAt sender { __typename ... on StaffMember { name } ... on Customer { name } } }
    } }
  }
}`;

/** Everything the dashboard's inbox shows per row, plus the first page of each thread's messages. */
const INBOX = `query Inbox($first: Int!) {
  conversations(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id subject status priority unreadCount messageCount lastActivityAt labels { id name colour }
      customer { id name phone }
      assignee { id name }
      participants { role lastReadSequence actor { __typename ... on StaffMember { name } ... on Customer { name } } }
      lastMessage { id body sender { __typename ... on StaffMember { name } ... on Customer { name } } }
      messages(last: 5) { edges { node {
        id sequence body
        sender { __typename ... on StaffMember { name } ... on Customer { name } ... on PartnerApp { name } }
        replyTo { id }
        attachments { id }
        reactions { emoji actor { __typename } }
      } } }
    } }
  }
}`;

describe('the inbox query', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;

  /** Gives every conversation a customer message, a staff reply with a reaction, and an assignee. */
  async function seedConversations(count: number) {
    for (let index = 0; index < count; index += 1) {
      const created = await gateway.graphql(
        `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
        { input: { name: `Customer ${index}` } },
        pharmacy.tokens.pharmacist,
      );
      const customerId = created.data.createCustomer.id;
      const customerToken = (await gateway.tokens.issueChatToken({ organizationId: pharmacy.organization.id, customerId })).token;
      const started = await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, customerToken);
      const conversationId = started.data.startConversation.id;
      const send = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;
      const question = await gateway.graphql(send, { input: { conversationId, body: 'Question?', clientMessageId: nextClientMessageId() } }, customerToken);
      const answer = await gateway.graphql(
        send,
        { input: { conversationId, body: 'Answer.', clientMessageId: nextClientMessageId(), replyToId: question.data.sendMessage.id } },
        pharmacy.tokens.pharmacist,
      );
      await gateway.graphql(`mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👍") { id } }`, { id: answer.data.sendMessage.id }, customerToken);
      await gateway.graphql(
        `mutation ($input: AssignConversationInput!) { assignConversation(input: $input) { id } }`,
        { input: { conversationId, assigneeId: index % 2 ? pharmacy.admin.id : pharmacy.pharmacist.id } },
        pharmacy.tokens.pharmacist,
      );
    }
  }

  const settled = () => quietStatementCount(gateway.queries);

  async function statementsFor(first: number): Promise<number> {
    const before = await settled();
    const response = await gateway.graphql(INBOX, { first }, pharmacy.tokens.pharmacist);
    expect(response.errors).toBeUndefined();
    expect(response.data.conversations.edges).toHaveLength(first);
    return (await settled()) - before;
  }

  beforeAll(async () => {
    // No background work (webhook polling, retention) on the counted data source: only the request's statements.
    gateway = await startTestGateway({ config: withoutBackgroundWork, sessions: quietSessions });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'loaders');
    await seedConversations(50);
    // Each customer message queued a staff-alerts job: let those due run before counting (the owner's connection is not counted).
    await waitUntil('the due jobs to run', async () => Number((await gateway.dataSource.query(`SELECT count(*) FROM graphile_worker._private_jobs WHERE run_at <= now()`))[0].count) === 0, 60_000);
  }, 120_000);
  afterAll(() => gateway.dispose());

  /** What PostgreSQL receives for one request, transaction control and tenant settings included. */
  async function statementsSentFor(query: string, variables: Record<string, unknown> = {}): Promise<{ sent: number; waits: number; data: any }> {
    // Earlier requests' read entries are written a few milliseconds after their answers (ReadAuditBatches).
    await settled();
    const [before, waitsBefore] = [gateway.queries.statements, gateway.queries.roundTrips];
    const response = await gateway.graphql(query, variables, pharmacy.tokens.pharmacist);
    expect(response.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { sent: gateway.queries.statements - before, waits: gateway.queries.roundTrips - waitsBefore, data: response.data };
  }

  it("sends PostgreSQL at most 5 statements for the dashboard's inbox, BEGIN, tenant settings, the read audit and COMMIT included: each row's relations, unread count and labels come with the list", async () => {
    const { sent, waits, data } = await statementsSentFor(INBOX_QUERY);
    expect(data.conversations.edges).toHaveLength(20);
    expect(data.conversations.edges[0].node.lastMessage.id).toEqual(expect.any(String));
    expect(sent).toBeLessThanOrEqual(5);
    // The start goes with the list: the list, the read audit and the COMMIT are the only waits.
    expect(waits).toBeLessThanOrEqual(3);
  });

  it('issues the same number of SQL statements for 5 conversations as for 50', async () => {
    const forFive = await statementsFor(5);
    const forFifty = await statementsFor(50);
    expect(forFifty).toBe(forFive);
    // One per relation level, not one per row: a regression to N+1 would add dozens.
    expect(forFive).toBeLessThan(20);
  });
});
