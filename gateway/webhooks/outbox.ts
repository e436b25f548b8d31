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
 * whose audience is the team.
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
       SELECT $1, $2, $3, $4::jsonb WHERE EXISTS (SELECT 1 FROM endpoint)
       RETURNING id
     )
     INSERT INTO webhook_delivery (organization_id, event_id, endpoint_id)
     SELECT $1, event.id, endpoint.id FROM event CROSS JOIN endpoint
     RETURNING id`,
    [type, conversationId, JSON.stringify({ ...data, actor: actorReference(actorOf(tx.viewer)) }), forCustomers],
  );
  if (rows.length > 0) tx.afterCommit('webhooks', () => realtime.webhooksQueued());
}

/** Forgets the events about these conversations (with their deliveries): they carry the texts and file names being erased. */
export async function deleteConversationEvents(tx: OrganizationScope, conversationIds: readonly string[]): Promise<void> {
  await tx.execute(`DELETE FROM outbox_event WHERE organization_id = $1 AND conversation_id = ANY($2::uuid[])`, [conversationIds]);
}

/** Deletes up to `limit` events recorded before `before` (with their deliveries); how many went. */
export function deleteEventsBefore(tx: OrganizationScope, before: Date, limit: number): Promise<number> {
  return tx.execute(`DELETE FROM outbox_event WHERE id IN (SELECT id FROM outbox_event WHERE organization_id = $1 AND created_at < $2 LIMIT $3)`, [before, limit]);
}
