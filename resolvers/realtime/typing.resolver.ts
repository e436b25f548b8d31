import { Repeater } from '@repeaterjs/repeater';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { ActorRef } from '../../entities/actor-type.js';
import { Permission } from '../../gateway/auth/permission.js';
import { actorOf } from '../../gateway/auth/viewer.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import type { Actor } from '../../gateway/loaders/actor-loader.js';
import { actorKey } from '../../gateway/presence/presence-registry.js';
import type { TypingEventPayload } from '../../gateway/pubsub/event-payloads.js';
import { ActorUnion } from '../actor/actor.union.js';
import { threadOf } from '../thread/request-thread.js';

@ObjectType('TypingEvent', { description: 'Someone started or stopped typing in a conversation.' })
export class TypingEventType {
  actor: ActorRef;

  @Field(() => ID)
  conversationId: string;

  @Field()
  typing: boolean;
}

const visibleConversation = (context: RequestContext, conversationId: string) => threadOf(context).conversation(conversationId);

/**
 * Typing events of one conversation, except the viewer's own. "Typing" ends by
 * itself `typingTimeoutMs` after the last refresh, timed here on the subscriber's
 * gateway, so a client that crashed mid-sentence never stays "typing…" forever.
 */
async function typingStream(context: RequestContext, conversationId: string): Promise<AsyncIterable<TypingEventPayload>> {
  const conversation = await visibleConversation(context, conversationId);
  const own = actorKey(actorOf(context.signedInViewer));
  const { bus } = context.gateway.realtime;
  const timeoutMs = context.gateway.config.typingTimeoutMs;
  return new Repeater<TypingEventPayload>(async (push, stop) => {
    const expiries = new Map<string, NodeJS.Timeout>();
    const stopListening = bus.on('typing', conversation.id, (event) => {
      const key = actorKey(event.actor);
      if (key === own) return;
      clearTimeout(expiries.get(key));
      expiries.delete(key);
      if (event.typing) {
        expiries.set(
          key,
          setTimeout(() => {
            expiries.delete(key);
            void push({ ...event, typing: false });
          }, timeoutMs),
        );
      }
      void push(event);
    });
    await stop;
    stopListening();
    expiries.forEach((timer) => clearTimeout(timer));
  });
}

@Resolver(() => TypingEventType)
export class TypingResolver {
  @Authorized(Permission.SEND_MESSAGES)
  @Mutation(() => Boolean, {
    description: 'Call with typing: true every few seconds while typing (it lapses after about 6 s), false when done.',
  })
  async setTyping(
    @Arg('conversationId', () => ID) conversationId: string,
    @Arg('typing', { defaultValue: true }) typing: boolean,
    @Ctx() context: RequestContext,
  ): Promise<boolean> {
    const conversation = await visibleConversation(context, conversationId);
    context.gateway.realtime.publisher.typing(conversation.id, actorOf(context.signedInViewer), typing);
    return true;
  }

  @Authorized(Permission.READ_CONVERSATIONS)
  @Subscription(() => TypingEventType, {
    description: "Who is typing in a conversation (not including you). typing: false also arrives when someone's typing lapses.",
    subscribe: ({ args, context }) => typingStream(context as RequestContext, args.conversationId),
  })
  typing(
    @Root() event: TypingEventPayload,
    @Arg('conversationId', () => ID) _conversationId: string,
  ): TypingEventType {
    return Object.assign(new TypingEventType(), event);
  }

  @FieldResolver(() => ActorUnion, { nullable: true })
  actor(@Root() event: TypingEventType, @Ctx() context: RequestContext): Promise<Actor | null> {
    return context.loaders.actors.load(event.actor);
  }
}
