import DataLoader from 'dataloader';
import type { Message } from '../../entities/message.entity.js';
import type { TenantScope } from '../tenancy/tenant-scope.js';

/** Messages of one conversation with sequence in [from, to]. */
export interface MessageRange {
  conversationId: string;
  from: number;
  to: number;
}

/**
 * Sequences are dense within a conversation, so any page is a sequence range and
 * pages of many conversations load in one indexed query (one OR branch each).
 */
export function messageRangeLoader(scope: TenantScope): DataLoader<MessageRange, Message[], string> {
  return new DataLoader(
    async (ranges) => {
      const branches = ranges.map(
        (_, index) => `(message.conversationId = :rangeConversation${index} AND message.sequence BETWEEN :rangeFrom${index} AND :rangeTo${index})`,
      );
      const parameters = Object.fromEntries(
        ranges.flatMap((range, index) => [
          [`rangeConversation${index}`, range.conversationId],
          [`rangeFrom${index}`, range.from],
          [`rangeTo${index}`, range.to],
        ]),
      );
      const rows = await scope
        .messages('message')
        .andWhere(`(${branches.join(' OR ')})`, parameters)
        .orderBy('message.sequence', 'ASC')
        .getMany();
      return ranges.map((range) =>
        rows.filter(
          (row) => row.conversationId === range.conversationId && row.sequence >= range.from && row.sequence <= range.to,
        ),
      );
    },
    { cacheKeyFn: (range) => `${range.conversationId}:${range.from}:${range.to}` },
  );
}
