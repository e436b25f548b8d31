import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { openProtocolSocket } from '../../support/protocol-socket.js';
import { quietStatementCount } from '../../support/quiet-statements.js';
import { ReadAuditBatches } from '../../../gateway/audit/read-audit-batches.js';
import { quietSessions, startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';
import { RequestContext, type GatewayDependencies } from '../../../gateway/context/request-context.js';
import { tenantOf, withTenant } from '../../../gateway/tenancy/tenant-context.js';
import { StaffRole } from '../../../entities/staff-user.entity.js';
import { conversationEventStream } from '../../../resolvers/realtime/conversation-event-stream.js';

const EVENTS = `subscription ($id: ID!) { conversationEvents(conversationId: $id, afterSequence: 0) { message { sequence } } }`;
/** Ten replay batches (of 200). */
const MESSAGES = 2000;

describe('a conversation replay', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let conversationId: string;

  beforeAll(async () => {
    // Nothing else on the data source: the statements counted are the replay's.
    gateway = await startTestGateway({ config: withoutBackgroundWork });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'replay');
    conversationId = (await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, pharmacy.tokens.customer)).data.startConversation.id;
    await gateway.dataSource.query(
      `INSERT INTO message (organization_id, conversation_id, sequence, kind, sender_type, sender_id, body)
       SELECT $1, $2, n, 'TEXT', 'CUSTOMER', $3, 'Message ' || n FROM generate_series(1, ${MESSAGES}) AS n`,
      [pharmacy.organization.id, conversationId, pharmacy.customers[0].id],
    );
    await gateway.dataSource.query(`UPDATE conversation SET last_sequence = $2 WHERE id = $1`, [conversationId, MESSAGES]);
  });
  afterAll(() => gateway.dispose());

  it('stops reading when the client completes the subscription mid-replay', async () => {
    const listeners = gateway.realtime.bus.listenerCount;
    const socket = openProtocolSocket(gateway.wsUrl, pharmacy.tokens.pharmacist);
    await socket.acknowledged;
    socket.subscribe('1', EVENTS, { id: conversationId });
    await socket.waitFor('the replay to start', () => socket.countOf('1') > 0);
    socket.complete('1');
    const statementsAtComplete = gateway.queries.count;
    await socket.waitFor('the stream to end', () => gateway.realtime.bus.listenerCount === listeners);
    // At most the batch already on its way (its messages, then their senders, attachments and
    // reactions); before, the replay read on through all ten.
    expect(gateway.queries.count - statementsAtComplete).toBeLessThanOrEqual(5);
    expect(socket.countOf('1')).toBeLessThan(MESSAGES);
    await socket.close();
  });
});

describe('a reconnecting subscriber', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let first: string;
  let second: string;

  beforeAll(async () => {
    gateway = await startTestGateway({ config: withoutBackgroundWork, sessions: quietSessions });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'resubscribe');
    const start = () => gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, pharmacy.tokens.customer);
    first = (await start()).data.startConversation.id;
    second = (await start()).data.startConversation.id;
  });
  afterAll(() => gateway.dispose());

  it('is checked and caught up in one transaction', async () => {
    const socket = openProtocolSocket(gateway.wsUrl, pharmacy.tokens.pharmacist);
    await socket.acknowledged;
    const CAUGHT_UP = `subscription ($id: ID!) { conversationEvents(conversationId: $id, afterSequence: 0) { message { sequence } } }`;
    const listeners = gateway.realtime.bus.listenerCount;
    const readOf = async (conversationId: string) =>
      (await gateway.dataSource.query(`SELECT 1 FROM audit_event WHERE action = 'MESSAGES_READ' AND object_id = $1`, [conversationId])).length;
    const before = gateway.queries.statements;
    socket.subscribe('1', CAUGHT_UP, { id: second });
    await socket.waitFor('the stream to listen', () => gateway.realtime.bus.listenerCount === listeners + 1);
    const deadline = Date.now() + 5_000;
    while ((await readOf(second)) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    // START TRANSACTION with the tenant's settings (two), the conversation, its messages after 0,
    // COMMIT; then the socket's read entry in its own (shared) insert: BEGIN and settings, INSERT, COMMIT.
    expect(gateway.queries.statements - before).toBe(5 + 4);
    void first;
    await socket.close();
  });

  it('stops listening when its stream is dropped before anyone pulled from it', async () => {
    const listeners = gateway.realtime.bus.listenerCount;
    const viewer = { kind: 'staff' as const, organizationId: pharmacy.organization.id, staffId: pharmacy.pharmacist.id, role: StaffRole.PHARMACIST };
    const deps = { database: gateway.database, realtime: gateway.realtime, config: { notifications: { clock: { now: () => new Date() } } } } as unknown as GatewayDependencies;
    // As the pipeline starts it: as the viewer's tenant.
    const stream = (await withTenant(tenantOf(viewer), () => conversationEventStream(new RequestContext(viewer, deps), first, 0))) as AsyncIterableIterator<unknown>;
    expect(gateway.realtime.bus.listenerCount).toBe(listeners + 1);
    await stream.return!();
    expect(gateway.realtime.bus.listenerCount).toBe(listeners);
  });
});


