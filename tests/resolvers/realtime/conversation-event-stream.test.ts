import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { openProtocolSocket } from '../../support/protocol-socket.js';
import { startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

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
