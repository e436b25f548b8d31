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
