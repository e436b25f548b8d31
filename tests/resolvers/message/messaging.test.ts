import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const SEND = `mutation ($input: SendMessageInput!) {
  sendMessage(input: $input) { id sequence body clientMessageId sender { __typename } }
}`;
const UNREAD = `query ($id: ID!) { conversation(id: $id) { unreadCount lastSequence messageCount } }`;
const MARK_READ = `mutation ($input: MarkConversationReadInput!) { markConversationRead(input: $input) { unreadCount } }`;
const THREAD = `query ($id: ID!) {
  conversation(id: $id) { status assignee { id } messages(last: 100) { edges { node {
    sequence kind body systemEvent { type from to } sender { __typename }
  } } } }
}`;

describe('sending and reading messages', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;

  const startThread = async (token: string, input: Record<string, unknown> = {}) =>
    (await gateway.graphql(`mutation ($input: StartConversationInput!) { startConversation(input: $input) { id } }`, { input }, token)).data
      .startConversation.id as string;
  const send = (token: string, conversationId: string, body: string, clientMessageId = nextClientMessageId()) =>
    gateway.graphql(SEND, { input: { conversationId, body, clientMessageId } }, token);
  const unread = async (token: string, id: string) => (await gateway.graphql(UNREAD, { id }, token)).data.conversation.unreadCount;

  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'counter');
  });
  afterAll(() => gateway.dispose());

  describe('idempotency and order', () => {
    it('returns the original message when the same sender retries a client message id', async () => {
      const conversationId = await startThread(pharmacy.tokens.customer, { subject: 'Retry' });
      const first = await send(pharmacy.tokens.customer, conversationId, 'Is my prescription ready?', 'retry-1');
      const retry = await send(pharmacy.tokens.customer, conversationId, 'Is my prescription ready?', 'retry-1');
      expect(retry.data.sendMessage).toEqual(first.data.sendMessage);
      const thread = await gateway.graphql(UNREAD, { id: conversationId }, pharmacy.tokens.pharmacist);
      expect(thread.data.conversation).toMatchObject({ lastSequence: 1, messageCount: 1 });
    });

    it('keeps the same client message id from different senders apart', async () => {
      const conversationId = await startThread(pharmacy.tokens.customer, { subject: 'Shared id' });
      const fromCustomer = await send(pharmacy.tokens.customer, conversationId, 'Hello', 'shared-id');
      const fromStaff = await send(pharmacy.tokens.pharmacist, conversationId, 'Hi there', 'shared-id');
      expect(fromStaff.data.sendMessage.id).not.toBe(fromCustomer.data.sendMessage.id);
      expect(fromStaff.data.sendMessage.sequence).toBe(2);
    });

    it('numbers concurrent sends 1…N without gaps or duplicates, retries included', async () => {
      const conversationId = await startThread(pharmacy.tokens.customer, { subject: 'Concurrent' });
      const sends = Array.from({ length: 30 }, (_, index) =>
        send(index % 2 ? pharmacy.tokens.pharmacist : pharmacy.tokens.customer, conversationId, `Message ${index}`, `concurrent-${index % 20}-${index % 2}`),
      );
      const results = await Promise.all(sends);
      expect(results.every((result) => result.errors === undefined)).toBe(true);
      const distinct = new Map(results.map((result) => [result.data.sendMessage.id, result.data.sendMessage.sequence]));
      expect([...distinct.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: distinct.size }, (_, index) => index + 1));
      expect(distinct.size).toBe(20);
      // Commit order equals sequence order: creation times never go backwards as sequences rise.
      const rows: { sequence: number; created_at: Date }[] = await gateway.dataSource.query(
        'SELECT sequence, created_at FROM message WHERE conversation_id = $1 ORDER BY sequence',
        [conversationId],
      );
      for (let index = 1; index < rows.length; index += 1) {
        expect(rows[index]!.created_at.getTime()).toBeGreaterThanOrEqual(rows[index - 1]!.created_at.getTime());
      }
    });
  });

  describe('unread counts', () => {
    it('counts the other side’s messages per viewer until each marks them read', async () => {
      const conversationId = await startThread(pharmacy.tokens.customer, { subject: 'Unread' });
      await send(pharmacy.tokens.customer, conversationId, 'One');
      await send(pharmacy.tokens.customer, conversationId, 'Two');
      expect(await unread(pharmacy.tokens.pharmacist, conversationId)).toBe(2);
      expect(await unread(pharmacy.tokens.admin, conversationId)).toBe(2);
      expect(await unread(pharmacy.tokens.customer, conversationId)).toBe(0);

      await send(pharmacy.tokens.pharmacist, conversationId, 'Reply');
      // Writing means having read everything before: the pharmacist is caught up, the admin is not.
      expect(await unread(pharmacy.tokens.pharmacist, conversationId)).toBe(0);
      expect(await unread(pharmacy.tokens.admin, conversationId)).toBe(2);
      expect(await unread(pharmacy.tokens.customer, conversationId)).toBe(1);

      const marked = await gateway.graphql(MARK_READ, { input: { conversationId, sequence: 1 } }, pharmacy.tokens.admin);
      expect(marked.data.markConversationRead.unreadCount).toBe(1);
      await gateway.graphql(MARK_READ, { input: { conversationId } }, pharmacy.tokens.admin);
      expect(await unread(pharmacy.tokens.admin, conversationId)).toBe(0);
      // The read position never moves back.
      await gateway.graphql(MARK_READ, { input: { conversationId, sequence: 1 } }, pharmacy.tokens.admin);
      expect(await unread(pharmacy.tokens.admin, conversationId)).toBe(0);
      await gateway.graphql(MARK_READ, { input: { conversationId } }, pharmacy.tokens.customer);
      expect(await unread(pharmacy.tokens.customer, conversationId)).toBe(0);
    });

    it('filters the inbox to conversations with unread messages', async () => {
      const conversationId = await startThread(pharmacy.tokens.otherCustomer, { subject: 'Unread filter' });
      await send(pharmacy.tokens.otherCustomer, conversationId, 'Anyone there?');
      const unreadIds = async () =>
        (
          await gateway.graphql(`{ conversations(first: 100, filter: { unreadOnly: true }) { edges { node { id } } } }`, {}, pharmacy.tokens.pharmacist)
        ).data.conversations.edges.map((edge: { node: { id: string } }) => edge.node.id);
      expect(await unreadIds()).toContain(conversationId);
      await gateway.graphql(MARK_READ, { input: { conversationId } }, pharmacy.tokens.pharmacist);
      expect(await unreadIds()).not.toContain(conversationId);
    });

    it('does not count deleted messages', async () => {
      const conversationId = await startThread(pharmacy.tokens.customer, { subject: 'Deleted' });
      const sent = await send(pharmacy.tokens.customer, conversationId, 'Oops, wrong chat');
      expect(await unread(pharmacy.tokens.pharmacist, conversationId)).toBe(1);
      const deleted = await gateway.graphql(
        `mutation ($id: ID!) { deleteMessage(messageId: $id) { body deletedAt sequence } }`,
        { id: sent.data.sendMessage.id },
        pharmacy.tokens.customer,
      );
      expect(deleted.data.deleteMessage).toMatchObject({ body: null, sequence: 1 });
      expect(deleted.data.deleteMessage.deletedAt).not.toBeNull();
      expect(await unread(pharmacy.tokens.pharmacist, conversationId)).toBe(0);
    });
  });

  describe('status and assignment', () => {
    it('adds a SYSTEM message for each status and assignment change, and none for a no-op', async () => {
      const conversationId = await startThread(pharmacy.tokens.customer, { subject: 'Lifecycle' });
      await send(pharmacy.tokens.customer, conversationId, 'Hello');
      const setStatus = (status: string) =>
        gateway.graphql(
          `mutation ($input: SetConversationStatusInput!) { setConversationStatus(input: $input) { status } }`,
          { input: { conversationId, status } },
          pharmacy.tokens.pharmacist,
        );
      const assign = (assigneeId: string | null) =>
        gateway.graphql(
          `mutation ($input: AssignConversationInput!) { assignConversation(input: $input) { assignee { id } } }`,
          { input: { conversationId, assigneeId } },
          pharmacy.tokens.pharmacist,
        );
      expect((await assign(pharmacy.pharmacist.id)).data.assignConversation.assignee.id).toBe(pharmacy.pharmacist.id);
      await assign(pharmacy.pharmacist.id);
      expect((await setStatus('RESOLVED')).data.setConversationStatus.status).toBe('RESOLVED');
      await setStatus('RESOLVED');
      await setStatus('OPEN');
      await assign(null);

      const thread = await gateway.graphql(THREAD, { id: conversationId }, pharmacy.tokens.pharmacist);
      expect(thread.errors).toBeUndefined();
      const messages = thread.data.conversation.messages.edges.map((edge: any) => edge.node);
      expect(messages.map((message: any) => [message.kind, message.systemEvent?.type ?? null, message.systemEvent?.to ?? null])).toEqual([
        ['TEXT', null, null],
        ['SYSTEM', 'ASSIGNEE_CHANGED', pharmacy.pharmacist.id],
        ['SYSTEM', 'STATUS_CHANGED', 'RESOLVED'],
        ['SYSTEM', 'STATUS_CHANGED', 'OPEN'],
        ['SYSTEM', 'ASSIGNEE_CHANGED', null],
      ]);
      expect(messages.slice(1).every((message: any) => message.sender === null)).toBe(true);
      expect(messages.map((message: any) => message.sequence)).toEqual([1, 2, 3, 4, 5]);

      // The customer is told the thread was closed and opened again; assignments are the team's.
      const customerView = await gateway.graphql(THREAD, { id: conversationId }, pharmacy.tokens.customer);
      expect(customerView.data.conversation.messages.edges.map((edge: any) => [edge.node.kind, edge.node.systemEvent?.type ?? null, edge.node.systemEvent?.to ?? null])).toEqual([
        ['TEXT', null, null],
        ['SYSTEM', 'STATUS_CHANGED', 'RESOLVED'],
        ['SYSTEM', 'STATUS_CHANGED', 'OPEN'],
      ]);
    });

    it('keeps pending, closing a resolved thread and the customer’s own reopening in the team’s view', async () => {
      const conversationId = await startThread(pharmacy.tokens.customer, { subject: 'Internal steps' });
      await send(pharmacy.tokens.customer, conversationId, 'Hello');
      const setStatus = (status: string) =>
        gateway.graphql(`mutation ($input: SetConversationStatusInput!) { setConversationStatus(input: $input) { status } }`, { input: { conversationId, status } }, pharmacy.tokens.pharmacist);
      await setStatus('PENDING');
      await setStatus('RESOLVED');
      await setStatus('CLOSED');
      await send(pharmacy.tokens.customer, conversationId, 'Still there?');
      const events = async (token: string) =>
        (await gateway.graphql(THREAD, { id: conversationId }, token)).data.conversation.messages.edges.map((edge: any) => edge.node.systemEvent?.to ?? edge.node.body);
      expect(await events(pharmacy.tokens.pharmacist)).toEqual(['Hello', 'PENDING', 'RESOLVED', 'CLOSED', 'OPEN', 'Still there?']);
      expect(await events(pharmacy.tokens.customer)).toEqual(['Hello', 'RESOLVED', 'Still there?']);
    });

    it('reopens a resolved conversation when the customer writes again', async () => {
      const conversationId = await startThread(pharmacy.tokens.customer, { subject: 'Reopen' });
      await gateway.graphql(
        `mutation ($input: SetConversationStatusInput!) { setConversationStatus(input: $input) { status } }`,
        { input: { conversationId, status: 'RESOLVED' } },
        pharmacy.tokens.pharmacist,
      );
      await send(pharmacy.tokens.customer, conversationId, 'One more question');
      const thread = await gateway.graphql(THREAD, { id: conversationId }, pharmacy.tokens.pharmacist);
      expect(thread.data.conversation.status).toBe('OPEN');
      const kinds = thread.data.conversation.messages.edges.map((edge: any) => edge.node.systemEvent?.to ?? edge.node.body);
      expect(kinds).toEqual(['RESOLVED', 'OPEN', 'One more question']);
    });

    it('does not let a customer change the status', async () => {
      const conversationId = await startThread(pharmacy.tokens.customer, { subject: 'Not yours to resolve' });
      const response = await gateway.graphql(
        `mutation ($input: SetConversationStatusInput!) { setConversationStatus(input: $input) { status } }`,
        { input: { conversationId, status: 'CLOSED' } },
        pharmacy.tokens.customer,
      );
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('threads', () => {
    it('gives a customer one default thread however often the widget asks for it', async () => {
      const ids = await Promise.all([1, 2, 3].map(() => startThread(pharmacy.tokens.otherCustomer)));
      expect(new Set(ids).size).toBe(1);
      const withSubject = await startThread(pharmacy.tokens.otherCustomer, { subject: 'Second question' });
      expect(withSubject).not.toBe(ids[0]);
    });

    it('lets a partner with the messages:write scope reply, signed as the partner app', async () => {
      const conversationId = await startThread(pharmacy.tokens.customer, { subject: 'Order 1234' });
      const sent = await send(pharmacy.tokens.partnerWrite, conversationId, 'Your order has shipped.');
      expect(sent.data.sendMessage.sender.__typename).toBe('PartnerApp');
    });

    it('edits own messages and keeps the edit time', async () => {
      const conversationId = await startThread(pharmacy.tokens.customer, { subject: 'Edit' });
      const sent = await send(pharmacy.tokens.customer, conversationId, 'Helo');
      const edited = await gateway.graphql(
        `mutation ($input: EditMessageInput!) { editMessage(input: $input) { body editedAt sequence } }`,
        { input: { messageId: sent.data.sendMessage.id, body: 'Hello' } },
        pharmacy.tokens.customer,
      );
      expect(edited.data.editMessage).toMatchObject({ body: 'Hello', sequence: 1 });
      expect(edited.data.editMessage.editedAt).not.toBeNull();
    });
  });
});
