import { ActorType, type ActorRef } from '../../entities/actor-type.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import { ParticipantRole } from '../../entities/participant.entity.js';
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
 */
export async function joinAndRead(
  scope: TenantScope,
  conversation: Conversation,
  actor: ActorRef,
  options: { role: ParticipantRole; readThrough?: number; changeRole?: boolean },
): Promise<ReadPosition> {
  const readThrough = options.readThrough ?? 0;
  const [position] = await scope.query<ReadPosition>(
    `INSERT INTO participant (organization_id, conversation_id, actor_type, actor_id, role, last_read_sequence, last_read_at)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 > 0 THEN now() END)
     ON CONFLICT (conversation_id, actor_type, actor_id) DO UPDATE SET
       role = CASE WHEN $7 THEN EXCLUDED.role ELSE participant.role END,
       last_read_sequence = GREATEST(participant.last_read_sequence, EXCLUDED.last_read_sequence),
       last_read_at = CASE WHEN EXCLUDED.last_read_sequence > participant.last_read_sequence
                           THEN now() ELSE participant.last_read_at END
     RETURNING last_read_sequence AS "lastReadSequence", last_read_at AS "lastReadAt"`,
    [conversation.id, actor.type, actor.id, options.role, readThrough, options.changeRole ?? false],
  );
  return position!;
}

/** The role someone gets when they join by writing or starting a thread. */
export const joiningRoleOf: Record<ActorType, ParticipantRole> = {
  [ActorType.STAFF]: ParticipantRole.AGENT,
  [ActorType.CUSTOMER]: ParticipantRole.CUSTOMER,
  [ActorType.PARTNER]: ParticipantRole.INTEGRATION,
};
