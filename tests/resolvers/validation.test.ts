import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../support/fixtures.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/test-gateway.js';

const SEND_MESSAGE = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id sequence body } }`;
const EDIT_MESSAGE = `mutation ($input: EditMessageInput!) { editMessage(input: $input) { id body editedAt } }`;
const DELETE_MESSAGE = `mutation ($messageId: ID!) { deleteMessage(messageId: $messageId) { id body deletedAt } }`;
const ADD_REACTION = `mutation ($messageId: ID!, $emoji: String!) { addReaction(messageId: $messageId, emoji: $emoji) { id reactions { emoji } } }`;
const MARK_READ = `mutation ($input: MarkConversationReadInput!) { markConversationRead(input: $input) { id unreadCount } }`;
const CREATE_CUSTOMER = `mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id name phone email externalId } }`;
const CONVERSATION = `query ($id: ID!) { conversation(id: $id) { id } }`;
const CUSTOMER = `query ($id: ID!) { customer(id: $id) { id } }`;

/** Everything a rejected input must leave alone: row counts and the state of every row that could be touched. */
const STATE = `
  SELECT
    (SELECT count(*) FROM customer)::int AS customers,
    (SELECT count(*) FROM conversation)::int AS conversations,
    (SELECT count(*) FROM message)::int AS messages,
    (SELECT count(*) FROM reaction)::int AS reactions,
    (SELECT count(*) FROM participant)::int AS participants,
    (SELECT md5(coalesce(string_agg(concat_ws('|', id::text, body, edited_at::text, deleted_at::text), ',' ORDER BY id), '')) FROM message) AS message_rows,
    (SELECT md5(coalesce(string_agg(concat_ws('|', id::text, last_sequence, message_count, status::text), ',' ORDER BY id), '')) FROM conversation) AS conversation_rows,
    (SELECT md5(coalesce(string_agg(concat_ws('|', id::text, last_read_sequence), ',' ORDER BY id), '')) FROM participant) AS participant_rows`;

/** Checks the first error's code (and field), and that nothing internal leaks into the response. */
function expectTypedError(response: GraphQLResponse, code: string, field?: string | RegExp) {
  const serialized = JSON.stringify(response);
  expect(serialized).not.toMatch(/stack/i);
  expect(serialized).not.toContain('QueryFailedError');
  expect(serialized).not.toContain('SELECT');
  expect(response.errors?.length).toBeGreaterThan(0);
  const error = response.errors![0]!;
  expect(error.extensions?.code).toBe(code);
  if (typeof field === 'string') expect(error.extensions?.field).toBe(field);
  if (field instanceof RegExp) expect(error.extensions?.field).toMatch(field);
  return error;
}

describe('rejecting bad input with typed errors', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let staff: string;
  let conversationId: string;
  let customerMessageId: string;
  let adminMessageId: string;
  let staffMessageId: string;

  const state = async () => ((await gateway.dataSource.query(STATE)) as Record<string, unknown>[])[0];
  /** Runs a request that must fail and checks the database is exactly as before. */
  const withoutChanges = async (request: () => Promise<GraphQLResponse>): Promise<GraphQLResponse> => {
    const before = await state();
    const response = await request();
    expect(await state()).toEqual(before);
    return response;
  };
  const send = (body: string, token = staff, target = conversationId) =>
    gateway.graphql(SEND_MESSAGE, { input: { conversationId: target, body, clientMessageId: nextClientMessageId() } }, token);
  const sendOrFail = async (body: string, token = staff): Promise<{ id: string; sequence: number; body: string }> => {
    const response = await send(body, token);
    expect(response.errors).toBeUndefined();
    return response.data.sendMessage;
  };
  const rawPost = (body: string) =>
    fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${staff}` },
      body,
    });

  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'checks');
    staff = pharmacy.tokens.pharmacist;
    const started = await gateway.graphql(
      `mutation ($input: StartConversationInput!) { startConversation(input: $input) { id } }`,
      { input: { customerId: pharmacy.customers[0].id, subject: 'Validation' } },
      staff,
    );
    expect(started.errors).toBeUndefined();
    conversationId = started.data.startConversation.id;
    customerMessageId = (await sendOrFail('Hello from the customer', pharmacy.tokens.customer)).id;
    adminMessageId = (await sendOrFail('Hello from the admin', pharmacy.tokens.admin)).id;
    staffMessageId = (await sendOrFail('Hello from the pharmacist')).id;
  });
  afterAll(() => gateway.dispose());

  describe('message bodies', () => {
    it('rejects an empty and a whitespace-only body', async () => {
      for (const body of ['', '   ', ' \n\t ']) {
        expectTypedError(await withoutChanges(() => send(body)), 'BAD_USER_INPUT', 'body');
      }
      const edit = await withoutChanges(() => gateway.graphql(EDIT_MESSAGE, { input: { messageId: staffMessageId, body: '  ' } }, staff));
      expectTypedError(edit, 'BAD_USER_INPUT', 'body');
    });

    it('rejects a body of 4,001 characters and accepts one of exactly 4,000', async () => {
      expectTypedError(await withoutChanges(() => send('a'.repeat(4001))), 'BAD_USER_INPUT', 'body');
      const edit = await withoutChanges(() =>
        gateway.graphql(EDIT_MESSAGE, { input: { messageId: staffMessageId, body: 'b'.repeat(4001) } }, staff),
      );
      expectTypedError(edit, 'BAD_USER_INPUT', 'body');
      const sent = await sendOrFail('a'.repeat(4000));
      expect(sent.body).toHaveLength(4000);
    });

    it('counts length in code points, so 4,000 emoji fit and 4,001 do not', async () => {
      const sent = await sendOrFail('😀'.repeat(4000));
      expect([...sent.body]).toHaveLength(4000);
      const [stored] = await gateway.dataSource.query(`SELECT char_length(body)::int AS length FROM message WHERE id = $1`, [sent.id]);
      expect(stored.length).toBe(4000);
      expectTypedError(await withoutChanges(() => send('😀'.repeat(4001))), 'BAD_USER_INPUT', 'body');
    });

    it('rejects a NUL character in a body instead of failing in the database', async () => {
      for (const body of ['before\u0000after', '\u0000']) {
        expectTypedError(await withoutChanges(() => send(body)), 'BAD_USER_INPUT', /^(input\.)?body$/);
      }
      const edit = await withoutChanges(() =>
        gateway.graphql(EDIT_MESSAGE, { input: { messageId: staffMessageId, body: 'nul\u0000' } }, staff),
      );
      expectTypedError(edit, 'BAD_USER_INPUT', /^(input\.)?body$/);
      const customer = await withoutChanges(() => gateway.graphql(CREATE_CUSTOMER, { input: { name: 'Nul\u0000Name' } }, staff));
      expectTypedError(customer, 'BAD_USER_INPUT', /^(input\.)?name$/);
    });
  });

  describe('other fields of a send', () => {
    it('rejects a client message id that is empty or longer than 100 characters', async () => {
      for (const clientMessageId of ['', 'c'.repeat(101)]) {
        const response = await withoutChanges(() =>
          gateway.graphql(SEND_MESSAGE, { input: { conversationId, body: 'Hello', clientMessageId } }, staff),
        );
        expectTypedError(response, 'BAD_USER_INPUT', 'clientMessageId');
      }
    });

    it('rejects a reply to a malformed id or to a message in another conversation', async () => {
      const other = await gateway.graphql(
        `mutation ($input: StartConversationInput!) { startConversation(input: $input) { id } }`,
        { input: { customerId: pharmacy.customers[1].id, subject: 'Elsewhere' } },
        staff,
      );
      const otherConversationId = other.data.startConversation.id;
      for (const replyToId of ['not-a-uuid', staffMessageId]) {
        const response = await withoutChanges(() =>
          gateway.graphql(
            SEND_MESSAGE,
            { input: { conversationId: otherConversationId, body: 'Reply', replyToId, clientMessageId: nextClientMessageId() } },
            staff,
          ),
        );
        expectTypedError(response, 'BAD_USER_INPUT', 'replyToId');
      }
    });
  });

  describe('ids', () => {
    it('rejects a malformed id naming the argument, in queries and mutations alike', async () => {
      expectTypedError(await gateway.graphql(CONVERSATION, { id: 'not-a-uuid' }, staff), 'BAD_USER_INPUT', 'id');
      expectTypedError(await gateway.graphql(CUSTOMER, { id: 'not-a-uuid' }, staff), 'BAD_USER_INPUT', 'id');
      expectTypedError(await withoutChanges(() => send('Hello', staff, 'not-a-uuid')), 'BAD_USER_INPUT', 'conversationId');
      expectTypedError(
        await withoutChanges(() => gateway.graphql(DELETE_MESSAGE, { messageId: 'not-a-uuid' }, staff)),
        'BAD_USER_INPUT',
        'messageId',
      );
      expectTypedError(
        await withoutChanges(() => gateway.graphql(EDIT_MESSAGE, { input: { messageId: 'not-a-uuid', body: 'x' } }, staff)),
        'BAD_USER_INPUT',
        'messageId',
      );
      expectTypedError(
        await withoutChanges(() => gateway.graphql(ADD_REACTION, { messageId: 'not-a-uuid', emoji: '👍' }, staff)),
        'BAD_USER_INPUT',
        'messageId',
      );
      expectTypedError(
        await withoutChanges(() => gateway.graphql(MARK_READ, { input: { conversationId: 'not-a-uuid' } }, staff)),
        'BAD_USER_INPUT',
        'conversationId',
      );
    });

    it('rejects a malformed customer id in the inbox filter', async () => {
      const response = await gateway.graphql(`query { conversations(filter: { customerId: "not-a-uuid" }) { edges { node { id } } } }`, {}, staff);
      expectTypedError(response, 'BAD_USER_INPUT', 'filter.customerId');
    });

    it('answers a well-formed id that does not exist with NOT_FOUND', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      expectTypedError(await gateway.graphql(CONVERSATION, { id: missing }, staff), 'NOT_FOUND');
      expectTypedError(await withoutChanges(() => send('Hello', staff, missing)), 'NOT_FOUND');
      expectTypedError(await withoutChanges(() => gateway.graphql(DELETE_MESSAGE, { messageId: missing }, staff)), 'NOT_FOUND');
    });
  });

  describe('customers', () => {
    it('accepts only valid phone numbers in E.164 form', async () => {
      for (const phone of ['0612345678', '+3161234', 'abc']) {
        const response = await withoutChanges(() => gateway.graphql(CREATE_CUSTOMER, { input: { name: 'Phoney', phone } }, staff));
        expectTypedError(response, 'BAD_USER_INPUT', 'phone');
      }
      const created = await gateway.graphql(CREATE_CUSTOMER, { input: { name: 'Valid Phone', phone: '+31612345678' } }, staff);
      expect(created.errors).toBeUndefined();
      expect(created.data.createCustomer).toMatchObject({ name: 'Valid Phone', phone: '+31612345678' });
    });

    it('rejects a customer name that is empty, blank or longer than 200 characters', async () => {
      for (const name of ['', 'n'.repeat(201)]) {
        const response = await withoutChanges(() => gateway.graphql(CREATE_CUSTOMER, { input: { name } }, staff));
        expectTypedError(response, 'BAD_USER_INPUT', 'name');
      }
      // Checked after trimming, as the name is stored trimmed: a blank name must not become "".
      const blank = await withoutChanges(() => gateway.graphql(CREATE_CUSTOMER, { input: { name: '   ' } }, staff));
      expectTypedError(blank, 'BAD_USER_INPUT', 'name');
    });

    it('rejects an invalid email address', async () => {
      for (const email of ['not-an-email', 'a@', '@b.test']) {
        const response = await withoutChanges(() => gateway.graphql(CREATE_CUSTOMER, { input: { name: 'Mailer', email } }, staff));
        expectTypedError(response, 'BAD_USER_INPUT', 'email');
      }
    });

    it('rejects broken Unicode (a lone surrogate) instead of storing U+FFFD or crashing a validator', async () => {
      const inputs: Record<string, string>[] = [{ name: 'Lone \ud800' }, { name: 'Mailer', email: '\udc00@example.com' }, { name: 'Shop', externalId: 'x\ud800' }];
      for (const input of inputs) {
        const field = Object.keys(input).find((key) => !input[key]!.isWellFormed())!;
        const response = await withoutChanges(() => gateway.graphql(CREATE_CUSTOMER, { input }, staff));
        expectTypedError(response, 'BAD_USER_INPUT', field);
      }
    });

    it('answers a duplicate external id with CONFLICT and keeps the first customer only', async () => {
      const first = await gateway.graphql(CREATE_CUSTOMER, { input: { name: 'Shop One', externalId: 'shop-42' } }, staff);
      expect(first.errors).toBeUndefined();
      const duplicate = await withoutChanges(() =>
        gateway.graphql(CREATE_CUSTOMER, { input: { name: 'Shop Two', externalId: 'shop-42' } }, staff),
      );
      expectTypedError(duplicate, 'CONFLICT');
      const rows = await gateway.dataSource.query(`SELECT name FROM customer WHERE external_id = 'shop-42'`);
      expect(rows).toEqual([{ name: 'Shop One' }]);
    });
  });

  describe("other people's and deleted messages", () => {
    it("forbids editing or deleting someone else's message", async () => {
      for (const messageId of [customerMessageId, adminMessageId]) {
        const edit = await withoutChanges(() => gateway.graphql(EDIT_MESSAGE, { input: { messageId, body: 'Hijacked' } }, staff));
        expectTypedError(edit, 'FORBIDDEN');
        const remove = await withoutChanges(() => gateway.graphql(DELETE_MESSAGE, { messageId }, staff));
        expectTypedError(remove, 'FORBIDDEN');
      }
      const customerTries = await withoutChanges(() =>
        gateway.graphql(EDIT_MESSAGE, { input: { messageId: staffMessageId, body: 'Hijacked' } }, pharmacy.tokens.customer),
      );
      expectTypedError(customerTries, 'FORBIDDEN');
    });

    it('rejects editing, deleting again or reacting to a deleted message', async () => {
      const doomed = await sendOrFail('Soon gone');
      const deleted = await gateway.graphql(DELETE_MESSAGE, { messageId: doomed.id }, staff);
      expect(deleted.errors).toBeUndefined();
      expect(deleted.data.deleteMessage.body).toBeNull();
      const edit = await withoutChanges(() => gateway.graphql(EDIT_MESSAGE, { input: { messageId: doomed.id, body: 'Back' } }, staff));
      expectTypedError(edit, 'BAD_USER_INPUT', 'messageId');
      expectTypedError(await withoutChanges(() => gateway.graphql(DELETE_MESSAGE, { messageId: doomed.id }, staff)), 'BAD_USER_INPUT', 'messageId');
      expectTypedError(
        await withoutChanges(() => gateway.graphql(ADD_REACTION, { messageId: doomed.id, emoji: '👍' }, staff)),
        'BAD_USER_INPUT',
        'messageId',
      );
    });
  });

  describe('reactions', () => {
    it('accepts exactly one emoji, with modifiers and joiners', async () => {
      for (const emoji of ['abc', '👍👍', '', '👍 ', 'a👍']) {
        const response = await withoutChanges(() => gateway.graphql(ADD_REACTION, { messageId: customerMessageId, emoji }, staff));
        expectTypedError(response, 'BAD_USER_INPUT', 'emoji');
      }
      for (const emoji of ['👍', '👨‍⚕️', '👍🏽', '❤️', '🇳🇱']) {
        const response = await gateway.graphql(ADD_REACTION, { messageId: customerMessageId, emoji }, staff);
        expect(response.errors).toBeUndefined();
      }
      const rows = await gateway.dataSource.query(`SELECT emoji FROM reaction WHERE message_id = $1 ORDER BY created_at`, [customerMessageId]);
      expect(rows.map((row: { emoji: string }) => row.emoji).sort()).toEqual(['👍', '👨‍⚕️', '👍🏽', '❤️', '🇳🇱'].sort());
    });
  });

  describe('read positions', () => {
    it('rejects marking read beyond the last message, or below zero', async () => {
      const [{ last_sequence: lastSequence }] = await gateway.dataSource.query(`SELECT last_sequence FROM conversation WHERE id = $1`, [conversationId]);
      for (const sequence of [lastSequence + 1, 1_000_000]) {
        const response = await withoutChanges(() => gateway.graphql(MARK_READ, { input: { conversationId, sequence } }, staff));
        expectTypedError(response, 'BAD_USER_INPUT', 'sequence');
      }
      const negative = await withoutChanges(() => gateway.graphql(MARK_READ, { input: { conversationId, sequence: -1 } }, staff));
      expectTypedError(negative, 'BAD_USER_INPUT', 'sequence');
      const upToLast = await gateway.graphql(MARK_READ, { input: { conversationId, sequence: lastSequence } }, staff);
      expect(upToLast.errors).toBeUndefined();
    });
  });

  describe('documents and requests', () => {
    it('answers a syntactically broken query with GRAPHQL_PARSE_FAILED', async () => {
      const response = await gateway.graphql(`{ viewer { kind `, {}, staff);
      expect(response.status).toBe(400);
      expectTypedError(response, 'GRAPHQL_PARSE_FAILED');
    });

    it('answers an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
      const response = await gateway.graphql(`{ viewer { kind secretField } }`, {}, staff);
      expect(response.status).toBe(400);
      expectTypedError(response, 'GRAPHQL_VALIDATION_FAILED');
    });

    it('answers a variable of the wrong type with BAD_USER_INPUT', async () => {
      const page = await gateway.graphql(`query ($first: Int) { conversations(first: $first) { totalCount } }`, { first: 'ten' }, staff);
      expectTypedError(page, 'BAD_USER_INPUT');
      const body = await withoutChanges(() =>
        gateway.graphql(SEND_MESSAGE, { input: { conversationId, body: 42, clientMessageId: nextClientMessageId() } }, staff),
      );
      expectTypedError(body, 'BAD_USER_INPUT');
      const missing = await gateway.graphql(CONVERSATION, {}, staff);
      expectTypedError(missing, 'BAD_USER_INPUT');
    });

    it('answers a body that is not JSON with 400 and a JSON errors array', async () => {
      const response = await rawPost('{oops');
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const text = await response.text();
      expect(text).not.toMatch(/<html|<pre|stack/i);
      const body = JSON.parse(text);
      expect(Array.isArray(body.errors)).toBe(true);
      expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    });

    it('answers a JSON body over 256 KB with 413 PAYLOAD_TOO_LARGE', async () => {
      const before = await state();
      const huge = JSON.stringify({
        query: SEND_MESSAGE,
        variables: { input: { conversationId, body: 'x'.repeat(300 * 1024), clientMessageId: nextClientMessageId() } },
      });
      const response = await rawPost(huge);
      expect(response.status).toBe(413);
      const text = await response.text();
      expect(text).not.toMatch(/<html|stack/i);
      expect(JSON.parse(text).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await state()).toEqual(before);
    });
  });
});
