import { ActorType } from '../../entities/actor-type.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import { MessageKind, type Message } from '../../entities/message.entity.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';

/**
 * A conversation's `awaitingSince` after `message` is appended: a customer's text starts the
 * wait (or joins one already running), an answer from staff or a partner ends it; notes and
 * SYSTEM messages answer nobody. Kept on the row so "waiting longest" is an index walk.
 */
export function awaitingSinceAfter(conversation: Conversation, message: Pick<Message, 'kind' | 'senderType' | 'createdAt'>): Date | null {
  if (message.kind !== MessageKind.TEXT) return conversation.awaitingSince;
  if (message.senderType === ActorType.CUSTOMER) return conversation.awaitingSince ?? message.createdAt;
  return null;
}

/**
 * After a text message is deleted, the wait is read again from the messages (a deleted answer
 * leaves the customer waiting since their first unanswered message again), in `tx`.
 */
export async function recountAwaitingSince(tx: TenantScope, conversation: Conversation): Promise<void> {
  const [row] = await tx.query<{ awaitingSince: Date | null }>(
    `UPDATE conversation c SET awaiting_since = (
       SELECT min(waiting.created_at) FROM message waiting
       WHERE waiting.organization_id = $1 AND waiting.conversation_id = c.id AND waiting.kind = $3 AND waiting.deleted_at IS NULL AND waiting.sender_type = $4
         AND waiting.sequence > COALESCE((
           SELECT max(answer.sequence) FROM message answer
           WHERE answer.organization_id = $1 AND answer.conversation_id = c.id AND answer.kind = $3 AND answer.deleted_at IS NULL AND answer.sender_type <> $4
         ), 0))
     WHERE c.organization_id = $1 AND c.id = $2
     RETURNING c.awaiting_since AS "awaitingSince"`,
    [conversation.id, MessageKind.TEXT, ActorType.CUSTOMER],
  );
  if (row) conversation.awaitingSince = row.awaitingSince;
}
