import { ActorType } from '../../entities/actor-type.js';
import { ChannelKind, type WhatsAppTemplateRef } from '../../entities/channel-connection.entity.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';

/** WhatsApp's customer-service window: free-form replies only this long after the customer's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 60 * 60 * 1000;

export interface WhatsAppWindow {
  /** The approved templates of the thread's number. */
  templates: WhatsAppTemplateRef[];
  /** When the customer last wrote on this connection; null: never. */
  lastCustomerMessageAt: Date | null;
  /** Null: closed (or never opened). */
  closesAt: Date | null;
}

/**
 * The window of a thread's WhatsApp connection, or undefined for threads that send nothing
 * through WhatsApp. The window is the customer's with the number, across their threads of it.
 */
export async function whatsAppWindowOf(scope: OrganizationScope, conversation: Pick<Conversation, 'channelConnectionId' | 'customerId'>, now = new Date()): Promise<WhatsAppWindow | undefined> {
  if (!conversation.channelConnectionId) return undefined;
  const rows = await scope.query<{ kind: string; templates: WhatsAppTemplateRef[]; last_at: Date | null }>(
    `SELECT connection.kind, connection.whatsapp_templates AS templates,
            (SELECT max(m.created_at) FROM message m JOIN conversation c ON c.id = m.conversation_id
              WHERE m.organization_id = $1 AND c.organization_id = $1 AND c.channel_connection_id = $2 AND c.customer_id = $3
                AND m.sender_type = '${ActorType.CUSTOMER}') AS last_at
       FROM channel_connection connection WHERE connection.organization_id = $1 AND connection.id = $2`,
    [conversation.channelConnectionId, conversation.customerId],
  );
  const row = rows[0];
  if (!row || row.kind !== ChannelKind.WHATSAPP) return undefined;
  const closesAt = row.last_at ? new Date(new Date(row.last_at).getTime() + WHATSAPP_WINDOW_MS) : null;
  return { templates: row.templates, lastCustomerMessageAt: row.last_at ? new Date(row.last_at) : null, closesAt: closesAt && closesAt > now ? closesAt : null };
}
