import DataLoader from 'dataloader';
import type { Message } from '../../entities/message.entity.js';
import type { TenantScope } from '../tenancy/tenant-scope.js';
import { readEntities } from '../tenancy/statement-texts.js';

/**
 * The newest message of each conversation that the viewer may see. A conversation's
 * `lastMessageId` names its newest message of all; when that one is for the team only, a
 * customer's preview is this one instead (one DISTINCT ON statement for the batch).
 */
export function latestMessageLoader(scope: TenantScope): DataLoader<string, Message | null> {
  return new DataLoader(async (conversationIds) => {
    const rows = await readEntities(
      scope
        .messages('message')
        .andWhere('message.conversationId IN (:...latestConversationIds)', { latestConversationIds: conversationIds })
        .distinctOn(['message.conversationId'])
        .orderBy('message.conversationId')
        .addOrderBy('message.sequence', 'DESC'),
    );
    const byConversation = new Map(rows.map((row) => [row.conversationId, row]));
    return conversationIds.map((id) => byConversation.get(id) ?? null);
  });
}
