import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { Message } from '../../entities/message.entity.js';
import type { NoteMention } from '../../entities/note-mention.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { forbidden } from '../../gateway/errors/domain-error.js';
import { RateLimited } from '../../gateway/rate-limits/rate-limited.js';
import { ConversationType } from '../conversation/conversation.type.js';
import { MessageType } from '../message/message.type.js';
import { threadOf } from '../thread/request-thread.js';
import { NoteMentionType } from './mention.type.js';
import { WriteNoteInput } from './note.inputs.js';
import { NoteService } from './note.service.js';

const service = (context: RequestContext) => new NoteService(context.scope, threadOf(context));

@Resolver(() => NoteMentionType)
export class NoteResolver {
  @Authorized(Permission.WRITE_NOTES)
  @UseMiddleware(RateLimited((limits) => limits.messages))
  @Mutation(() => MessageType, {
    description:
      'Writes an internal note (kind NOTE, visibility TEAM) into a thread: customers never see it; keys need notes:read. "@Name" mentions a colleague. Retrying with the same clientMessageId returns the original note.',
  })
  writeNote(@Arg('input') input: WriteNoteInput, @Ctx() context: RequestContext): Promise<Message> {
    return service(context).write(input);
  }

  @Authorized(Permission.WRITE_NOTES)
  @Query(() => [NoteMentionType], { description: 'Notes that mention you and that you have not seen yet (read their conversation to clear them), newest first, at most 50.' })
  myMentions(@Ctx() context: RequestContext): Promise<NoteMention[]> {
    const viewer = context.signedInViewer;
    if (viewer.kind !== 'staff') throw forbidden('Only staff members are mentioned in notes.');
    return service(context).unseenMentions(viewer.staffId);
  }

  @FieldResolver(() => MessageType, { description: 'The note.' })
  async message(@Root() mention: NoteMention, @Ctx() context: RequestContext): Promise<Message> {
    return (await context.loaders.messages.load(mention.messageId))!;
  }

  @FieldResolver(() => ConversationType)
  async conversation(@Root() mention: NoteMention, @Ctx() context: RequestContext): Promise<Conversation> {
    return (await context.loaders.conversations.load(mention.conversationId))!;
  }
}
