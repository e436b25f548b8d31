import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { Customer } from '../../entities/customer.entity.js';
import type { Message } from '../../entities/message.entity.js';
import type { Participant } from '../../entities/participant.entity.js';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { publishedLastMessage } from '../../gateway/pubsub/published-relations.js';
import { CustomerType } from '../customer/customer.type.js';
import { MessageConnectionType } from '../message/message-connection.type.js';
import { loadMessagePage } from '../message/message-page.js';
import { MessageType } from '../message/message.type.js';
import { PaginationArgs, toPageRequest } from '../pagination/pagination.args.js';
import { ParticipantType } from '../participant/participant.type.js';
import { StaffMemberType } from '../staff/staff-member.type.js';
import { ConversationType } from './conversation.type.js';

/** Relations of a conversation, each through a per-request loader so lists cost the same at any length. */
@Resolver(() => ConversationType)
export class ConversationFieldsResolver {
  @FieldResolver(() => CustomerType)
  async customer(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<Customer> {
    return (await context.loaders.customers.load(conversation.customerId))!;
  }

  @FieldResolver(() => StaffMemberType, { nullable: true })
  assignee(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<StaffUser | null> | null {
    return conversation.assigneeId ? context.loaders.staff.load(conversation.assigneeId) : null;
  }

  /**
   * An inbox event carries it (published-relations.ts); otherwise it is loaded. When the
   * newest message is one the viewer may not see (a team note, for a customer), the newest
   * one they may see instead.
   */
  @FieldResolver(() => MessageType, { nullable: true })
  async lastMessage(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<Message | null> {
    const published = publishedLastMessage.of(conversation);
    if (published === null || (published && context.scope.sees(published))) return published;
    if (!conversation.lastMessageId) return null;
    const newest = await context.loaders.messages.load(conversation.lastMessageId);
    return newest ?? context.loaders.latestMessages.load(conversation.id);
  }

  @FieldResolver(() => Int, { description: 'Messages from the other side that the viewer has not read.' })
  unreadCount(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<number> {
    return context.loaders.unreadCounts.load(conversation.id);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When a snoozed thread comes back to the Open tab; null when not snoozed, and for customers (the team’s planning).' })
  snoozedUntil(@Root() conversation: Conversation, @Ctx() context: RequestContext): Date | null {
    return context.signedInViewer.kind === 'customer' ? null : (conversation.snoozedUntil ?? null);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the oldest customer message still without an answer was written (the waiting-longest order); null when nothing waits, and for customers.',
  })
  waitingSince(@Root() conversation: Conversation, @Ctx() context: RequestContext): Date | null {
    return context.signedInViewer.kind === 'customer' ? null : (conversation.awaitingSince ?? null);
  }

  @FieldResolver(() => [ParticipantType])
  participants(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<Participant[]> {
    return context.loaders.participantsByConversation.load(conversation.id);
  }

  @FieldResolver(() => MessageConnectionType, {
    description: 'Oldest first within a page. Without arguments: the newest 20 (last: 20). Page back with last/before.',
  })
  messages(@Root() conversation: Conversation, @Args() args: PaginationArgs, @Ctx() context: RequestContext) {
    context.readAudit.conversationRead(conversation.id);
    return loadMessagePage(context.loaders, conversation, toPageRequest(args, 'backward'));
  }
}
