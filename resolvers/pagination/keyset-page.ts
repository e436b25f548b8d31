import type { Row, ScopedQuery } from '../../gateway/tenancy/scoped-query.js';
import { readEntities } from '../../gateway/tenancy/statement-texts.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { Page } from './page.js';
import type { PageRequest } from './page-request.js';

export interface KeysetOrder<T> {
  /** Cursor tag; a cursor from another list is rejected. */
  tag: string;
  /** Sort keys as `alias.property`, most significant first; the last one must be unique. */
  keys: string[];
  /** The row's values for `keys`, as they go into a cursor. */
  valuesOf(row: T): (string | number)[];
  /** True when the list's natural order is descending on every key. */
  descending: boolean;
  /** Whether decoded cursor values have the keys' types; anything else would reach SQL as a cast error. */
  acceptsCursor(values: (string | number)[]): boolean;
}

/**
 * Keyset ("seek") pagination: one indexed range scan per page, whatever the page
 * number, and stable when rows are inserted while a client is paging.
 */
export async function fetchKeysetPage<T extends Row>(
  query: ScopedQuery<T>,
  order: KeysetOrder<T>,
  request: PageRequest,
  /** Sees each row's entity with its result row, for what the query computes beside its columns. */
  withRow?: (entity: T, row: Row) => void,
): Promise<Page<T>> {
  const forward = request.direction === 'forward';
  // Reading backwards walks the natural order in reverse, then flips the rows back.
  const descending = forward ? order.descending : !order.descending;
  if (request.cursor !== undefined) {
    const values = decodeCursor(
      request.cursor,
      order.tag,
      forward ? 'after' : 'before',
      (decoded) => decoded.length === order.keys.length && order.acceptsCursor(decoded),
    );
    const names = values.map((_, index) => `cursor${index}`);
    query.andWhere(
      `(${order.keys.join(', ')}) ${descending ? '<' : '>'} (${names.map((name) => `:${name}`).join(', ')})`,
      Object.fromEntries(names.map((name, index) => [name, values[index]])),
    );
  }
  order.keys.forEach((key, index) =>
    index === 0 ? query.orderBy(key, descending ? 'DESC' : 'ASC') : query.addOrderBy(key, descending ? 'DESC' : 'ASC'),
  );
  const rows = await readEntities(query.limit(request.limit + 1), withRow);
  const hasMore = rows.length > request.limit;
  const pageRows = rows.slice(0, request.limit);
  if (!forward) pageRows.reverse();
  const edges = pageRows.map((node) => ({ node, cursor: encodeCursor(order.tag, order.valuesOf(node)) }));
  return {
    edges,
    pageInfo: {
      // Across the cursor there is, by construction, at least the row the cursor came from.
      hasNextPage: forward ? hasMore : Boolean(request.cursor),
      hasPreviousPage: forward ? Boolean(request.cursor) : hasMore,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
