import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { threadSteps } from '../../support/thread-steps.js';
import { connectSubscriber, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/**
 * "Mark as unread" (issue 19): the viewer's read position goes back before the customer's
 * newest message, so their unread count, the unread filter and their live inbox row agree,
 * and nobody else's view changes.
 */
describe('marking a conversation unread', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let otherPharmacy: PharmacyFixture;
  const sockets: TestSubscriber[] = [];

  const { send, ...steps } = threadSteps(() => gateway);
  const startThread = (subject: string) => steps.startThread(pharmacy.tokens.customer, { subject });
  const markRead = (token: string, conversationId: string) =>
    gateway.graphql(`mutation ($id: ID!) { markConversationRead(input: { conversationId: $id }) { unreadCount } }`, { id: conversationId }, token);
  const markUnread = (token: string, conversationId: string) =>
    gateway.graphql(`mutation ($id: ID!) { markConversationUnread(input: { conversationId: $id }) { id unreadCount } }`, { id: conversationId }, token);
  const unreadIds = async (token: string) =>
    ((await gateway.graphql(`{ conversations(first: 100, filter: { unreadOnly: true }) { edges { node { id } } } }`, {}, token)).data.conversations.edges as { node: { id: string } }[]).map(
      (edge) => edge.node.id,
    );

  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'unread');
    otherPharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'unread-other');
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await gateway.dispose();
  });

  it('counts the newest customer message unread for the viewer alone, until they read it again', async () => {
    const conversationId = await startThread('Mark unread');
    await send(pharmacy.tokens.customer, conversationId, 'First question');
    await send(pharmacy.tokens.customer, conversationId, 'Second question');
    await send(pharmacy.tokens.pharmacist, conversationId, 'Looking into it');
    await markRead(pharmacy.tokens.admin, conversationId);
    expect((await markRead(pharmacy.tokens.pharmacist, conversationId)).data.markConversationRead.unreadCount).toBe(0);

    const marked = await markUnread(pharmacy.tokens.pharmacist, conversationId);
    expect(marked.errors).toBeUndefined();
    expect(marked.data.markConversationUnread.unreadCount).toBe(1);
    expect(await unreadIds(pharmacy.tokens.pharmacist)).toContain(conversationId);
    // The colleague's read position is theirs.
    expect(await unreadIds(pharmacy.tokens.admin)).not.toContain(conversationId);

    // Marking again changes nothing; reading again clears it.
    expect((await markUnread(pharmacy.tokens.pharmacist, conversationId)).data.markConversationUnread.unreadCount).toBe(1);
    expect((await markRead(pharmacy.tokens.pharmacist, conversationId)).data.markConversationRead.unreadCount).toBe(0);
    expect(await unreadIds(pharmacy.tokens.pharmacist)).not.toContain(conversationId);
  });

  it('updates the viewer’s live inbox row; a colleague’s count stays as it was', async () => {
    const conversationId = await startThread('Live unread');
    await send(pharmacy.tokens.customer, conversationId, 'Hello?');
    await markRead(pharmacy.tokens.pharmacist, conversationId);
    await markRead(pharmacy.tokens.admin, conversationId);
    const INBOX = `subscription { inboxEvents { id unreadCount } }`;
    const mine = connectSubscriber(gateway.wsUrl, pharmacy.tokens.pharmacist);
    const colleague = connectSubscriber(gateway.wsUrl, pharmacy.tokens.admin);
    sockets.push(mine, colleague);
    const myEvents = mine.subscribe(INBOX);
    const colleagueEvents = colleague.subscribe(INBOX);
    await new Promise((resolve) => setTimeout(resolve, 100));

    await markUnread(pharmacy.tokens.pharmacist, conversationId);
    expect((await myEvents.next()).data?.inboxEvents).toEqual({ id: conversationId, unreadCount: 1 });
    expect((await colleagueEvents.next()).data?.inboxEvents).toEqual({ id: conversationId, unreadCount: 0 });
  });

  it('refuses a thread with nothing from the customer, customers and partner keys, and another pharmacy’s id', async () => {
    const empty = await steps.startThread(pharmacy.tokens.pharmacist, { customerId: pharmacy.customers[1].id, subject: 'Quiet' });
    expect((await markUnread(pharmacy.tokens.pharmacist, empty)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const conversationId = await startThread('Not for customers');
    await send(pharmacy.tokens.customer, conversationId, 'Hi');
    expect((await markUnread(pharmacy.tokens.customer, conversationId)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await markUnread(pharmacy.tokens.partnerWrite, conversationId)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await markUnread(otherPharmacy.tokens.pharmacist, conversationId)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
