import type { Conversation, ConversationChannel, ConversationStatus } from '../../entities/conversation.entity.js';
import { MessageKind } from '../../entities/message.entity.js';
import { assertPermissions, maySearchContactDetails } from '../../gateway/auth/auth-checker.js';
import { Permission } from '../../gateway/auth/permission.js';
import { actorOf, unreadSenderTypesFor } from '../../gateway/auth/viewer.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import type { ScopedQuery } from '../../gateway/tenancy/scoped-query.js';
import { assertId, type TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { customerSearchCondition, isPhoneNumberSearch } from '../customer/customer-search.js';

export interface ConversationListFilter {
  status?: ConversationStatus[];
  unreadOnly?: boolean;
  assignedToMe?: boolean;
  unassigned?: boolean;
  channel?: ConversationChannel[];
  customerId?: string;
  updatedSince?: Date;
  search?: string;
}

/** The inbox query with its filters, before ordering and paging (shared with totalCount). */
export function conversationListQuery(scope: TenantScope, filter: ConversationListFilter): ScopedQuery<Conversation> {
  const query = scope.conversations('conversation');
  if (filter.status?.length) query.andWhere('conversation.status IN (:...statuses)', { statuses: filter.status });
  if (filter.channel?.length) query.andWhere('conversation.channel IN (:...channels)', { channels: filter.channel });
  if (filter.customerId) {
    assertId(filter.customerId, 'filter.customerId');
    query.andWhere('conversation.customerId = :filterCustomerId', { filterCustomerId: filter.customerId });
  }
  if (filter.updatedSince) query.andWhere('conversation.updatedAt >= :updatedSince', { updatedSince: filter.updatedSince });
  if (filter.unassigned) query.andWhere('conversation.assigneeId IS NULL');
  if (filter.assignedToMe) {
    if (scope.viewer.kind !== 'staff') throw badUserInput('filter.assignedToMe', 'Only staff members have conversations assigned to them.');
    query.andWhere('conversation.assigneeId = :myStaffId', { myStaffId: scope.viewer.staffId });
  }
  if (filter.unreadOnly) {
    const actor = actorOf(scope.viewer);
    query.andWhere(
      `EXISTS (
        SELECT 1 FROM message unread
        WHERE unread.conversation_id = conversation.id
          AND unread.kind = :unreadKind AND unread.deleted_at IS NULL
          AND unread.sender_type IN (:...unreadSenderTypes)
          AND unread.sequence > COALESCE((
            SELECT reader.last_read_sequence FROM participant reader
            WHERE reader.conversation_id = conversation.id AND reader.actor_type = :readerType AND reader.actor_id = :readerId
          ), 0))`,
      {
        unreadKind: MessageKind.TEXT,
        unreadSenderTypes: unreadSenderTypesFor(scope.viewer),
        readerType: actor.type,
        readerId: actor.id,
      },
    );
  }
  const search = filter.search?.trim();
  if (search) {
    // Matching phone numbers would tell a key without customers:read whose number it is, one
    // prefix at a time; it matches names only, and a term that can only be a number is refused.
    const matchPhone = maySearchContactDetails(scope.viewer);
    if (!matchPhone && isPhoneNumberSearch(search)) assertPermissions(scope.viewer, [Permission.READ_CUSTOMERS]);
    const condition = customerSearchCondition('searched', search, { matchPhone });
    const matching = scope.customers('searched').select('searched.id').andWhere(condition.where);
    query.andWhere(`conversation.customerId IN (${matching.getQuery()})`, condition.parameters);
  }
  return query;
}

