import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Organization } from '../../../entities/organization.entity.js';
import { defaultOrganizationSettings } from '../../../entities/organization-settings.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { quietSessions, startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

const SEARCH = `query ($query: String!, $first: Int, $after: String, $conversationId: ID, $customerId: ID, $from: DateTimeISO, $to: DateTimeISO) {
  searchMessages(query: $query, first: $first, after: $after, conversationId: $conversationId, customerId: $customerId, from: $from, to: $to) {
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node {
      rank
      snippet { text highlighted }
      message { id body kind }
      conversation { id subject customer { id } }
    } }
  }
}`;

type Hit = { rank: number; snippet: { text: string; highlighted: boolean }[]; message: { id: string; body: string }; conversation: { id: string; subject: string; customer: { id: string } } };

describe('searchMessages', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let other: PharmacyFixture;
  /** customers[0]'s thread and customers[1]'s thread in `pharmacy`, and one in `other`. */
  let aliceThread: string;
  let bobThread: string;
  let otherThread: string;

  const startThread = async (token: string, subject: string) =>
    (await gateway.graphql(`mutation ($input: StartConversationInput!) { startConversation(input: $input) { id } }`, { input: { subject } }, token))
      .data.startConversation.id as string;
  const send = async (token: string, conversationId: string, body: string) => {
    const response = await gateway.graphql(
      `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
      { input: { conversationId, body, clientMessageId: nextClientMessageId() } },
      token,
    );
    expect(response.errors).toBeUndefined();
    return response.data.sendMessage.id as string;
  };
  const search = async (token: string, variables: Record<string, unknown>) => {
    const response = await gateway.graphql(SEARCH, variables, token);
    expect(response.errors).toBeUndefined();
    return response.data.searchMessages as { pageInfo: any; edges: { cursor: string; node: Hit }[] };
  };
  const bodies = async (token: string, query: string) => (await search(token, { query, first: 50 })).edges.map((edge) => edge.node.message.body);

  beforeAll(async () => {
    gateway = await startTestGateway({ config: withoutBackgroundWork, sessions: quietSessions });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'searching');
    other = await createPharmacy(gateway.dataSource, gateway.tokens, 'elsewhere');
    // Stemming follows the organization's language, stored per message at insert.
    for (const organization of [pharmacy.organization, other.organization]) {
      await gateway.dataSource.getRepository(Organization).update(organization.id, {
        settings: { ...defaultOrganizationSettings, language: 'english' },
      });
    }
    aliceThread = await startThread(pharmacy.tokens.customer, 'Alice asks');
    bobThread = await startThread(pharmacy.tokens.otherCustomer, 'Bob asks');
    otherThread = await startThread(other.tokens.customer, 'Elsewhere');
    await send(pharmacy.tokens.customer, aliceThread, 'Can I renew my prescription for blood pressure tablets?');
    await send(pharmacy.tokens.pharmacist, aliceThread, 'Your blood test came back fine. We checked the pressure in the clinic yesterday.');
    await send(pharmacy.tokens.customer, aliceThread, 'Do you stock ibuprofen and paracetamol?');
    await send(pharmacy.tokens.customer, aliceThread, 'Do you stock ibuprofen gel?');
    await send(pharmacy.tokens.otherCustomer, bobThread, 'Bob here: is my prescription ready? Also ask about unicorn vitamins.');
    await send(other.tokens.customer, otherThread, 'Elsewhere prescription question about unicorn vitamins');
  });
  afterAll(() => gateway.dispose());

  describe('ranking', () => {
    it('ranks a message where the terms stand together above one where they are far apart', async () => {
      const result = await search(pharmacy.tokens.pharmacist, { query: 'blood pressure' });
      expect(result.edges.map((edge) => edge.node.message.body)).toEqual([
        'Can I renew my prescription for blood pressure tablets?',
        'Your blood test came back fine. We checked the pressure in the clinic yesterday.',
      ]);
      expect(result.edges[0]!.node.rank).toBeGreaterThan(result.edges[1]!.node.rank);
    });

    it('ranks a message matching more of the alternatives first', async () => {
      expect(await bodies(pharmacy.tokens.pharmacist, 'ibuprofen or paracetamol')).toEqual([
        'Do you stock ibuprofen and paracetamol?',
        'Do you stock ibuprofen gel?',
      ]);
    });

    it("stems in the pharmacy's language: prescriptions finds prescription", async () => {
      const found = await bodies(pharmacy.tokens.pharmacist, 'prescriptions');
      expect(found.sort()).toEqual([
        'Bob here: is my prescription ready? Also ask about unicorn vitamins.',
        'Can I renew my prescription for blood pressure tablets?',
      ]);
    });

    it('supports phrases and exclusions', async () => {
      expect(await bodies(pharmacy.tokens.pharmacist, '"pressure tablets"')).toEqual(['Can I renew my prescription for blood pressure tablets?']);
      expect(await bodies(pharmacy.tokens.pharmacist, 'ibuprofen -gel')).toEqual(['Do you stock ibuprofen and paracetamol?']);
    });

    it('highlights the matching words in a snippet of plain-text parts', async () => {
      const [hit] = (await search(pharmacy.tokens.pharmacist, { query: 'tablets' })).edges;
      expect(hit!.node.snippet.filter((part) => part.highlighted).map((part) => part.text)).toEqual(['tablets']);
      expect(hit!.node.snippet.map((part) => part.text).join('')).toBe('renew my prescription for blood pressure tablets');
      expect(hit!.node.snippet.at(-1)).toEqual({ text: 'tablets', highlighted: true });
    });

    it('returns the conversation of each hit', async () => {
      const [hit] = (await search(pharmacy.tokens.pharmacist, { query: 'paracetamol' })).edges;
      expect(hit!.node.conversation).toEqual({ id: aliceThread, subject: 'Alice asks', customer: { id: pharmacy.customers[0].id } });
    });

    it("can't be tricked into highlighting by the highlight markers or markup in a message", async () => {
      const body = '<b>bold</b> claim about \uE000aspirin\uE001 and \uE000ginger\uE001';
      await send(pharmacy.tokens.customer, aliceThread, body);
      const [hit] = (await search(pharmacy.tokens.pharmacist, { query: 'aspirin' })).edges;
      expect(hit!.node.snippet.filter((part) => part.highlighted).map((part) => part.text)).toEqual(['aspirin']);
      expect(hit!.node.snippet.some((part) => /[\uE000\uE001<>]/.test(part.text))).toBe(false);
      // PostgreSQL's parser treats tag-like text as markup and leaves it out of headlines; the body is intact.
      expect(hit!.node.message.body).toBe(body);
    });
  });

  describe('scoping', () => {
    it('shows staff and partners their own pharmacy only', async () => {
      for (const token of [pharmacy.tokens.admin, pharmacy.tokens.pharmacist, pharmacy.tokens.partnerRead]) {
        expect((await bodies(token, 'unicorn')).sort()).toEqual(['Bob here: is my prescription ready? Also ask about unicorn vitamins.']);
      }
      expect(await bodies(other.tokens.pharmacist, 'unicorn')).toEqual(['Elsewhere prescription question about unicorn vitamins']);
    });

    it('shows a customer only their own conversations', async () => {
      expect(await bodies(pharmacy.tokens.customer, 'unicorn')).toEqual([]);
      expect(await bodies(pharmacy.tokens.customer, 'prescription')).toEqual(['Can I renew my prescription for blood pressure tablets?']);
      expect(await bodies(pharmacy.tokens.otherCustomer, 'prescription')).toEqual([
        'Bob here: is my prescription ready? Also ask about unicorn vitamins.',
      ]);
    });

    it("finds nothing when filtering by another pharmacy's or another customer's ids", async () => {
      const staff = pharmacy.tokens.pharmacist;
      expect((await search(staff, { query: 'unicorn', conversationId: otherThread })).edges).toEqual([]);
      expect((await search(staff, { query: 'unicorn', customerId: other.customers[0].id })).edges).toEqual([]);
      expect((await search(pharmacy.tokens.customer, { query: 'prescription', conversationId: bobThread })).edges).toEqual([]);
      expect((await search(pharmacy.tokens.customer, { query: 'prescription', customerId: pharmacy.customers[1].id })).edges).toEqual([]);
    });

    it('narrows to a conversation or a customer', async () => {
      const staff = pharmacy.tokens.pharmacist;
      const inBob = await search(staff, { query: 'prescription', conversationId: bobThread });
      expect(inBob.edges.map((edge) => edge.node.conversation.id)).toEqual([bobThread]);
      const ofAlice = await search(staff, { query: 'prescription', customerId: pharmacy.customers[0].id });
      expect(ofAlice.edges.map((edge) => edge.node.conversation.id)).toEqual([aliceThread]);
    });

    it('requires a signed-in viewer', async () => {
      const response = await gateway.graphql(SEARCH, { query: 'prescription' });
      expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('language', () => {
    it('indexes with simple (no stemming) when the language is missing or unknown, without failing the send', async () => {
      const repository = gateway.dataSource.getRepository(Organization);
      const thread = await startThread(other.tokens.otherCustomer, 'Languages');
      await repository.update(other.organization.id, { settings: { ...defaultOrganizationSettings, language: undefined } });
      await send(other.tokens.otherCustomer, thread, 'Two refills needed');
      await repository.update(other.organization.id, { settings: { ...defaultOrganizationSettings, language: "english'; DROP TABLE message; --" as never } });
      await send(other.tokens.otherCustomer, thread, 'Three refills needed');
      const configs = await gateway.dataSource.query(`SELECT DISTINCT search_config::text AS config FROM message WHERE conversation_id = $1`, [thread]);
      expect(configs).toEqual([{ config: 'simple' }]);
      // Searched with simple too: the exact word matches, and a word that only stems alike does not
      // (english would search "refilled" as the prefix 'refil', which starts 'refills').
      expect(await bodies(other.tokens.pharmacist, 'refills')).toHaveLength(2);
      expect(await bodies(other.tokens.pharmacist, 'refilled')).toEqual([]);
    });

    it('keeps the language a message was written in, and searches with the current one', async () => {
      const repository = gateway.dataSource.getRepository(Organization);
      const thread = await startThread(other.tokens.otherCustomer, 'Dutch');
      await repository.update(other.organization.id, { settings: { ...defaultOrganizationSettings, language: 'dutch' } });
      await send(other.tokens.otherCustomer, thread, 'Ik heb mijn medicijnen nodig');
      expect(await bodies(other.tokens.pharmacist, 'medicijn')).toEqual(['Ik heb mijn medicijnen nodig']);
      await repository.update(other.organization.id, { settings: { ...defaultOrganizationSettings, language: 'english' } });
    });
  });

  describe('partial words and dates', () => {
    let wholeWord: string;
    let partialWord: string;
    let levo: string;
    beforeAll(async () => {
      wholeWord = await send(pharmacy.tokens.customer, aliceThread, 'My neighbour says I should ask you whether the insulin can travel in hand luggage on a long flight');
      partialWord = await send(pharmacy.tokens.otherCustomer, bobThread, 'Insulinpen insulinpen broken');
      levo = await send(pharmacy.tokens.customer, aliceThread, 'Levothyroxine 50 mcg, same as last time');
      // Written long ago, for the date range.
      await gateway.dataSource.query(`UPDATE message SET created_at = '2025-03-01T10:00:00Z' WHERE id = $1`, [levo]);
    });
    const ids = async (token: string, variables: Record<string, unknown>) => (await search(token, { first: 50, ...variables })).edges.map((edge) => edge.node.message.id);

    it('finds a word by its start: insul finds insulin, Levo finds Levothyroxine', async () => {
      expect((await ids(pharmacy.tokens.pharmacist, { query: 'insul' })).sort()).toEqual([wholeWord, partialWord].sort());
      expect(await ids(pharmacy.tokens.pharmacist, { query: 'Levo' })).toEqual([levo]);
      const [hit] = (await search(pharmacy.tokens.pharmacist, { query: 'Levo' })).edges;
      expect(hit!.node.snippet.filter((part) => part.highlighted).map((part) => part.text)).toEqual(['Levothyroxine']);
    });

    it('ranks whole-word matches above partial ones, whatever their cover density', async () => {
      const found = await search(pharmacy.tokens.pharmacist, { query: 'insulin', first: 50 });
      expect(found.edges.map((edge) => edge.node.message.id)).toEqual([wholeWord, partialWord]);
      // The short message that says it twice is the denser match: only the whole word puts the other first.
      expect(found.edges[1]!.node.rank).toBeGreaterThan(found.edges[0]!.node.rank);
    });

    it('keeps one- and two-letter words whole: they would match most messages', async () => {
      expect(await bodies(pharmacy.tokens.pharmacist, 'le')).toEqual([]);
    });

    it('narrows to messages written between from and to', async () => {
      const since2026 = await ids(pharmacy.tokens.pharmacist, { query: 'Levo or insul', from: '2026-01-01T00:00:00Z' });
      expect(since2026.sort()).toEqual([wholeWord, partialWord].sort());
      expect(await ids(pharmacy.tokens.pharmacist, { query: 'Levo or insul', to: '2025-12-31T23:59:59Z' })).toEqual([levo]);
      expect(await ids(pharmacy.tokens.pharmacist, { query: 'Levo', from: '2025-03-01T10:00:00Z', to: '2025-03-01T10:00:00Z' })).toEqual([levo]);
    });

    it('rejects a range that ends before it starts as BAD_USER_INPUT', async () => {
      const response = await gateway.graphql(SEARCH, { query: 'insul', from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, pharmacy.tokens.pharmacist);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
      const malformed = await gateway.graphql(SEARCH, { query: 'insul', from: 'yesterday' }, pharmacy.tokens.pharmacist);
      expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it("never shows a customer the team's notes, whole or partial words", async () => {
      const note = await gateway.graphql(
        `mutation ($input: WriteNoteInput!) { writeNote(input: $input) { id } }`,
        { input: { conversationId: aliceThread, body: 'Insulinresistance suspected, check with GP', clientMessageId: nextClientMessageId() } },
        pharmacy.tokens.pharmacist,
      );
      expect(note.errors).toBeUndefined();
      for (const query of ['insul', 'insulinresistance', 'suspected', 'GP']) {
        expect(await bodies(pharmacy.tokens.customer, query)).not.toContain('Insulinresistance suspected, check with GP');
      }
    });

    it('records a read of each conversation whose messages it returned', async () => {
      // The admin reads nothing else here, so the entries after the search are the search's.
      const reader = pharmacy.admin;
      const entries = async () =>
        (await gateway.dataSource.query(`SELECT object_id FROM audit_event WHERE action = 'MESSAGES_READ' AND actor_id = $1 ORDER BY created_at, id`, [reader.id])).map(
          (row: { object_id: string }) => row.object_id,
        ) as string[];
      const before = await entries();
      await search(pharmacy.tokens.admin, { query: 'insul', from: '2026-01-01T00:00:00Z' });
      const deadline = Date.now() + 5000;
      while ((await entries()).length === before.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const added = (await entries()).slice(before.length);
      expect(added.sort()).toEqual([aliceThread, bobThread].sort());
    });
  });

  describe('what is not searched', () => {
    it('drops deleted messages', async () => {
      const id = await send(pharmacy.tokens.customer, aliceThread, 'Please forget the zebrafish question');
      expect(await bodies(pharmacy.tokens.pharmacist, 'zebrafish')).toHaveLength(1);
      const deleted = await gateway.graphql(`mutation ($id: ID!) { deleteMessage(messageId: $id) { id } }`, { id }, pharmacy.tokens.customer);
      expect(deleted.errors).toBeUndefined();
      expect(await bodies(pharmacy.tokens.pharmacist, 'zebrafish')).toEqual([]);
    });

    it('re-indexes edited messages', async () => {
      const id = await send(pharmacy.tokens.customer, aliceThread, 'Typo: amoxicilin');
      await gateway.graphql(`mutation ($id: ID!) { editMessage(input: { messageId: $id, body: "Fixed: amoxicillin" }) { id } }`, { id }, pharmacy.tokens.customer);
      expect(await bodies(pharmacy.tokens.pharmacist, 'amoxicilin')).toEqual([]);
      expect(await bodies(pharmacy.tokens.pharmacist, 'amoxicillin')).toEqual(['Fixed: amoxicillin']);
    });

    it('leaves out SYSTEM messages', async () => {
      await gateway.graphql(
        `mutation ($id: ID!) { setConversationStatus(input: { conversationId: $id, status: PENDING }) { id } }`,
        { id: bobThread },
        pharmacy.tokens.pharmacist,
      );
      const system = await gateway.dataSource.query(`SELECT body FROM message WHERE conversation_id = $1 AND kind = 'SYSTEM'`, [bobThread]);
      expect(system).toHaveLength(1);
      const words = String(system[0].body).split(/\W+/).filter((word) => word.length > 3);
      for (const word of words) expect(await bodies(pharmacy.tokens.pharmacist, word)).not.toContain(system[0].body);
    });
  });

  describe('statements', () => {
    it('uses a fixed number of statements however many hits there are', async () => {
      const QUERY = `query ($query: String!) { searchMessages(query: $query, first: 50) { edges { node {
        snippet { text } message { id sender { __typename ... on Customer { name } ... on StaffMember { name } } }
        conversation { id customer { name } }
      } } } }`;
      const reads = async () =>
        Number((await gateway.dataSource.query(`SELECT count(*) AS reads FROM audit_event WHERE action = 'MESSAGES_READ' AND actor_id = $1`, [pharmacy.pharmacist.id]))[0].reads);
      const count = async (query: string) => {
        const readsBefore = await reads();
        const before = gateway.queries.count;
        const response = await gateway.graphql(QUERY, { query }, pharmacy.tokens.pharmacist);
        expect(response.errors).toBeUndefined();
        // The search is a read: its audit entries are written just after the response; count that statement too.
        const deadline = Date.now() + 5000;
        while ((await reads()) === readsBefore && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        return { hits: response.data.searchMessages.edges.length, statements: gateway.queries.count - before };
      };
      // Both with a customer's and a staff member's message, so both actor loaders run.
      const few = await count('tablets or checked');
      const many = await count('ibuprofen or blood or prescription');
      expect(few.hits).toBe(2);
      expect(many.hits).toBeGreaterThan(4);
      expect(many.statements).toBe(few.statements);
    });
  });

  describe('paging', () => {
    it('pages through hits with opaque cursors', async () => {
      for (let index = 0; index < 5; index++) await send(pharmacy.tokens.customer, aliceThread, `Refill number ${index} of my inhaler`);
      const first = await search(pharmacy.tokens.pharmacist, { query: 'inhaler', first: 2 });
      expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
      const second = await search(pharmacy.tokens.pharmacist, { query: 'inhaler', first: 2, after: first.pageInfo.endCursor });
      const third = await search(pharmacy.tokens.pharmacist, { query: 'inhaler', first: 2, after: second.pageInfo.endCursor });
      expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
      const ids = [...first.edges, ...second.edges, ...third.edges].map((edge) => edge.node.message.id);
      expect(new Set(ids).size).toBe(5);
      // Equal ranks: newest first.
      expect([...first.edges, ...second.edges, ...third.edges].map((edge) => edge.node.message.body)[0]).toBe('Refill number 4 of my inhaler');
    });
  });

  describe('bad input', () => {
    it.each([
      ['an empty query', { query: '' }, 'query'],
      ['a whitespace query', { query: '   \t ' }, 'query'],
      ['a too long query', { query: 'x'.repeat(201) }, 'query'],
      ['a too large page', { query: 'x', first: 51 }, 'first'],
      ['a negative page', { query: 'x', first: -1 }, 'first'],
      ['a made-up cursor', { query: 'x', after: 'bm9wZQ' }, 'after'],
      ['a cursor past the depth limit', { query: 'x', after: Buffer.from(JSON.stringify(['messageSearch', 501])).toString('base64url') }, 'after'],
      ['a malformed conversation id', { query: 'x', conversationId: 'nope' }, 'conversationId'],
      ['a malformed customer id', { query: 'x', customerId: 'nope' }, 'customerId'],
    ])('rejects %s as BAD_USER_INPUT', async (_, variables, field) => {
      const response = await gateway.graphql(SEARCH, variables, pharmacy.tokens.pharmacist);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('finds nothing, without an error, for a query of stop words only', async () => {
      expect(await bodies(pharmacy.tokens.pharmacist, 'the and of')).toEqual([]);
    });
  });
});

describe('message search index', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ config: withoutBackgroundWork, sessions: quietSessions });
  });
  afterAll(() => gateway.dispose());

  it('serves the organization and the text query from one GIN index', async () => {
    const plan = await gateway.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const organizationId = '00000000-0000-4000-8000-000000000000';
      const rows = await manager.query(
        `EXPLAIN SELECT id FROM message
          WHERE organization_id = $1 AND kind = 'TEXT'
            AND search_vector @@ websearch_to_tsquery(organization_search_config($1), 'prescription')`,
        [organizationId],
      );
      return rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('message_search_idx');
    expect(plan).toMatch(/Index Cond: \(\(organization_id = .*search_vector @@/s);
  });

  it('serves partial words from the same index at 100k messages', async () => {
    const pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'seeded');
    const thread = (await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, pharmacy.tokens.customer)).data.startConversation.id as string;
    // One message in a hundred names the drug; every message has a word of its own (a realistic vocabulary).
    await gateway.dataSource.query(
      `INSERT INTO message (organization_id, conversation_id, sequence, kind, sender_type, sender_id, body)
       SELECT $1, $2, 1000 + g, 'TEXT', 'CUSTOMER', $3,
              CASE WHEN g % 100 = 0 THEN 'Levothyroxine refill, order ' ELSE 'Question about my order ' END || md5(g::text)
         FROM generate_series(1, 100000) g`,
      [pharmacy.organization.id, thread, pharmacy.customers[0].id],
    );
    await gateway.dataSource.query(`ANALYZE message`);
    const plan = await gateway.dataSource.transaction(async (manager) => {
      // As the matcher runs it: the tenant's id is known, the query's lexemes are prefixes.
      const rows = await manager.query(
        `EXPLAIN (ANALYZE, COSTS OFF) SELECT id FROM message
          WHERE organization_id = $1 AND kind = 'TEXT'
            AND search_vector @@ message_search_query(organization_search_config($1), 'Levo', true)`,
        [pharmacy.organization.id],
      );
      return rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('message_search_idx');
    expect(plan).toMatch(/Bitmap Index Scan on message_search_idx.*\n\s*Index Cond: \(\(organization_id = .*search_vector @@ message_search_query\(/);
    // Every Levothyroxine message, and nothing else, out of the index.
    expect(plan).toMatch(/Bitmap Index Scan on message_search_idx \(actual time=[\d.]+ rows=1000(\.00)? /);
  });
});