describe('dashboards of one pharmacy reconnecting at once', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let conversationId: string;
  const send = (body: string) =>
    gateway.graphql(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { sequence } }`, { input: { conversationId, body, clientMessageId: body } }, pharmacy.tokens.customer);

  beforeAll(async () => {
    gateway = await startTestGateway({ config: withoutBackgroundWork, sessions: quietSessions });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'shared-replays');
    conversationId = (await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, pharmacy.tokens.customer)).data.startConversation.id;
    await send('one');
    await send('two');
  });
  afterAll(() => gateway.dispose());

  /** `count` streams of staff members of the pharmacy, started in one turn of the event loop, as the pipeline starts them. */
  function startStreams(count: number, deps: GatewayDependencies, afterSequence = 0) {
    return Promise.all(
      Array.from({ length: count }, (_, index) => {
        const viewer = { kind: 'staff' as const, organizationId: pharmacy.organization.id, staffId: index % 2 ? pharmacy.admin.id : pharmacy.pharmacist.id, role: StaffRole.PHARMACIST };
        return withTenant(tenantOf(viewer), () => conversationEventStream(new RequestContext(viewer, deps), conversationId, afterSequence)) as Promise<AsyncIterableIterator<any>>;
      }),
    );
  }
  const dependencies = () => ({ database: gateway.database, realtime: gateway.realtime, config: { notifications: { clock: { now: () => new Date() } } } }) as unknown as GatewayDependencies;
  const sequencesOf = async (stream: AsyncIterableIterator<any>, count: number) => {
    const sequences: number[] = [];
    while (sequences.length < count) sequences.push((await stream.next()).value.message.sequence);
    return sequences;
  };

  it('share one check and one replay, and each gets every message', async () => {
    // As sockets' are, the streams' read-audit entries share inserts: each window below has one.
    const deps = { ...dependencies(), readBatches: new ReadAuditBatches() } as GatewayDependencies;
    let before = await quietStatementCount(gateway.queries);
    const alone = await startStreams(1, deps);
    const oneStart = (await quietStatementCount(gateway.queries)) - before;
    before = gateway.queries.count;
    const together = await startStreams(12, deps);
    // (One start's statements or fewer: the first looked up the sender's name, since remembered.)
    expect((await quietStatementCount(gateway.queries)) - before).toBeLessThanOrEqual(oneStart);
    // The replayed events are the same objects: the multiplexer resolves each once for a group of them.
    const replayed = await Promise.all(together.map(async (stream) => (await stream.next()).value));
    expect(replayed[0].message.sequence).toBe(1);
    for (const event of replayed) expect(event).toBe(replayed[0]);
    for (const stream of alone) expect(await sequencesOf(stream, 2)).toEqual([1, 2]);
    for (const stream of together) expect(await sequencesOf(stream, 1)).toEqual([2]);
    for (const stream of [...alone, ...together]) await stream.return!();
  });

  it('miss nothing sent while they start, and get nothing twice', async () => {
    const streams = startStreams(8, dependencies());
    const sent = send('three');
    const started = await streams;
    await sent;
    for (const stream of started) expect(await sequencesOf(stream, 3)).toEqual([1, 2, 3]);
    // Nothing more, nothing twice: the next a stream yields is the next message.
    await send('four');
    for (const stream of started) {
      expect(await sequencesOf(stream, 1)).toEqual([4]);
      await stream.return!();
    }
  });

  it('share nothing with another pharmacy, which is told the conversation does not exist', async () => {
    const other = await createPharmacy(gateway.dataSource, gateway.tokens, 'shared-replays-other');
    const deps = dependencies();
    const stranger = { kind: 'staff' as const, organizationId: other.organization.id, staffId: other.pharmacist.id, role: StaffRole.PHARMACIST };
    const [own, foreign] = await Promise.allSettled([
      startStreams(1, deps).then(([stream]) => stream!),
      withTenant(tenantOf(stranger), () => conversationEventStream(new RequestContext(stranger, deps), conversationId, 0)),
    ]);
    expect(own.status).toBe('fulfilled');
    expect(foreign).toMatchObject({ status: 'rejected', reason: { extensions: { code: 'NOT_FOUND' } } });
    if (own.status === 'fulfilled') await own.value.return!();
  });
});
