import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { defaultRateLimitRules } from '../../../gateway/rate-limits/rate-limits.js';
import { readCallSettings } from '../../../gateway/calls/call-settings.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, testRedisUrl, type TestGateway } from '../../support/test-gateway.js';
import { ANSWER, CANDIDATE, EVENTS, JOIN, LEAVE, MEDIA, OFFER, SAMPLE_SDP, startCall, startThread } from './call-operations.js';

const TURN_SECRET = 'north-turn-secret';
const ICE_SERVERS = 'stun:stun.example.org:3478, turn:turn.example.org:3478?transport=udp,turns:turn.example.org:5349';

/** Offers, answers, ICE candidates and media state: to the other side of the call only, validated, never stored. */
describe('call signalling', () => {
  let gateway: TestGateway;
  let north: PharmacyFixture;
  const subscribers: TestSubscriber[] = [];
  const connect = (token: string, on: TestGateway = gateway) => {
    const subscriber = connectSubscriber(on.wsUrl, token);
    subscribers.push(subscriber);
    return subscriber;
  };
  /** Subscribed, with the call's current state (the first event) taken. */
  const listen = async (token: string, callId: string, on: TestGateway = gateway) => {
    const events = connect(token, on).subscribe(EVENTS, { id: callId });
    expect((await events.next()).data?.callEvents.kind).toBe('STATE');
    return events;
  };

  beforeAll(async () => {
    gateway = await startTestGateway({ config: { calls: readCallSettings({ ICE_SERVERS, TURN_SECRET }) } });
    north = await createPharmacy(gateway.dataSource, gateway.tokens, 'north-signals');
  });
  afterEach(async () => {
    await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
  });
  afterAll(() => gateway.dispose());

  it("delivers each side's signals to the other side only", async () => {
    const conversationId = await startThread(gateway, north);
    const callId = await startCall(gateway, north.tokens.pharmacist, conversationId);
    const staff = await listen(north.tokens.pharmacist, callId);
    const colleague = await listen(north.tokens.admin, callId);
    const customer = await listen(north.tokens.customer, callId);
    await gateway.graphql(JOIN, { id: callId }, north.tokens.customer);
    for (const events of [staff, colleague]) {
      expect((await events.next()).data?.callEvents).toMatchObject({ kind: 'STATE', call: { state: 'ACTIVE' } });
      expect((await events.next()).data?.callEvents.kind).toBe('JOINED');
    }
    expect((await customer.next()).data?.callEvents).toMatchObject({ kind: 'STATE', call: { state: 'ACTIVE' } });

    expect((await gateway.graphql(OFFER, { input: { callId, sdp: SAMPLE_SDP } }, north.tokens.customer)).data?.sendCallOffer).toBe(true);
    expect((await staff.next()).data?.callEvents).toMatchObject({ kind: 'OFFER', side: 'CUSTOMER', sdp: SAMPLE_SDP, from: { __typename: 'Customer' } });
    expect((await colleague.next()).data?.callEvents.kind).toBe('OFFER');

    const answerSdp = SAMPLE_SDP.replace('a=sendrecv', 'a=recvonly');
    await gateway.graphql(ANSWER, { input: { callId, sdp: answerSdp } }, north.tokens.pharmacist);
    expect((await customer.next()).data?.callEvents).toMatchObject({ kind: 'ANSWER', side: 'TEAM', sdp: answerSdp, from: { __typename: 'StaffMember', id: north.pharmacist.id } });

    const candidate = { candidate: 'candidate:842163049 1 udp 1677729535 192.0.2.7 46154 typ srflx raddr 0.0.0.0 rport 0 generation 0', sdpMid: '0', sdpMLineIndex: 0 };
    await gateway.graphql(CANDIDATE, { input: { callId, ...candidate } }, north.tokens.pharmacist);
    expect((await customer.next()).data?.callEvents).toMatchObject({ kind: 'ICE_CANDIDATE', candidate });
    await gateway.graphql(MEDIA, { input: { callId, audioMuted: true, videoMuted: false, screenSharing: true } }, north.tokens.pharmacist);
    expect((await customer.next()).data?.callEvents).toMatchObject({ kind: 'MEDIA', media: { audioMuted: true, videoMuted: false, screenSharing: true } });

    // Nobody hears their own side's signals.
    await Promise.all([staff.expectNothing(200), colleague.expectNothing(0), customer.expectNothing(0)]);
    await gateway.graphql(LEAVE, { id: callId }, north.tokens.pharmacist);
    expect((await customer.next()).data?.callEvents).toMatchObject({ kind: 'STATE', call: { state: 'ENDED' } });
  });

  it('never stores a signal', async () => {
    const conversationId = await startThread(gateway, north);
    const callId = await startCall(gateway, north.tokens.pharmacist, conversationId);
    const marker = 'a=x-never-stored-7d1f';
    await gateway.graphql(OFFER, { input: { callId, sdp: SAMPLE_SDP + marker + '\r\n' } }, north.tokens.pharmacist);
    const [found] = await gateway.dataSource.query(
      `SELECT (SELECT count(*) FROM message WHERE body LIKE $1 OR system_event::text LIKE $1)::int AS messages,
              (SELECT count(*) FROM outbox_event WHERE payload::text LIKE $1)::int AS outbox,
              (SELECT count(*) FROM audit_event WHERE details::text LIKE $1)::int AS audit`,
      [`%${marker}%`],
    );
    expect(found).toEqual({ messages: 0, outbox: 0, audit: 0 });
    await gateway.graphql(LEAVE, { id: callId }, north.tokens.pharmacist);
  });

  describe('refusing what is not signalling', () => {
    let callId: string;
    beforeAll(async () => {
      callId = await startCall(gateway, north.tokens.pharmacist, await startThread(gateway, north));
    });
    afterAll(() => gateway.graphql(LEAVE, { id: callId }, north.tokens.pharmacist));

    it.each([
      ['oversized (70 KB)', SAMPLE_SDP + 'a=x-padding:'.padEnd(70 * 1024, 'x') + '\r\n'],
      ['just under the limit but with a control character', SAMPLE_SDP + 'a=x-bad:\u0007\r\n'],
      ['not SDP at all', 'hello pharmacist'],
      ['SDP without a media section', 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n'],
      ['lines that are not type=value', 'v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n<script>alert(1)</script>\r\n'],
    ])('refuses an SDP that is %s with BAD_USER_INPUT', async (_what, sdp) => {
      for (const mutation of [OFFER, ANSWER]) {
        const answer = await gateway.graphql(mutation, { input: { callId, sdp } }, north.tokens.customer);
        expect(answer.status).toBeLessThan(500);
        expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(answer.errors?.[0]?.extensions?.field).toBe('sdp');
      }
    });

    it.each([
      ['not a candidate', { candidate: 'hello', sdpMid: '0' }],
      ['too long', { candidate: 'candidate:'.padEnd(2000, '1'), sdpMid: '0' }],
      ['with an sdpMLineIndex out of range', { candidate: 'candidate:1 1 udp 1 192.0.2.1 1 typ host', sdpMLineIndex: 900 }],
      ['without sdpMid and sdpMLineIndex', { candidate: 'candidate:1 1 udp 1 192.0.2.1 1 typ host' }],
      ['with a control character in sdpMid', { candidate: 'candidate:1 1 udp 1 192.0.2.1 1 typ host', sdpMid: 'a\nb' }],
    ])('refuses an ICE candidate %s with BAD_USER_INPUT', async (_what, candidate) => {
      const answer = await gateway.graphql(CANDIDATE, { input: { callId, ...candidate } }, north.tokens.customer);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('accepts the end-of-candidates signal (an empty candidate)', async () => {
      const answer = await gateway.graphql(CANDIDATE, { input: { callId, candidate: '', sdpMid: '0' } }, north.tokens.customer);
      expect(answer.data?.sendIceCandidate).toBe(true);
    });
  });

  it('gives participants TURN credentials in coturn’s shared-secret scheme', async () => {
    const callId = await startCall(gateway, north.tokens.pharmacist, await startThread(gateway, north));
    const before = Math.floor(Date.now() / 1000);
    for (const token of [north.tokens.pharmacist, north.tokens.customer]) {
      const answer = await gateway.graphql(`query ($id: ID!) { call(id: $id) { iceServers { urls username credential } } }`, { id: callId }, token);
      const [stun, turn] = answer.data.call.iceServers;
      expect(stun).toEqual({ urls: ['stun:stun.example.org:3478'], username: null, credential: null });
      expect(turn.urls).toEqual(['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349']);
      const [expiry, name] = turn.username.split(':');
      expect(name).toBe(callId);
      // Four hours from now.
      expect(Number(expiry) - before).toBeGreaterThanOrEqual(4 * 3600);
      expect(Number(expiry) - before).toBeLessThanOrEqual(4 * 3600 + 5);
      expect(turn.credential).toBe(createHmac('sha1', TURN_SECRET).update(turn.username).digest('base64'));
    }
    await gateway.graphql(LEAVE, { id: callId }, north.tokens.pharmacist);
  });

  it('rate-limits signals per viewer', async () => {
    const limited = await startTestGateway({ sharing: gateway, config: { rateLimits: { ...defaultRateLimitRules, callSignalsPerViewer: { points: 5, durationSeconds: 60 } } } });
    try {
      const callId = await startCall(limited, north.tokens.admin, await startThread(limited, north));
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 6; i++) {
        const answer = await limited.graphql(CANDIDATE, { input: { callId, candidate: '', sdpMid: '0' } }, north.tokens.customer);
        codes.push(answer.errors?.[0]?.extensions?.code);
      }
      expect(codes).toEqual([undefined, undefined, undefined, undefined, undefined, 'RATE_LIMITED']);
      await limited.graphql(LEAVE, { id: callId }, north.tokens.admin);
    } finally {
      await limited.dispose();
    }
  });

  it('carries signalling between two gateway instances over Redis', async () => {
    const instanceA = await startTestGateway({ sharing: gateway, redisUrl: testRedisUrl() });
    const instanceB = await startTestGateway({ sharing: gateway, redisUrl: testRedisUrl() });
    try {
      const conversationId = await startThread(instanceA, north);
      const callId = await startCall(instanceA, north.tokens.pharmacist, conversationId);
      const staff = await listen(north.tokens.pharmacist, callId, instanceA);
      const customer = await listen(north.tokens.customer, callId, instanceB);
      await instanceB.graphql(JOIN, { id: callId }, north.tokens.customer);
      expect((await staff.next()).data?.callEvents).toMatchObject({ kind: 'STATE', call: { state: 'ACTIVE' } });
      expect((await staff.next()).data?.callEvents.kind).toBe('JOINED');
      expect((await customer.next()).data?.callEvents.call.state).toBe('ACTIVE');

      await instanceB.graphql(OFFER, { input: { callId, sdp: SAMPLE_SDP } }, north.tokens.customer);
      expect((await staff.next()).data?.callEvents).toMatchObject({ kind: 'OFFER', sdp: SAMPLE_SDP });
      await instanceA.graphql(ANSWER, { input: { callId, sdp: SAMPLE_SDP } }, north.tokens.pharmacist);
      expect((await customer.next()).data?.callEvents).toMatchObject({ kind: 'ANSWER', side: 'TEAM' });
      await instanceA.graphql(LEAVE, { id: callId }, north.tokens.pharmacist);
      expect((await customer.next()).data?.callEvents).toMatchObject({ kind: 'STATE', call: { state: 'ENDED' } });
    } finally {
      await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
      await instanceA.dispose();
      await instanceB.dispose();
    }
  });
});
