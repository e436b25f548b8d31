import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { threadSteps } from '../../support/thread-steps.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/**
 * The inbox's sort orders (issue 19): each pages by its own keyset, so walking a list page by
 * page gives exactly the rows of one big page, in the same order.
 */
describe('conversations in order', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let otherPharmacy: PharmacyFixture;

  const { send, ...steps } = threadSteps(() => gateway);
  const startThread = (subject: string) => steps.startThread(pharmacy.tokens.customer, { subject });
  const page = async (orderBy: string, first: number, after?: string, token = pharmacy.tokens.pharmacist) => {
    const response = await gateway.graphql(
      `query ($orderBy: ConversationOrder, $first: Int, $after: String) {
        conversations(orderBy: $orderBy, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id priority waitingSince } } }
      }`,
      { orderBy, first, after },
      token,
    );
    expect(response.errors).toBeUndefined();
    return response.data.conversations as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      edges: { node: { id: string; priority: string; waitingSince: string | null } }[];
    };
  };
  /** Every row of an order, two at a time. */
  const walk = async (orderBy: string) => {
    const ids: string[] = [];
    let after: string | undefined;
    for (;;) {
      const next = await page(orderBy, 2, after);
      ids.push(...next.edges.map((edge) => edge.node.id));
      if (!next.pageInfo.hasNextPage) return ids;
      after = next.pageInfo.endCursor;
    }
  };
  const setPriority = (conversationId: string, priority: string) =>
    gateway.graphql(`mutation ($input: SetConversationPriorityInput!) { setConversationPriority(input: $input) { id } }`, { input: { conversationId, priority } }, pharmacy.tokens.pharmacist);

  const threads: Record<string, string> = {};
  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'order');
    otherPharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'order-other');
    // Oldest wait first: a, then c (answered once, then asked again), then b, then d; e is answered.
    for (const name of ['a', 'b', 'c', 'd', 'e']) threads[name] = await startThread(`Thread ${name}`);
    await send(pharmacy.tokens.customer, threads.a!, 'a1');
    await send(pharmacy.tokens.customer, threads.c!, 'c1');
    await send(pharmacy.tokens.pharmacist, threads.c!, 'answer to c1');
    await send(pharmacy.tokens.customer, threads.c!, 'c2');
    await send(pharmacy.tokens.customer, threads.b!, 'b1');
    await send(pharmacy.tokens.customer, threads.a!, 'a2');
    await send(pharmacy.tokens.customer, threads.d!, 'd1');
    await send(pharmacy.tokens.customer, threads.e!, 'e1');
    await send(pharmacy.tokens.pharmacist, threads.e!, 'answer to e1');
    await setPriority(threads.b!, 'URGENT');
    await setPriority(threads.d!, 'HIGH');
    await setPriority(threads.e!, 'LOW');
  });
  afterAll(() => gateway.dispose());

  it('lists only waiting conversations for WAITING_LONGEST, the oldest unanswered message first, page by page', async () => {
    const { ids, total } = await page('WAITING_LONGEST', 100).then((all) => ({ ids: all.edges.map((edge) => edge.node.id), total: all.totalCount }));
    expect(ids).toEqual([threads.a, threads.c, threads.b, threads.d]);
    expect(total).toBe(4);
    expect(await walk('WAITING_LONGEST')).toEqual(ids);
  });

  it('counts a wait again from the customer when the answer is deleted, and not at all once answered', async () => {
    const answer = await send(pharmacy.tokens.pharmacist, threads.a!, 'answer to a');
    expect((await page('WAITING_LONGEST', 100)).edges.map((edge) => edge.node.id)).not.toContain(threads.a);
    await gateway.graphql(`mutation ($id: ID!) { deleteMessage(messageId: $id) { id } }`, { id: answer }, pharmacy.tokens.pharmacist);
    const waiting = (await page('WAITING_LONGEST', 100)).edges;
    expect(waiting.map((edge) => edge.node.id)[0]).toBe(threads.a);
    expect(waiting[0]!.node.waitingSince).not.toBeNull();
  });

  it('puts URGENT first for PRIORITY, newest activity first within a priority, page by page', async () => {
    const ids = (await page('PRIORITY', 100)).edges.map((edge) => edge.node.id);
    expect(ids[0]).toBe(threads.b);
    expect(ids[1]).toBe(threads.d);
    expect(ids.at(-1)).toBe(threads.e);
    expect(await walk('PRIORITY')).toEqual(ids);
    expect(await walk('NEWEST_ACTIVITY')).toEqual((await page('NEWEST_ACTIVITY', 100)).edges.map((edge) => edge.node.id));
  });

  it('refuses a cursor of another order and shows another pharmacy none of these rows', async () => {
    const first = await page('PRIORITY', 1);
    const crossed = await gateway.graphql(`query ($after: String) { conversations(orderBy: WAITING_LONGEST, first: 1, after: $after) { totalCount } }`, { after: first.pageInfo.endCursor }, pharmacy.tokens.pharmacist);
    expect(crossed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await page('WAITING_LONGEST', 100, undefined, otherPharmacy.tokens.pharmacist)).totalCount).toBe(0);
    expect((await page('PRIORITY', 100, undefined, otherPharmacy.tokens.pharmacist)).totalCount).toBe(0);
  });
});
