import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { quietStatementCount } from '../../support/quiet-statements.js';
import { quietSessions, startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

/**
 * The answer to a send resolves on the row the send wrote, and what the send knows of it —
 * the files it stored, no reactions yet, the sender's name — costs no statement there.
 */
let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let conversationId: string;

const SEND = (selection: string) => `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { ${selection} } }`;

async function statementsOfSend(selection: string): Promise<number> {
  const before = await quietStatementCount(gateway.queries);
  const answer = await gateway.graphql(SEND(selection), { input: { conversationId, body: 'Your prescription is ready', clientMessageId: nextClientMessageId() } }, pharmacy.tokens.pharmacist);
  expect(answer.errors).toBeUndefined();
  return (await quietStatementCount(gateway.queries)) - before;
}

beforeAll(async () => {
  gateway = await startTestGateway({ config: withoutBackgroundWork, sessions: quietSessions });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'message-append');
  conversationId = (await gateway.graphql(`mutation { startConversation(input: { subject: "Repeat" }) { id } }`, {}, pharmacy.tokens.customer)).data.startConversation.id;
  // The pharmacist's name is now among the recent senders.
  await statementsOfSend('id');
});

afterAll(() => gateway?.dispose());

describe("a send's answer", () => {
  it('selects attachments, reactions and the sender’s name for no more statements than its id', async () => {
    const bare = await statementsOfSend('id');
    const withRelations = await statementsOfSend('id attachments { id fileName } reactions { id emoji } sender { __typename ... on StaffMember { name } }');
    expect(withRelations).toBe(bare);
  });
});

describe("a send's round trips", () => {
  it('writes the message, its webhook event and the writer’s read position in one round trip: a reply waits on 4 in all', async () => {
    await quietStatementCount(gateway.queries);
    const before = gateway.queries.roundTrips;
    const answer = await gateway.graphql(SEND('id sequence'), { input: { conversationId, body: 'Collect it today', clientMessageId: nextClientMessageId() } }, pharmacy.tokens.pharmacist);
    expect(answer.errors).toBeUndefined();
    await quietStatementCount(gateway.queries);
    // START with the conversation's lock; the insert, the outbox and the read position; COMMIT; and the read audit of the answer's body.
    expect(gateway.queries.roundTrips - before).toBeLessThanOrEqual(4);
    // The read position moved with it: the pharmacist has read their own reply.
    const [position] = await gateway.dataSource.query(`SELECT last_read_sequence FROM participant WHERE conversation_id = $1 AND actor_id = $2`, [conversationId, pharmacy.pharmacist.id]);
    expect(position.last_read_sequence).toBe(answer.data.sendMessage.sequence);
  });
});
