import type { Message } from '../../entities/message.entity.js';
import { MessageKind } from '../../entities/message.entity.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import { assertId, type TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { decodeCursor, encodeCursor } from '../pagination/cursor.js';
import type { Page } from '../pagination/page.js';
import { HEADLINE_OPTIONS, parseHeadline, type SnippetPart } from './search-snippet.js';

export const SEARCH_QUERY_MAX_LENGTH = 200;
export const SEARCH_DEFAULT_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE_SIZE = 50;
/**
 * How deep paging goes. Rank order has no stable key to seek on, so pages are
 * offsets, and each page costs the rows before it: past this, refine the query.
 */
export const SEARCH_MAX_DEPTH = 500;

const CURSOR_TAG = 'messageSearch';

export interface MessageSearchRequest {
  query: string;
  first?: number | null;
  after?: string | null;
  conversationId?: string | null;
  customerId?: string | null;
  /** Only messages written at or after this instant. */
  from?: Date | null;
  /** Only messages written at or before this instant. */
  to?: Date | null;
}

export interface MessageSearchHit {
  message: Message;
  /** `ts_rank_cd` with length normalization 1 (divided by 1 + log(length)). */
  rank: number;
  snippet: SnippetPart[];
}

/**
 * Full-text search over the messages the viewer may see. One statement per page:
 * it starts from `scope.messages()` (the organization, and a customer's own
 * conversations), matches through the GIN index on (organization_id, search_vector)
 * in `counterchat_message_search_matches`, and ranks messages where the terms are whole
 * words first, then by `ts_rank_cd`, then recency. The last word of "insul" or "Levo"
 * is a prefix: partial words find messages (migration 1764100200000 says why that
 * stays an index scan).
 */
export class MessageSearchService {
  constructor(private readonly scope: TenantScope) {}

  async search(request: MessageSearchRequest): Promise<Page<MessageSearchHit>> {
    const text = request.query.trim();
    if (!text) throw badUserInput('query', 'Enter something to search for.');
    if ([...text].length > SEARCH_QUERY_MAX_LENGTH) {
      throw badUserInput('query', `A search can be at most ${SEARCH_QUERY_MAX_LENGTH} characters.`);
    }
    const first = request.first ?? SEARCH_DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 0 || first > SEARCH_MAX_PAGE_SIZE) {
      throw badUserInput('first', `"first" must be between 0 and ${SEARCH_MAX_PAGE_SIZE}.`);
    }
    const offset =
      request.after === undefined || request.after === null
        ? 0
        : (decodeCursor(request.after, CURSOR_TAG, 'after', ([value, ...rest]) =>
            rest.length === 0 && Number.isInteger(value) && (value as number) > 0 && (value as number) <= SEARCH_MAX_DEPTH,
          )[0] as number);
    const limit = Math.max(0, Math.min(first, SEARCH_MAX_DEPTH - offset));
    if (request.from && Number.isNaN(request.from.getTime())) throw badUserInput('from', 'Give "from" as an ISO date-time.');
    if (request.to && Number.isNaN(request.to.getTime())) throw badUserInput('to', 'Give "to" as an ISO date-time.');
    if (request.from && request.to && request.from > request.to) throw badUserInput('from', '"from" must not be after "to".');

    // The organization's language, through the same SQL function the insert trigger
    // uses, so query and documents are stemmed alike. `message_search_query` is the
    // matcher's own: with prefixes (what matched), and without (whole words, ranked first).
    const config = 'organization_search_config(CAST(:searchOrganizationId AS uuid))';
    // Scalar subqueries: computed once per statement (an InitPlan), not once per matching row.
    const tsquery = `(SELECT message_search_query(${config}, :searchText, true))`;
    const wholeWords = `(SELECT message_search_query(${config}, :searchText, false))`;
    const query = this.scope
      .messages('message')
      .andWhere('message.kind = :searchKind', { searchKind: MessageKind.TEXT })
      // The matching itself goes through the index in a SECURITY DEFINER function: see migration RowLevelSecurity1763830000000.
      .andWhere('message.id IN (SELECT counterchat_message_search_matches(:searchText))', { searchOrganizationId: this.scope.organizationId, searchText: text })
      .addSelect(`ts_rank_cd(message.search_vector, ${tsquery}, 1)`, 'search_rank')
      .addSelect(`message.search_vector @@ ${wholeWords}`, 'search_whole_words')
      // Evaluated for the page's rows only: PostgreSQL postpones costly output
      // expressions that the sort doesn't need until after the LIMIT.
      .addSelect(
        `ts_headline(message.search_config, translate(message.body, :highlightMarkers, ''), ${tsquery}, :headlineOptions)`,
        'search_headline',
      )
      .setParameters({ highlightMarkers: '\uE000\uE001', headlineOptions: HEADLINE_OPTIONS });
    if (request.conversationId) {
      assertId(request.conversationId, 'conversationId');
      query.andWhere('message.conversationId = :searchConversationId', { searchConversationId: request.conversationId });
    }
    if (request.customerId) {
      assertId(request.customerId, 'customerId');
      query.andWhere('message.conversationId IN (SELECT c.id FROM conversation c WHERE c.customer_id = :searchCustomerId)', {
        searchCustomerId: request.customerId,
      });
    }
    if (request.from) query.andWhere('message.createdAt >= :searchFrom', { searchFrom: request.from });
    if (request.to) query.andWhere('message.createdAt <= :searchTo', { searchTo: request.to });
    const { entities, raw } =
      limit === 0
        ? { entities: [], raw: [] }
        : await query
            .orderBy('search_whole_words', 'DESC')
            .addOrderBy('search_rank', 'DESC')
            .addOrderBy('message.createdAt', 'DESC')
            .addOrderBy('message.id', 'DESC')
            .offset(offset)
            .limit(limit + 1)
            .getRawAndEntities();
    const extras = new Map<string, { search_rank: number; search_headline: string }>(
      raw.map((row: { message_id: string; search_rank: number; search_headline: string }) => [row.message_id, row]),
    );
    const hits = entities.slice(0, limit).map((message, index) => {
      const extra = extras.get(message.id)!;
      return {
        hit: { message, rank: Number(extra.search_rank), snippet: parseHeadline(extra.search_headline ?? '') },
        cursor: encodeCursor(CURSOR_TAG, [offset + index + 1]),
      };
    });
    const edges = hits.map(({ hit, cursor }) => ({ node: hit, cursor }));
    return {
      edges,
      pageInfo: {
        hasNextPage: entities.length > limit && offset + limit < SEARCH_MAX_DEPTH,
        hasPreviousPage: offset > 0,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }
}
