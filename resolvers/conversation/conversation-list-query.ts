import { ConversationStatus as ConversationStatusValue, type Conversation, type ConversationChannel, type ConversationStatus } from '../../entities/conversation.entity.js';
import { ActorType } from '../../entities/actor-type.js';
import { Customer } from '../../entities/customer.entity.js';
import { Label } from '../../entities/label.entity.js';
import { Message, MessageKind } from '../../entities/message.entity.js';
import { StaffUser } from '../../entities/staff-user.entity.js';
import { assertPermissions, maySearchContactDetails } from '../../gateway/auth/auth-checker.js';
import { Permission } from '../../gateway/auth/permission.js';
import { actorOf, unreadSenderTypesFor } from '../../gateway/auth/viewer.js';
import { badUserInput } from '../../gateway/errors/domain-error.js';
import type { ScopedQuery } from '../../gateway/tenancy/scoped-query.js';
import { assertId, type TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import { customerSearchCondition, escapeLike, isPhoneNumberSearch } from '../customer/customer-search.js';

export interface ConversationListFilter {
  status?: ConversationStatus[];
  unreadOnly?: boolean;
  awaitingReply?: boolean;
  assignedToMe?: boolean;
  unassigned?: boolean;
  channel?: ConversationChannel[];
  customerId?: string;
  updatedSince?: Date;
  search?: string;
  /** Any of these labels. */
  labelIds?: string[];
  snoozed?: boolean | null;
  /** Only rows whose `awaitingSince` is set: the waiting-longest order's keys. */
  waitingSinceKnown?: boolean;
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
  // Which threads the team set aside is theirs: a customer's filter would tell them (snoozedUntil is null for them).
  if (filter.snoozed !== undefined && filter.snoozed !== null && scope.viewer.kind === 'customer') {
    throw badUserInput('filter.snoozed', 'Only the pharmacy filters by snooze.');
  }
  if (filter.snoozed === true) query.andWhere('conversation.snoozedUntil IS NOT NULL');
  if (filter.snoozed === false) query.andWhere('conversation.snoozedUntil IS NULL');
  if (filter.waitingSinceKnown) query.andWhere('conversation.awaitingSince IS NOT NULL');
  if (filter.assignedToMe) {
    if (scope.viewer.kind !== 'staff') throw badUserInput('filter.assignedToMe', 'Only staff members have conversations assigned to them.');
    query.andWhere('conversation.assigneeId = :myStaffId', { myStaffId: scope.viewer.staffId });
  }
  if (filter.unreadOnly) {
    const unread = unreadMessages(scope, 'unread');
    query.andWhere(`EXISTS (SELECT 1 FROM message unread WHERE ${unread.where})`, unread.parameters);
  }
  if (filter.awaitingReply) {
    // The newest text message by sequence (the (conversation_id, sequence) index walks back to it).
    query.andWhere('conversation.status IN (:...awaitingStatuses)', { awaitingStatuses: [ConversationStatusValue.OPEN, ConversationStatusValue.PENDING] });
    query.andWhere(
      `(SELECT newest.sender_type FROM message newest
        WHERE newest.conversation_id = conversation.id AND newest.kind = :awaitingKind AND newest.deleted_at IS NULL
        ORDER BY newest.sequence DESC LIMIT 1) = :awaitingSender`,
      { awaitingKind: MessageKind.TEXT, awaitingSender: ActorType.CUSTOMER },
    );
  }
  if (filter.labelIds?.length) {
    // Labels are the team's words: a customer can't filter by them (or learn which exist).
    assertPermissions(scope.viewer, [Permission.READ_LABELS]);
    filter.labelIds.forEach((labelId, index) => assertId(labelId, `filter.labelIds[${index}]`));
    query.andWhere(
      `EXISTS (SELECT 1 FROM conversation_label labelled
                WHERE labelled.conversation_id = conversation.id AND labelled.organization_id = conversation.organization_id
                  AND labelled.label_id IN (:...filterLabelIds))`,
      { filterLabelIds: filter.labelIds },
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
    // Staff also find a thread by its subject ("repeat prescription"); a partner key's subject
    // access depends on its scopes, so keys and customers match names as before.
    const bySubject = scope.viewer.kind === 'staff' ? ' OR lower(conversation.subject) LIKE :subjectPattern' : '';
    query.andWhere(`(conversation.customerId IN (${matching.getQuery()})${bySubject})`, { ...condition.parameters, subjectPattern: `%${escapeLike(search.toLowerCase())}%` });
  }
  return query;
}

/**
 * The viewer's unread messages of the row `conversation`, as a condition over a message named
 * `alias`: text from the other side, not deleted, that the viewer may see, past their read
 * position (0 when they never opened it). The rule of unreadCountLoader, for one statement.
 */
function unreadMessages(scope: TenantScope, alias: string): { where: string; parameters: Record<string, unknown> } {
  const actor = actorOf(scope.viewer);
  return {
    where: `${alias}.conversation_id = conversation.id AND ${alias}.organization_id = conversation.organization_id
      AND ${alias}.kind = :unreadKind AND ${alias}.deleted_at IS NULL AND ${scope.messageAudienceCondition(alias)}
      AND ${alias}.sender_type IN (:...unreadSenderTypes)
      AND ${alias}.sequence > COALESCE((
        SELECT reader.last_read_sequence FROM participant reader
        WHERE reader.conversation_id = conversation.id AND reader.actor_type = :readerType AND reader.actor_id = :readerId
      ), 0)`,
    parameters: { unreadKind: MessageKind.TEXT, unreadSenderTypes: unreadSenderTypesFor(scope.viewer), readerType: actor.type, readerId: actor.id },
  };
}

/** Relations of the listed conversations to read in the list's own statement. */
export interface ListedRelations {
  customer?: boolean;
  assignee?: boolean;
  lastMessage?: boolean;
  unreadCount?: boolean;
  labels?: boolean;
}

/** The rows and values those relations name, for the request's loaders: their fields then cost no statement. */
export interface ListedRelatedRows {
  customers: Customer[];
  staff: StaffUser[];
  messages: Message[];
  /** Conversation id → the viewer's unread count. */
  unreadCounts: Map<string, number>;
  /** Conversation id → its labels, by name. */
  labels: Map<string, Label[]>;
}

/** Where the joined rows land on a listed conversation until `takeListedRelations` takes them off. */
const JOINED = { customer: 'listedCustomer', assignee: 'listedAssignee', lastMessage: 'listedLastMessage' } as const;
type Joined = { [K in (typeof JOINED)[keyof typeof JOINED]]?: Customer | StaffUser | Message | null } & { listedUnread?: number; listedLabels?: Label[] };
/** The result columns of the values computed beside the row (`keepListedValues` moves them onto it). */
const COMPUTED = { unreadCount: 'listed_unread', labels: 'listed_labels' } as const;
/** Every property the list puts on a conversation, taken off again by `takeListedRelations`. */
const LISTED_PROPERTIES = [...Object.values(JOINED), 'listedUnread', 'listedLabels'] as const;
interface ListedLabelJson {
  id: string;
  name: string;
  colour: string;
  createdAt: string;
}

/**
 * Joins the relations asked for to the list (each row's at most one customer, assignee and
 * last message, by primary key: the page's length doesn't change), instead of one loader
 * batch each after it. Each join names the conversation's organization, as the scope's own
 * queries do; the conversation rows themselves are the scope's.
 */
export function joinListedRelations(scope: TenantScope, query: ScopedQuery<Conversation>, relations: ListedRelations): ScopedQuery<Conversation> {
  const sameOrganization = (alias: string) => `${alias}.organizationId = conversation.organizationId`;
  if (relations.customer) {
    query.leftJoinAndMapOne(`conversation.${JOINED.customer}`, Customer, JOINED.customer, `${JOINED.customer}.id = conversation.customerId AND ${sameOrganization(JOINED.customer)}`);
  }
  if (relations.assignee) {
    query.leftJoinAndMapOne(`conversation.${JOINED.assignee}`, StaffUser, JOINED.assignee, `${JOINED.assignee}.id = conversation.assigneeId AND ${sameOrganization(JOINED.assignee)}`);
  }
  if (relations.lastMessage) {
    query.leftJoinAndMapOne(
      `conversation.${JOINED.lastMessage}`,
      Message,
      JOINED.lastMessage,
      // A message the viewer may not see is not joined: the field then finds the newest one they may.
      `${JOINED.lastMessage}.id = conversation.lastMessageId AND ${sameOrganization(JOINED.lastMessage)} AND ${scope.messageAudienceCondition(JOINED.lastMessage)}`,
    );
  }
  // Computed per listed row: with the list's LIMIT, PostgreSQL evaluates them for the page's rows only.
  if (relations.unreadCount) {
    const unread = unreadMessages(scope, 'listed_unread_message');
    query.addSelect(`(SELECT count(*)::int FROM message listed_unread_message WHERE ${unread.where})`, COMPUTED.unreadCount).setParameters(unread.parameters);
  }
  // A customer's threads show no labels (the team's words): theirs are not read.
  if (relations.labels && scope.viewer.kind !== 'customer') {
    query.addSelect(
      `(SELECT COALESCE(json_agg(json_build_object('id', listed_label.id, 'name', listed_label.name, 'colour', listed_label.colour, 'createdAt', listed_label.created_at)
                                 ORDER BY lower(listed_label.name), listed_label.id), '[]')
          FROM conversation_label listed_carried
          JOIN label listed_label ON listed_label.id = listed_carried.label_id AND listed_label.organization_id = conversation.organization_id
         WHERE listed_carried.organization_id = conversation.organization_id AND listed_carried.conversation_id = conversation.id)`,
      COMPUTED.labels,
    );
  }
  return query;
}

/** For the list's read (fetchKeysetPage's `withRow`): the computed values onto their conversation, until `takeListedRelations`. */
export function keepListedValues(conversation: Conversation, row: Record<string, unknown>): void {
  const listed = conversation as Conversation & Joined;
  const unread = row[COMPUTED.unreadCount];
  if (typeof unread === 'number') listed.listedUnread = unread;
  const labels = row[COMPUTED.labels] as ListedLabelJson[] | null | undefined;
  if (labels) {
    listed.listedLabels = labels.map((label) =>
      Object.assign(new Label(), { id: label.id, organizationId: conversation.organizationId, name: label.name, colour: label.colour, createdAt: new Date(label.createdAt) }),
    );
  }
}

/** The joined rows, taken off the conversations (which leave as they would without joins). */
export function takeListedRelations(conversations: readonly Conversation[]): ListedRelatedRows {
  const related: ListedRelatedRows = { customers: [], staff: [], messages: [], unreadCounts: new Map(), labels: new Map() };
  for (const conversation of conversations as (Conversation & Joined)[]) {
    const { listedCustomer, listedAssignee, listedLastMessage, listedUnread, listedLabels } = conversation;
    if (listedCustomer) related.customers.push(listedCustomer as Customer);
    if (listedAssignee) related.staff.push(listedAssignee as StaffUser);
    if (listedLastMessage) related.messages.push(listedLastMessage as Message);
    if (listedUnread !== undefined) related.unreadCounts.set(conversation.id, listedUnread);
    if (listedLabels) related.labels.set(conversation.id, listedLabels);
    for (const property of LISTED_PROPERTIES) delete conversation[property];
  }
  return related;
}
