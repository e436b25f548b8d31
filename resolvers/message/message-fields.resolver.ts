import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Attachment } from '../../entities/attachment.entity.js';
import type { Message } from '../../entities/message.entity.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import type { Actor } from '../../gateway/loaders/actor-loader.js';
import { ActorUnion } from '../actor/actor.union.js';
import { AttachmentType } from '../attachment/attachment.type.js';
import { MessageType } from './message.type.js';

@Resolver(() => MessageType)
export class MessageFieldsResolver {
  @FieldResolver(() => ActorUnion, { nullable: true, description: 'Null for SYSTEM messages.' })
  sender(@Root() message: Message, @Ctx() context: RequestContext): Promise<Actor | null> | null {
    if (!message.senderType || !message.senderId) return null;
    return context.loaders.actors.load({ type: message.senderType, id: message.senderId });
  }

  @FieldResolver(() => [AttachmentType])
  attachments(@Root() message: Message, @Ctx() context: RequestContext): Promise<Attachment[]> {
    return context.loaders.attachmentsByMessage.load(message.id);
  }

  @FieldResolver(() => MessageType, { nullable: true })
  replyTo(@Root() message: Message, @Ctx() context: RequestContext): Promise<Message | null> | null {
    return message.replyToId ? context.loaders.messages.load(message.replyToId) : null;
  }
}
