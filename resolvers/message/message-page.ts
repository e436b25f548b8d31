import type { Conversation } from '../../entities/conversation.entity.js';
import type { Message } from '../../entities/message.entity.js';
import type { Loaders } from '../../gateway/loaders/create-loaders.js';
import { decodeCursor, encodeCursor } from '../pagination/cursor.js';
import type { Page } from '../pagination/page.js';
import type { PageRequest } from '../pagination/page-request.js';

const CURSOR_TAG = 'message';

export const messageCursor = (sequence: number) => encodeCursor(CURSOR_TAG, [sequence]);

/**
 * A page of a conversation's messages, oldest first within the page. Sequences
 * are dense (1…lastSequence), so the page is a range computed without a query,
 * and pages of many conversations batch into one loader call.
 */
export async function loadMessagePage(loaders: Loaders, conversation: Conversation, request: PageRequest): Promise<Page<Message>> {
  const last = conversation.lastSequence;
  const field = request.direction === 'forward' ? 'after' : 'before';
  const cursor = request.cursor === undefined ? undefined : decodeSequence(request.cursor, field);
  let from: number;
  let to: number;
  if (request.direction === 'forward') {
    from = (cursor ?? 0) + 1;
    to = Math.min(from + request.limit - 1, last);
  } else {
    to = Math.min((cursor ?? last + 1) - 1, last);
    from = Math.max(to - request.limit + 1, 1);
  }
  const rows = request.limit === 0 || from > to ? [] : await loaders.messageRanges.load({ conversationId: conversation.id, from, to });
  const edges = rows.map((node) => ({ node, cursor: messageCursor(node.sequence) }));
  return {
    edges,
    pageInfo: {
      hasPreviousPage: Math.min(from, to + 1) > 1,
      hasNextPage: Math.max(to, from - 1) < last,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

function decodeSequence(cursor: string, field: string): number {
  // A hand-made cursor must still be a real position, not 2.5 or -1.
  const [sequence] = decodeCursor(cursor, CURSOR_TAG, field, ([value]) => Number.isSafeInteger(value) && (value as number) >= 0);
  return sequence as number;
}
