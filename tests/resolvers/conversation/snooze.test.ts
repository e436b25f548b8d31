import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Clock } from '../../../gateway/notifications/clock.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { threadSteps } from '../../support/thread-steps.js';
import { connectSubscriber, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { waitUntil } from '../../support/wait-until.js';

/**
 * Snoozing (issue 19): a thread leaves the working inbox until a time and comes back to Open
 * through the job queue. Time moves by the injectable clock and the queue's pending jobs are
 * made due, as in the away-customer tests: nothing waits an hour.
 */
const HOUR_MS = 3_600_000;
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };

describe('snoozing a conversation', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let otherPharmacy: PharmacyFixture;
  const sockets: TestSubscriber[] = [];

  const { send, ...steps } = threadSteps(() => gateway);
  const startThread = (subject: string) => steps.startThread(pharmacy.tokens.customer, { subject });
  const snooze = (conversationId: string, until: Date, token = pharmacy.tokens.pharmacist) =>
    gateway.graphql(
      `mutation ($input: SnoozeConversationInput!) { snoozeConversation(input: $input) { id status snoozedUntil } }`,
      { input: { conversationId, until: until.toISOString() } },
      token,
    );
  const openTab = async () =>
    ((await gateway.graphql(`{ conversations(first: 100, filter: { status: [OPEN], snoozed: false }) { edges { node { id } } } }`, {}, pharmacy.tokens.pharmacist)).data.conversations
      .edges as { node: { id: string } }[]).map((edge) => edge.node.id);
  const snoozedTab = async () =>
    ((await gateway.graphql(`{ conversations(first: 100, filter: { snoozed: true }) { edges { node { id } } } }`, {}, pharmacy.tokens.pharmacist)).data.conversations
      .edges as { node: { id: string } }[]).map((edge) => edge.node.id);
  const state = async (conversationId: string) =>
    (
      await gateway.graphql(
        `query ($id: ID!) { conversation(id: $id) { status snoozedUntil messages(last: 5) { edges { node { kind visibility systemEvent { type } } } } } }`,
        { id: conversationId },
        pharmacy.tokens.pharmacist,
      )
    ).data.conversation;

  /** Every job waiting for later is due now; then until none is due or running. */
  async function runDueJobs() {
    await gateway.dataSource.query(`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE locked_at IS NULL AND run_at > now()`);
    await waitUntil('the job queue to settle', async () => {
      const [row] = await gateway.dataSource.query(
        `SELECT count(*)::int AS busy FROM graphile_worker._private_jobs WHERE (run_at <= now() AND attempts < max_attempts) OR locked_at IS NOT NULL`,
      );
      return row.busy === 0;
    });
  }

  beforeAll(async () => {
    gateway = await startTestGateway({ config: { notifications: { clock }, jobs: { concurrency: 1, pollIntervalMs: 100 } } });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'snooze');
    otherPharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'snooze-other');
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await gateway.dispose();
  });

  it('leaves the Open tab until its time, then comes back to Open through the job queue, live', async () => {
    offsetMs = 0;
    const conversationId = await startThread('Snooze until later');
    await send(pharmacy.tokens.customer, conversationId, 'Can you call me back this afternoon?');
    await gateway.graphql(`mutation ($id: ID!) { setConversationStatus(input: { conversationId: $id, status: PENDING }) { id } }`, { id: conversationId }, pharmacy.tokens.pharmacist);
    const until = new Date(Date.now() + HOUR_MS);
    const snoozed = await snooze(conversationId, until);
    expect(snoozed.errors).toBeUndefined();
    expect(snoozed.data.snoozeConversation).toMatchObject({ status: 'PENDING', snoozedUntil: until.toISOString() });
    expect(await snoozedTab()).toContain(conversationId);
    expect(await openTab()).not.toContain(conversationId);
    // The customer never hears that their thread waits.
    const customerView = await gateway.graphql(`query ($id: ID!) { conversation(id: $id) { snoozedUntil messages(last: 5) { edges { node { systemEvent { type } } } } } }`, { id: conversationId }, pharmacy.tokens.customer);
    expect(customerView.data.conversation.snoozedUntil).toBeNull();
    expect(JSON.stringify(customerView.data.conversation.messages)).not.toContain('SNOOZED');
    const customerFilter = await gateway.graphql(`{ conversations(filter: { snoozed: true }) { totalCount } }`, {}, pharmacy.tokens.customer);
    expect(customerFilter.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    // Due too early (a job woken before its time): the snooze holds.
    await runDueJobs();
    expect((await state(conversationId)).snoozedUntil).toBe(until.toISOString());

    const socket = connectSubscriber(gateway.wsUrl, pharmacy.tokens.admin);
    sockets.push(socket);
    const inbox = socket.subscribe(`subscription { inboxEvents { id status snoozedUntil } }`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    offsetMs = HOUR_MS + 1_000;
    await runDueJobs();
    const woken = await state(conversationId);
    expect(woken).toMatchObject({ status: 'OPEN', snoozedUntil: null });
    const events = woken.messages.edges.map((edge: { node: { systemEvent: { type: string } | null; visibility: string } }) => edge.node.systemEvent?.type);
    expect(events.slice(-2)).toEqual(['UNSNOOZED', 'STATUS_CHANGED']);
    expect(await openTab()).toContain(conversationId);
    expect(await snoozedTab()).not.toContain(conversationId);
    // One event per transaction, with the row's final state.
    expect((await inbox.next()).data?.inboxEvents).toEqual({ id: conversationId, status: 'OPEN', snoozedUntil: null });
  });

  it('wakes up at once when the customer writes', async () => {
    offsetMs = 0;
    const conversationId = await startThread('Customer wakes it');
    await send(pharmacy.tokens.customer, conversationId, 'Question');
    await snooze(conversationId, new Date(Date.now() + 24 * HOUR_MS));
    expect(await openTab()).not.toContain(conversationId);
    await send(pharmacy.tokens.customer, conversationId, 'Any news?');
    expect((await state(conversationId)).snoozedUntil).toBeNull();
    expect(await openTab()).toContain(conversationId);
  });

  it('snoozing again moves the one wake-up; unsnoozing and resolving end it', async () => {
    offsetMs = 0;
    const conversationId = await startThread('Resnooze');
    await snooze(conversationId, new Date(Date.now() + HOUR_MS));
    const later = new Date(Date.now() + 3 * HOUR_MS);
    await snooze(conversationId, later);
    const [jobs] = await gateway.dataSource.query(`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE key = $1`, [`snooze:${conversationId}`]);
    expect(jobs.n).toBe(1);
    offsetMs = HOUR_MS + 1_000;
    await runDueJobs();
    expect((await state(conversationId)).snoozedUntil).toBe(later.toISOString());

    const unsnoozed = await gateway.graphql(`mutation ($id: ID!) { unsnoozeConversation(input: { conversationId: $id }) { status snoozedUntil } }`, { id: conversationId }, pharmacy.tokens.pharmacist);
    expect(unsnoozed.data.unsnoozeConversation).toEqual({ status: 'OPEN', snoozedUntil: null });

    await snooze(conversationId, new Date(Date.now() + 10 * HOUR_MS));
    await gateway.graphql(`mutation ($id: ID!) { setConversationStatus(input: { conversationId: $id, status: RESOLVED }) { id } }`, { id: conversationId }, pharmacy.tokens.pharmacist);
    offsetMs = 11 * HOUR_MS;
    await runDueJobs();
    // Resolving ended the snooze: the wake-up finds nothing to bring back.
    expect(await state(conversationId)).toMatchObject({ status: 'RESOLVED', snoozedUntil: null });
  });

  it('refuses times in the past or more than a year away, finished threads, non-staff and another pharmacy’s id', async () => {
    offsetMs = 0;
    const conversationId = await startThread('Bad snoozes');
    const code = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;
    expect(code(await snooze(conversationId, new Date(Date.now() - 60_000)))).toBe('BAD_USER_INPUT');
    expect(code(await snooze(conversationId, new Date(Date.now() + 400 * 24 * HOUR_MS)))).toBe('BAD_USER_INPUT');
    const invalid = await gateway.graphql(`mutation { snoozeConversation(input: { conversationId: "${conversationId}", until: "tomorrow" }) { id } }`, {}, pharmacy.tokens.pharmacist);
    expect(invalid.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(code(await snooze(conversationId, new Date(Date.now() + HOUR_MS), pharmacy.tokens.customer))).toBe('FORBIDDEN');
    expect(code(await snooze(conversationId, new Date(Date.now() + HOUR_MS), pharmacy.tokens.partnerWrite))).toBe('FORBIDDEN');
    expect(code(await snooze(conversationId, new Date(Date.now() + HOUR_MS), otherPharmacy.tokens.pharmacist))).toBe('NOT_FOUND');
    const other = await gateway.graphql(`mutation ($id: ID!) { unsnoozeConversation(input: { conversationId: $id }) { id } }`, { id: conversationId }, otherPharmacy.tokens.pharmacist);
    expect(code(other)).toBe('NOT_FOUND');
    await gateway.graphql(`mutation ($id: ID!) { setConversationStatus(input: { conversationId: $id, status: CLOSED }) { id } }`, { id: conversationId }, pharmacy.tokens.pharmacist);
    expect(code(await snooze(conversationId, new Date(Date.now() + HOUR_MS)))).toBe('BAD_USER_INPUT');
  });
});
