import type { QueryCounter } from '../../gateway/database/query-counter.js';

/**
 * The statement count once no statement has run for a while: reads are audited just after
 * an answer, and subscriptions set themselves up after their subscribe message.
 */
export async function quietStatementCount(queries: QueryCounter): Promise<number> {
  let count = queries.count;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    if (queries.count === count) return count;
    count = queries.count;
  }
}
