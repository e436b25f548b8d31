import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import type { Actor } from '../../gateway/loaders/actor-loader.js';
import { ConversationEventKind, type ConversationEventPayload } from '../../gateway/pubsub/event-payloads.js';
import { reviveMessage } from '../../gateway/pubsub/revived-rows.js';
import { ActorUnion } from '../actor/actor.union.js';
import { conversationEventStream } from './conversation-event-stream.js';
import { ConversationEventType, ReadReceiptType } from './conversation-event.type.js';

@Resolver(() => ConversationEventType)
export class ConversationEventsResolver {
  @Authorized(Permission.READ_CONVERSATIONS)
  @Subscription(() => ConversationEventType, {
    description:
      'Live events of one conversation. Pass the last sequence you have as afterSequence to first receive every message after it (reconnects lose nothing).',
    subscribe: ({ args, context }) => conversationEventStream(context as RequestContext, args.conversationId, args.afterSequence),
  })
  conversationEvents(
    @Root() event: ConversationEventPayload,
    @Arg('conversationId', () => ID) _conversationId: string,
    @Arg('afterSequence', () => Int, { nullable: true }) _afterSequence: number | undefined,
  ): ConversationEventType {
    if (event.kind === ConversationEventKind.READ) {
      const read = Object.assign(new ReadReceiptType(), { reader: event.reader, sequence: event.sequence, readAt: new Date(event.readAt) });
      return { kind: event.kind, conversationId: event.conversationId, message: null, read };
    }
    return { kind: event.kind, conversationId: event.conversationId, message: reviveMessage(event.message), read: null };
  }
}

@Resolver(() => ReadReceiptType)
export class ReadReceiptFieldsResolver {
  @FieldResolver(() => ActorUnion, { nullable: true, description: 'Null if the account no longer exists.' })
  reader(@Root() receipt: ReadReceiptType, @Ctx() context: RequestContext): Promise<Actor | null> {
    return context.loaders.actors.load(receipt.reader);
  }
}
