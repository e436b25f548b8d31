import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import type { Conversation } from '../../entities/conversation.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { toPageRequest } from '../pagination/pagination.args.js';
import { selectedNodeFields } from '../pagination/selected-node-fields.js';
import { ConversationConnectionType } from './conversation-connection.type.js';
import { ConversationsArgs } from './conversation.args.js';
import {
  AssignConversationInput,
  ConversationRefInput,
  MarkConversationReadInput,
  SnoozeConversationInput,
  SetConversationPriorityInput,
  SetConversationStatusInput,
  StartConversationInput,
} from './conversation.inputs.js';
import { ConversationService } from './conversation.service.js';
import { ConversationType } from './conversation.type.js';
import { threadOf } from '../thread/request-thread.js';

const service = (context: RequestContext) => new ConversationService(context.scope, threadOf(context));

@Resolver(() => ConversationType)
export class ConversationResolver {
  @Authorized(Permission.READ_CONVERSATIONS)
  @Query(() => ConversationConnectionType, {
    description: 'Newest activity first unless orderBy says otherwise. Staff and partners see the pharmacy’s; a customer sees their own.',
  })
  async conversations(@Args() args: ConversationsArgs, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<ConversationConnectionType> {
    // The rows' customer, assignee, last message, unread count and labels come with the list when
    // asked for, and wait in the loaders that their fields read: one statement instead of six.
    const asked = selectedNodeFields(info);
    const relations = {
      customer: asked.has('customer'),
      assignee: asked.has('assignee'),
      lastMessage: asked.has('lastMessage'),
      unreadCount: asked.has('unreadCount'),
      labels: asked.has('labels'),
    };
    const page = await service(context).list(args.filter ?? {}, toPageRequest(args), relations, args.orderBy ?? undefined);
    const { loaders } = context;
    for (const customer of page.related.customers) loaders.customers.prime(customer.id, customer);
    for (const staff of page.related.staff) loaders.staff.prime(staff.id, staff);
    for (const message of page.related.messages) loaders.messages.prime(message.id, message);
    for (const [conversationId, unread] of page.related.unreadCounts) loaders.unreadCounts.prime(conversationId, unread);
    for (const [conversationId, labels] of page.related.labels) loaders.labelsByConversation.prime(conversationId, labels);
    return new ConversationConnectionType(page, page.count);
  }

  @Authorized(Permission.READ_CONVERSATIONS)
  @Query(() => ConversationType, { description: 'NOT_FOUND for ids the viewer may not see, exactly as for ids that do not exist.' })
  conversation(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Conversation> {
    return service(context).get(id);
  }

  @Authorized(Permission.SEND_MESSAGES)
  @Mutation(() => ConversationType, { description: 'Opens a thread with a customer; staff and partners name the customer.' })
  startConversation(@Arg('input') input: StartConversationInput, @Ctx() context: RequestContext): Promise<Conversation> {
    return service(context).start(input);
  }

  @Authorized(Permission.MANAGE_CONVERSATIONS)
  @Mutation(() => ConversationType, { description: 'Adds a SYSTEM message to the thread when the status changes.' })
  setConversationStatus(@Arg('input') input: SetConversationStatusInput, @Ctx() context: RequestContext): Promise<Conversation> {
    return service(context).setStatus(input);
  }

  @Authorized(Permission.MANAGE_CONVERSATIONS)
  @Mutation(() => ConversationType, { description: 'Adds a SYSTEM message to the thread when the assignee changes.' })
  assignConversation(@Arg('input') input: AssignConversationInput, @Ctx() context: RequestContext): Promise<Conversation> {
    return service(context).assign(input);
  }

  @Authorized(Permission.MANAGE_CONVERSATIONS)
  @Mutation(() => ConversationType, { description: 'Changes the priority; no SYSTEM message is written.' })
  setConversationPriority(@Arg('input') input: SetConversationPriorityInput, @Ctx() context: RequestContext): Promise<Conversation> {
    return service(context).setPriority(input);
  }

  @Authorized(Permission.READ_CONVERSATIONS)
  @Mutation(() => ConversationType, { description: "Moves the viewer's read position forward (never back)." })
  markConversationRead(@Arg('input') input: MarkConversationReadInput, @Ctx() context: RequestContext): Promise<Conversation> {
    return service(context).markRead(input);
  }

  @Authorized(Permission.ORGANIZE_INBOX)
  @Mutation(() => ConversationType, {
    description:
      "Staff only: the viewer's own read position goes back to just before the newest message from the customer (or partner), so the thread counts as unread for them alone until they open it again. BAD_USER_INPUT when there is no such message.",
  })
  markConversationUnread(@Arg('input') input: ConversationRefInput, @Ctx() context: RequestContext): Promise<Conversation> {
    return service(context).markUnread(input.conversationId);
  }

  @Authorized(Permission.ORGANIZE_INBOX)
  @Mutation(() => ConversationType, {
    description:
      'Staff only: out of the working inbox (filter.snoozed) until `until`, then back to OPEN with a SYSTEM message; a customer message wakes it earlier. The status is unchanged meanwhile. BAD_USER_INPUT for a time not in the future or more than a year away, or a resolved or closed thread.',
  })
  snoozeConversation(@Arg('input') input: SnoozeConversationInput, @Ctx() context: RequestContext): Promise<Conversation> {
    return service(context).snooze(input);
  }

  @Authorized(Permission.ORGANIZE_INBOX)
  @Mutation(() => ConversationType, { description: 'Staff only: ends a snooze now (with a SYSTEM message); the status stays as it is.' })
  unsnoozeConversation(@Arg('input') input: ConversationRefInput, @Ctx() context: RequestContext): Promise<Conversation> {
    return service(context).unsnooze(input.conversationId);
  }
}
