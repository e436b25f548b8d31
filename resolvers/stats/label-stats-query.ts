import type { Label } from '../../entities/label.entity.js';
import { ConversationStatus } from '../../entities/conversation.entity.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';

export interface LabelStats {
  label: Label;
  conversations: number;
  openConversations: number;
  createdConversations: number;
}

interface LabelStatsRow {
  id: string;
  organization_id: string;
  name: string;
  colour: string;
  created_at: Date;
  conversations: number;
  open_conversations: number;
  created_conversations: number;
}

/**
 * Every label of the pharmacy with the conversations carrying it: now in all, now OPEN or
 * PENDING, and created in [from, to). One statement, whatever the number of labels; labels
 * no thread carries are listed with zeros, as statuses are.
 */
export async function queryLabelStats(scope: TenantScope, range: { from: Date; to: Date }): Promise<LabelStats[]> {
  const rows = await scope.query<LabelStatsRow>(
    `SELECT label.id, label.organization_id, label.name, label.colour, label.created_at,
            count(conversation.id)::int AS conversations,
            count(conversation.id) FILTER (WHERE conversation.status = ANY($2::text[]))::int AS open_conversations,
            count(conversation.id) FILTER (WHERE conversation.created_at >= $3 AND conversation.created_at < $4)::int AS created_conversations
       FROM label
       LEFT JOIN conversation_label carried ON carried.label_id = label.id AND carried.organization_id = $1
       LEFT JOIN conversation ON conversation.id = carried.conversation_id AND conversation.organization_id = $1
      WHERE label.organization_id = $1
      GROUP BY label.id
      ORDER BY lower(label.name), label.id`,
    [[ConversationStatus.OPEN, ConversationStatus.PENDING], range.from, range.to],
  );
  return rows.map((row) => ({
    label: { id: row.id, organizationId: row.organization_id, name: row.name, colour: row.colour, createdAt: row.created_at },
    conversations: row.conversations,
    openConversations: row.open_conversations,
    createdConversations: row.created_conversations,
  }));
}
