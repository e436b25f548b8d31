import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { DEFAULT_RING_TIMEOUT_MS, readCallSettings } from '../../../gateway/calls/call-settings.js';
import { CALL, DECLINE, EVENTS, JOIN, LEAVE, OFFER, SAMPLE_SDP, START, WAIT, callMessages, startCall, startThread } from './call-operations.js';

/**
 * A call's life: who may start and join it, its states, and the SYSTEM messages it leaves in
 * the thread. Partner API keys take no part in calls: no scope grants it, so every call
 * operation answers them FORBIDDEN (they still read the SYSTEM messages in the thread).
 */
describe('video calls', () => {
  let gateway: TestGateway;
  let north: PharmacyFixture;
  let south: PharmacyFixture;
  const subscribers: TestSubscriber[] = [];
  const connect = (token: string) => {
    const subscriber = connectSubscriber(gateway.wsUrl, token);
    subscribers.push(subscriber);
    return subscriber;
  };

  beforeAll(async () => {
    // The ring timeout is a second here, so a missed call is seen within the test.
    gateway = await startTestGateway({ config: { calls: { ...readCallSettings({}), ringTimeoutMs: 1000 } } });
    north = await createPharmacy(gateway.dataSource, gateway.tokens, 'north-calls');
    south = await createPharmacy(gateway.dataSource, gateway.tokens, 'south-calls');
  });
  afterEach(async () => {
    await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
  });
  afterAll(() => gateway.dispose());

  it('rings by default for a minute before a call is missed', () => {
    expect(readCallSettings({}).ringTimeoutMs).toBe(DEFAULT_RING_TIMEOUT_MS);
    expect(DEFAULT_RING_TIMEOUT_MS).toBe(60_000);
  });

  it('starts a call in a thread, says so in the thread and refuses a second one while it rings', async () => {
    const conversationId = await startThread(gateway, north);
    const started = await gateway.graphql(START, { id: conversationId }, north.tokens.pharmacist);
    expect(started.errors).toBeUndefined();
    expect(started.data.startCall).toMatchObject({ conversationId, state: 'RINGING', answeredAt: null, endedAt: null, durationSeconds: null });
    const callId = started.data.startCall.id;

    // The customer sees the invitation as a SYSTEM message naming the call.
    expect(await callMessages(gateway, north.tokens.customer, conversationId)).toEqual([
      { kind: 'SYSTEM', body: 'Video call started.', systemEvent: { type: 'CALL_STARTED', callId, durationSeconds: null } },
    ]);
    const again = await gateway.graphql(START, { id: conversationId }, north.tokens.admin);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    await gateway.graphql(LEAVE, { id: callId }, north.tokens.pharmacist);
  });

  it('goes RINGING → WAITING → ACTIVE → ENDED and writes the duration into the thread', async () => {
    const conversationId = await startThread(gateway, north);
    const callId = await startCall(gateway, north.tokens.pharmacist, conversationId);
    const staffEvents = connect(north.tokens.pharmacist).subscribe(EVENTS, { id: callId });
    expect((await staffEvents.next()).data?.callEvents).toMatchObject({ kind: 'STATE', call: { state: 'RINGING' } });

    const waiting = await gateway.graphql(WAIT, { id: callId }, north.tokens.customer);
    expect(waiting.data.enterCallWaitingRoom.state).toBe('WAITING');
    expect((await staffEvents.next()).data?.callEvents).toMatchObject({ kind: 'STATE', call: { state: 'WAITING' } });

    const joined = await gateway.graphql(JOIN, { id: callId }, north.tokens.customer);
    expect(joined.data.joinCall).toMatchObject({ state: 'ACTIVE', endedAt: null });
    expect(joined.data.joinCall.answeredAt).not.toBeNull();
    expect((await staffEvents.next()).data?.callEvents).toMatchObject({ kind: 'STATE', call: { state: 'ACTIVE' } });
    expect((await staffEvents.next()).data?.callEvents).toMatchObject({ kind: 'JOINED', side: 'CUSTOMER', from: { __typename: 'Customer', id: north.customers[0].id } });

    // As if the call had gone on for 2 minutes 5 seconds.
    await gateway.dataSource.query(`UPDATE call SET answered_at = now() - interval '125 seconds' WHERE id = $1`, [callId]);
    const left = await gateway.graphql(LEAVE, { id: callId }, north.tokens.customer);
    expect(left.data.leaveCall.state).toBe('ENDED');
    expect(left.data.leaveCall.durationSeconds).toBeGreaterThanOrEqual(125);
    expect(left.data.leaveCall.durationSeconds).toBeLessThanOrEqual(127);
    expect((await staffEvents.next()).data?.callEvents).toMatchObject({ kind: 'STATE', call: { state: 'ENDED' } });

    for (const token of [north.tokens.pharmacist, north.tokens.customer]) {
      const messages = await callMessages(gateway, token, conversationId);
      expect(messages.map((message) => message.systemEvent.type)).toEqual(['CALL_STARTED', 'CALL_ENDED']);
      expect(messages[1]!.systemEvent.durationSeconds).toBe(left.data.leaveCall.durationSeconds);
      expect(messages[1]!.body).toMatch(/^Video call ended after 2 min 0[5-7] s\.$/);
    }
    // Hanging up twice (both sides at once) is not an error; signalling after the end is.
    expect((await gateway.graphql(LEAVE, { id: callId }, north.tokens.pharmacist)).data.leaveCall.state).toBe('ENDED');
    const late = await gateway.graphql(OFFER, { input: { callId, sdp: SAMPLE_SDP } }, north.tokens.customer);
    expect(late.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await callMessages(gateway, north.tokens.pharmacist, conversationId)).toHaveLength(2);
  });

  it('lets the customer decline, with a SYSTEM message', async () => {
    const conversationId = await startThread(gateway, north);
    const callId = await startCall(gateway, north.tokens.pharmacist, conversationId);
    const declined = await gateway.graphql(DECLINE, { id: callId }, north.tokens.customer);
    expect(declined.data.declineCall).toMatchObject({ state: 'DECLINED', durationSeconds: null });
    expect((await callMessages(gateway, north.tokens.pharmacist, conversationId)).map((message) => message.systemEvent.type)).toEqual(['CALL_STARTED', 'CALL_DECLINED']);
    // Only the customer declines or waits: staff asking is a mistake, not a permission problem.
    const other = await startCall(gateway, north.tokens.pharmacist, conversationId);
    expect((await gateway.graphql(DECLINE, { id: other }, north.tokens.pharmacist)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await gateway.graphql(WAIT, { id: other }, north.tokens.admin)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await gateway.graphql(LEAVE, { id: other }, north.tokens.admin);
  });

  it('marks a call the customer never joins as MISSED after the ring timeout, on both sides', async () => {
    const conversationId = await startThread(gateway, north);
    const callId = await startCall(gateway, north.tokens.pharmacist, conversationId);
    const staffEvents = connect(north.tokens.pharmacist).subscribe(EVENTS, { id: callId });
    const customerEvents = connect(north.tokens.customer).subscribe(EVENTS, { id: callId });
    expect((await staffEvents.next()).data?.callEvents.call.state).toBe('RINGING');
    expect((await customerEvents.next()).data?.callEvents.call.state).toBe('RINGING');
    // 1 s of ringing, then the job queue's next poll (every 2 s).
    expect((await staffEvents.next(10_000)).data?.callEvents).toMatchObject({ kind: 'STATE', side: null, call: { state: 'MISSED' } });
    expect((await customerEvents.next(2_000)).data?.callEvents).toMatchObject({ kind: 'STATE', call: { state: 'MISSED' } });
    expect((await callMessages(gateway, north.tokens.customer, conversationId)).map((message) => [message.systemEvent.type, message.body])).toEqual([
      ['CALL_STARTED', 'Video call started.'],
      ['CALL_MISSED', 'Missed video call.'],
    ]);
    // Too late to join.
    expect((await gateway.graphql(JOIN, { id: callId }, north.tokens.customer)).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('leaves an answered call alone when its ring timeout comes', async () => {
    const conversationId = await startThread(gateway, north);
    const callId = await startCall(gateway, north.tokens.pharmacist, conversationId);
    await gateway.graphql(JOIN, { id: callId }, north.tokens.customer);
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect((await gateway.graphql(CALL, { id: callId }, north.tokens.pharmacist)).data.call.state).toBe('ACTIVE');
    await gateway.graphql(LEAVE, { id: callId }, north.tokens.pharmacist);
  });

  describe('who may take part', () => {
    let conversationId: string;
    let callId: string;
    beforeAll(async () => {
      conversationId = await startThread(gateway, north, 'Rash');
      callId = await startCall(gateway, north.tokens.pharmacist, conversationId);
    });
    afterAll(() => gateway.graphql(LEAVE, { id: callId }, north.tokens.pharmacist));

    it("answers NOT_FOUND to another pharmacy's staff and to another customer, as for an id that doesn't exist", async () => {
      for (const token of [south.tokens.admin, south.tokens.customer, north.tokens.otherCustomer]) {
        for (const [query, variables] of [
          [CALL, { id: callId }],
          [JOIN, { id: callId }],
          [LEAVE, { id: callId }],
          [OFFER, { input: { callId, sdp: SAMPLE_SDP } }],
        ] as const) {
          const answer = await gateway.graphql(query, variables, token);
          expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        }
        const events = connect(token).subscribe(EVENTS, { id: callId });
        expect((await events.next()).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      }
      // Nobody else can ring this thread either.
      expect((await gateway.graphql(START, { id: conversationId }, south.tokens.admin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await gateway.graphql(CALL, { id: callId }, north.tokens.pharmacist)).data.call.state).toBe('RINGING');
    });

    it('answers FORBIDDEN to partner API keys, whatever their scopes, and to customers starting calls', async () => {
      for (const token of [north.tokens.partnerRead, north.tokens.partnerWrite]) {
        for (const [query, variables] of [
          [START, { id: conversationId }],
          [CALL, { id: callId }],
          [JOIN, { id: callId }],
          [OFFER, { input: { callId, sdp: SAMPLE_SDP } }],
        ] as const) {
          expect((await gateway.graphql(query, variables, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        }
        const events = connect(token).subscribe(EVENTS, { id: callId });
        expect((await events.next()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect((await gateway.graphql(START, { id: conversationId }, north.tokens.customer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('lets any colleague of the pharmacy join the call', async () => {
      const joined = await gateway.graphql(JOIN, { id: callId }, north.tokens.admin);
      expect(joined.errors).toBeUndefined();
      expect(joined.data.joinCall.state).toBe('RINGING');
    });
  });
});
