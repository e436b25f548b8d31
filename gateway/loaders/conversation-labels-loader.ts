import DataLoader from 'dataloader';
import { Label } from '../../entities/label.entity.js';
import type { TenantScope } from '../tenancy/tenant-scope.js';

interface CarriedLabelRow {
  conversation_id: string;
  id: string;
  organization_id: string;
  name: string;
  colour: string;
  created_at: Date;
}

/**
 * The labels each conversation carries, by name: one statement for a whole inbox page (or a
 * live event's rows), however many labels and threads. A conversation the scope can't see
 * loads as no labels.
 */
export function conversationLabelsLoader(scope: TenantScope): DataLoader<string, Label[]> {
  return new DataLoader(async (conversationIds) => {
    const rows = await scope.query<CarriedLabelRow>(
      `SELECT carried.conversation_id, label.id, label.organization_id, label.name, label.colour, label.created_at
         FROM conversation_label carried
         JOIN label ON label.id = carried.label_id AND label.organization_id = $1
        WHERE carried.organization_id = $1 AND carried.conversation_id = ANY($2::uuid[])
        ORDER BY lower(label.name), label.id`,
      [conversationIds],
    );
    const byConversation = new Map<string, Label[]>(conversationIds.map((id) => [id, []]));
    for (const { conversation_id: conversationId, organization_id: organizationId, created_at: createdAt, ...label } of rows) {
      byConversation.get(conversationId)?.push(Object.assign(new Label(), { ...label, organizationId, createdAt }));
    }
    return conversationIds.map((id) => byConversation.get(id)!);
  });
}
