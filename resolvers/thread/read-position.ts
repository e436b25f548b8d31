import { ActorType, type ActorRef } from '../../entities/actor-type.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import { ParticipantRole } from '../../entities/participant.entity.js';
import { MessageKind } from '../../entities/message.entity.js';
import { unreadSenderTypesFor } from '../../gateway/auth/viewer.js';
import { enqueueJobCall, type JobSpec } from '../../gateway/jobs/enqueue-job.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';

/** How far someone has read a conversation. */
export interface ReadPosition {
  lastReadSequence: number;
  lastReadAt: Date | null;
}

/**
 * Makes `actor` a participant of a conversation the caller already loaded through
 * the scope, and moves their read position up to `readThrough` (never backwards).
 * `role` is set on first join; pass `changeRole` to overwrite it (assignment).
 * `alsoEnqueue`: a job the caller's transaction adds anyway, in the same statement (one round
 * trip less on every reply: the away-customer check).
 */
export async function joinAndRead(
  scope: TenantScope,
  conversation: Conversation,
  actor: ActorRef,
  options: { role: ParticipantRole; readThrough?: number; changeRole?: boolean; alsoEnqueue?: JobSpec<unknown> },
): Promise<ReadPosition> {
  const readThrough = options.readThrough ?? 0;
  const parameters = [conversation.id, actor.type, actor.id, options.role, readThrough, options.changeRole ?? false];
  // The scope binds the organization as $1: the job's parameters follow this statement's seven.
  const job = options.alsoEnqueue && enqueueJobCall(options.alsoEnqueue, parameters.length + 2);
  // The upsert returns its one row whether it inserted or updated, so the job is added exactly once.
  const [position] = await scope.query<ReadPosition>(
    `WITH position AS (
       INSERT INTO participant (organization_id, conversation_id, actor_type, actor_id, role, last_read_sequence, last_read_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 > 0 THEN now() END)
       ON CONFLICT (conversation_id, actor_type, actor_id) DO UPDATE SET
         role = CASE WHEN $7 THEN EXCLUDED.role ELSE participant.role END,
         last_read_sequence = GREATEST(participant.last_read_sequence, EXCLUDED.last_read_sequence),
         last_read_at = CASE WHEN EXCLUDED.last_read_sequence > participant.last_read_sequence
                             THEN now() ELSE participant.last_read_at END
       RETURNING last_read_sequence, last_read_at
     )
     SELECT last_read_sequence AS "lastReadSequence", last_read_at AS "lastReadAt"${job ? `, ${job.expression} AS "enqueued"` : ''} FROM position`,
    job ? [...parameters, ...job.parameters] : parameters,
  );
  return { lastReadSequence: position!.lastReadSequence, lastReadAt: position!.lastReadAt };
}

/**
 * "Mark as unread": the viewer's read position goes back to just before the newest message
 * from the other side they may see (the one messages the unread count counts), unless it is
 * there or further back already (someone who never opened it has nothing to move). The one
 * place a read position moves backwards: everything else reads unread from it, so nothing else
 * needs to know. Null when there is no such message.
 */
export async function moveReadPositionBack(scope: TenantScope, conversation: Conversation, reader: ActorRef): Promise<number | null> {
  const newest = await scope
    .messages('message')
    .select('max(message.sequence)', 'sequence')
    .andWhere('message.conversationId = :conversationId', { conversationId: conversation.id })
    .andWhere('message.kind = :textKind', { textKind: MessageKind.TEXT })
    .andWhere('message.deletedAt IS NULL')
    .andWhere('message.senderType IN (:...unreadSenderTypes)', { unreadSenderTypes: unreadSenderTypesFor(scope.viewer) })
    .getRawOne<{ sequence: number | null }>();
  if (!newest?.sequence) return null;
  const before = newest.sequence - 1;
  const [position] = await scope.query<{ lastReadSequence: number }>(
    `UPDATE participant SET last_read_sequence = LEAST(last_read_sequence, $5)
     WHERE organization_id = $1 AND conversation_id = $2 AND actor_type = $3 AND actor_id = $4
     RETURNING last_read_sequence AS "lastReadSequence"`,
    [conversation.id, reader.type, reader.id, before],
  );
  // Not a participant: they never read it, so it is unread already.
  return position?.lastReadSequence ?? 0;
}

/** The role someone gets when they join by writing or starting a thread. */
export const joiningRoleOf: Record<ActorType, ParticipantRole> = {
  [ActorType.STAFF]: ParticipantRole.AGENT,
  [ActorType.CUSTOMER]: ParticipantRole.CUSTOMER,
  [ActorType.PARTNER]: ParticipantRole.INTEGRATION,
};
