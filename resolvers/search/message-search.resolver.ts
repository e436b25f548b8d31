import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Conversation } from '../../entities/conversation.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { ConversationType } from '../conversation/conversation.type.js';
import type { Page } from '../pagination/page.js';
import { SearchMessagesArgs } from './message-search.args.js';
import { MessageSearchConnectionType } from './message-search-connection.type.js';
import { MessageSearchHitType } from './message-search-hit.type.js';
import { MessageSearchService, type MessageSearchHit } from './message-search.service.js';

@Resolver(() => MessageSearchHitType)
export class MessageSearchResolver {
  @Authorized(Permission.READ_CONVERSATIONS)
  @Query(() => MessageSearchConnectionType, {
    description:
      'Full-text search over message bodies, partial words included, best match first (whole words before partial ones), ' +
      'optionally between two times. Staff and partners search the pharmacy’s messages; ' +
      'a customer their own conversations. Deleted and SYSTEM messages are not searched.',
  })
  searchMessages(@Args() args: SearchMessagesArgs, @Ctx() context: RequestContext): Promise<Page<MessageSearchHit>> {
    return new MessageSearchService(context.scope).search(args);
  }

  @FieldResolver(() => ConversationType, { description: 'The conversation the message is in.' })
  async conversation(@Root() hit: MessageSearchHit, @Ctx() context: RequestContext): Promise<Conversation> {
    // Visible by construction: the hit came through the same scope.
    return (await context.loaders.conversations.load(hit.message.conversationId))!;
  }
}
