import DataLoader from 'dataloader';
import { Brackets } from 'typeorm';
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
      const rows = await scope
        .messages('message')
        .andWhere(
          new Brackets((where) =>
            ranges.forEach((range, index) =>
              where.orWhere(
                `(message.conversationId = :rangeConversation${index} AND message.sequence BETWEEN :rangeFrom${index} AND :rangeTo${index})`,
                {
                  [`rangeConversation${index}`]: range.conversationId,
                  [`rangeFrom${index}`]: range.from,
                  [`rangeTo${index}`]: range.to,
                },
              ),
            ),
          ),
        )
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
