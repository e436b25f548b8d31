import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Attachment } from '../../entities/attachment.entity.js';
import type { Message } from '../../entities/message.entity.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import type { Actor } from '../../gateway/loaders/actor-loader.js';
import { publishedAttachments, publishedSender, type RevivedAttachment } from '../../gateway/pubsub/published-relations.js';
import { actorFromEvent } from '../actor/actor-from-event.js';
import { ActorUnion } from '../actor/actor.union.js';
import { AttachmentType } from '../attachment/attachment.type.js';
import { MessageType } from './message.type.js';

/** Relations of a message: from the event when a live event carried them, else through the request's loaders. */
@Resolver(() => MessageType)
export class MessageFieldsResolver {
  @FieldResolver(() => ActorUnion, { nullable: true, description: 'Null for SYSTEM messages.' })
  sender(@Root() message: Message, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<Actor | null> | Actor | null {
    if (!message.senderType || !message.senderId) return null;
    return (
      actorFromEvent(publishedSender.of(message), context.viewer, info) ??
      context.loaders.actors.load({ type: message.senderType, id: message.senderId })
    );
  }

  @FieldResolver(() => [AttachmentType])
  attachments(@Root() message: Message, @Ctx() context: RequestContext): Promise<Attachment[]> | RevivedAttachment[] {
    return publishedAttachments.of(message) ?? context.loaders.attachmentsByMessage.load(message.id);
  }

  @FieldResolver(() => MessageType, { nullable: true })
  replyTo(@Root() message: Message, @Ctx() context: RequestContext): Promise<Message | null> | null {
    return message.replyToId ? context.loaders.messages.load(message.replyToId) : null;
  }
}
