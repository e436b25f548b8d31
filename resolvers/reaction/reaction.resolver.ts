import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Message } from '../../entities/message.entity.js';
import type { Reaction } from '../../entities/reaction.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import type { Actor } from '../../gateway/loaders/actor-loader.js';
import { publishedReactions } from '../../gateway/pubsub/published-relations.js';
import { ActorUnion } from '../actor/actor.union.js';
import { MessageType } from '../message/message.type.js';
import { threadOf } from '../thread/request-thread.js';
import { ReactionService } from './reaction.service.js';
import { ReactionType } from './reaction.type.js';

const service = (context: RequestContext) => new ReactionService(context.scope, threadOf(context));

@Resolver(() => ReactionType)
export class ReactionResolver {
  @Authorized(Permission.SEND_MESSAGES)
  @Mutation(() => MessageType, { description: 'Adds your emoji to a message; adding it twice changes nothing.' })
  addReaction(
    @Arg('messageId', () => ID) messageId: string,
    @Arg('emoji') emoji: string,
    @Ctx() context: RequestContext,
  ): Promise<Message> {
    return service(context).add({ messageId, emoji });
  }

  @Authorized(Permission.SEND_MESSAGES)
  @Mutation(() => MessageType, { description: 'Removes your emoji from a message, if it was there.' })
  removeReaction(
    @Arg('messageId', () => ID) messageId: string,
    @Arg('emoji') emoji: string,
    @Ctx() context: RequestContext,
  ): Promise<Message> {
    return service(context).remove({ messageId, emoji });
  }

  @FieldResolver(() => ActorUnion, { nullable: true, description: 'Null if the reacting account no longer exists.' })
  actor(@Root() reaction: Reaction, @Ctx() context: RequestContext): Promise<Actor | null> {
    return context.loaders.actors.load({ type: reaction.actorType, id: reaction.actorId });
  }
}

/** A message's reactions: here rather than in message/, which then needs nothing of this folder. */
@Resolver(() => MessageType)
export class MessageReactionsResolver {
  @FieldResolver(() => [ReactionType])
  reactions(@Root() message: Message, @Ctx() context: RequestContext): Promise<Reaction[]> | Reaction[] {
    return publishedReactions.of(message) ?? context.loaders.reactionsByMessage.load(message.id);
  }
}
