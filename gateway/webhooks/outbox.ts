import { actorOf } from '../auth/viewer.js';
import type { WebhookEventType } from '../../entities/webhook-event-type.js';
import type { RealtimePublisher } from '../pubsub/realtime-publisher.js';
import type { OrganizationScope } from '../tenancy/organization-scope.js';
import type { TenantScope } from '../tenancy/tenant-scope.js';
import { audienceSees, MessageAudience, type AudienceFacts } from '../tenancy/message-audience.js';
import { WebhookAudience } from '../../entities/webhook-endpoint.entity.js';
import { actorReference, type JsonObject } from './webhook-payloads.js';

/**
 * Records a domain event inside the transaction `tx` that makes the change, so the
 * event exists exactly when the change committed: a crash can neither lose it nor
 * invent one. One statement writes the event and a delivery per subscribed endpoint,
 * and writes nothing at all when no endpoint wants this event type. Every event is about
 * one conversation: erasing its customer deletes the event with the conversation's texts.
 * An event about a message (`about`) that customers may not see goes only to endpoints
 * whose audience is the team. An event that carries its conversation (`data.conversation`)
 * gets the thread's labels put in by the same statement (`labels`, as they stand in `tx`), so
 * no caller has to read them first, and nothing is read when no endpoint listens.
 */
export async function recordEvent(
  tx: TenantScope,
  realtime: RealtimePublisher,
  type: WebhookEventType,
  conversationId: string,
  data: JsonObject,
  about?: AudienceFacts,
): Promise<void> {
  const forCustomers = about === undefined || audienceSees(MessageAudience.CUSTOMER, about);
  const rows = await tx.query(
    `WITH endpoint AS (
       SELECT id FROM webhook_endpoint WHERE organization_id = $1 AND $2 = ANY(events) AND ($5 OR audience = '${WebhookAudience.TEAM}')
     ), event AS (
       INSERT INTO outbox_event (organization_id, type, conversation_id, payload)
       SELECT $1, $2, $3, ${'conversation' in data ? WITH_CONVERSATION_LABELS : '$4::jsonb'} WHERE EXISTS (SELECT 1 FROM endpoint)
       RETURNING id
     )
     INSERT INTO webhook_delivery (organization_id, event_id, endpoint_id)
     SELECT $1, event.id, endpoint.id FROM event CROSS JOIN endpoint
     RETURNING id`,
    [type, conversationId, JSON.stringify({ ...data, actor: actorReference(actorOf(tx.viewer)) }), forCustomers],
  );
  if (rows.length > 0) tx.afterCommit('webhooks', () => realtime.webhooksQueued());
}

/** The payload `$4` with `conversation.labels` set to the labels of conversation `$3`, by name, as `{ __typename, id, name }`. */
const WITH_CONVERSATION_LABELS = `jsonb_set($4::jsonb, '{conversation,labels}', (
         SELECT coalesce(jsonb_agg(jsonb_build_object('__typename', 'Label', 'id', label.id, 'name', label.name) ORDER BY lower(label.name), label.id), '[]'::jsonb)
           FROM conversation_label JOIN label ON label.id = conversation_label.label_id AND label.organization_id = $1
          WHERE conversation_label.organization_id = $1 AND conversation_label.conversation_id = $3))`;

/** Forgets the events about these conversations (with their deliveries): they carry the texts and file names being erased. */
export async function deleteConversationEvents(tx: OrganizationScope, conversationIds: readonly string[]): Promise<void> {
  await tx.execute(`DELETE FROM outbox_event WHERE organization_id = $1 AND conversation_id = ANY($2::uuid[])`, [conversationIds]);
}

/** Deletes up to `limit` events recorded before `before` (with their deliveries); how many went. */
export function deleteEventsBefore(tx: OrganizationScope, before: Date, limit: number): Promise<number> {
  return tx.execute(`DELETE FROM outbox_event WHERE id IN (SELECT id FROM outbox_event WHERE organization_id = $1 AND created_at < $2 LIMIT $3)`, [before, limit]);
}
