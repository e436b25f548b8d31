import { Arg, Authorized, Ctx, ID, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { RateLimited } from '../../gateway/rate-limits/rate-limited.js';
import type { Message } from '../../entities/message.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { threadOf } from '../thread/request-thread.js';
import { EditMessageInput, SendMessageInput } from './message.inputs.js';
import { MessageService } from './message.service.js';
import { MessageType } from './message.type.js';

const service = (context: RequestContext) => new MessageService(context.scope, threadOf(context), context.gateway.files);

@Resolver(() => MessageType)
export class MessageResolver {
  @Authorized(Permission.SEND_MESSAGES)
  @UseMiddleware(
    RateLimited((limits) => limits.messages),
    RateLimited((limits) => limits.uploads, (args) => args.input?.attachments?.length ?? 0),
  )
  @Mutation(() => MessageType, {
    description:
      'Appends a message (sequence = last + 1). Retrying with the same clientMessageId returns the original message instead of a copy. Rate-limited per sender (RATE_LIMITED with retryAfter).',
  })
  sendMessage(@Arg('input') input: SendMessageInput, @Ctx() context: RequestContext): Promise<Message> {
    return service(context).send(input);
  }

  @Authorized(Permission.SEND_MESSAGES)
  @Mutation(() => MessageType, { description: 'Only your own messages.' })
  editMessage(@Arg('input') input: EditMessageInput, @Ctx() context: RequestContext): Promise<Message> {
    return service(context).edit(input);
  }

  @Authorized(Permission.SEND_MESSAGES)
  @Mutation(() => MessageType, { description: 'Only your own messages. The tombstone stays in the thread.' })
  deleteMessage(@Arg('messageId', () => ID) messageId: string, @Ctx() context: RequestContext): Promise<Message> {
    return service(context).delete(messageId);
  }
}
