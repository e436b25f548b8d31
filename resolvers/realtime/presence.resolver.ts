import { Authorized, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ActorType, type ActorRef } from '../../entities/actor-type.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { busStream } from '../../gateway/pubsub/bus-stream.js';
import type { Actor } from '../../gateway/loaders/actor-loader.js';
import { actorKey } from '../../gateway/presence/presence-registry.js';
import type { PresenceEventPayload } from '../../gateway/pubsub/event-payloads.js';
import { ActorUnion } from '../actor/actor.union.js';
import { ConversationType } from '../conversation/conversation.type.js';
import { StaffMemberType } from '../staff/staff-member.type.js';

@ObjectType('PresenceEvent', { description: 'Someone came online or went offline (on every gateway instance).' })
export class PresenceEventType {
  actor: ActorRef;

  @Field()
  online: boolean;
}

/** Customers hear about staff only; staff and partners about everyone in their pharmacy. */
function presenceStream(context: RequestContext): AsyncIterable<PresenceEventPayload> {
  const viewer = context.signedInViewer;
  return busStream(
    context.gateway.realtime.bus,
    'presence',
    viewer.organizationId,
    ({ actor }) => viewer.kind !== 'customer' || actor.type === ActorType.STAFF,
    context.liveTail,
  );
}

@Resolver(() => PresenceEventType)
export class PresenceResolver {
  @Authorized(Permission.READ_CONVERSATIONS)
  @Query(() => [StaffMemberType], { description: 'Staff of the pharmacy with the dashboard open right now.' })
  async onlineStaff(@Ctx() context: RequestContext): Promise<StaffUser[]> {
    const online = [...(await context.onlineActors())].filter((key) => key.startsWith(`${ActorType.STAFF}:`));
    const staff = await Promise.all(online.map((key) => context.loaders.staff.load(key.slice(ActorType.STAFF.length + 1))));
    return staff.filter((member): member is StaffUser => member !== null);
  }

  @Authorized(Permission.READ_CONVERSATIONS)
  @Subscription(() => PresenceEventType, {
    description: 'Staff and customers of the pharmacy coming online or going offline.',
    subscribe: ({ context }) => presenceStream(context as RequestContext),
  })
  presenceChanged(@Root() event: PresenceEventPayload): PresenceEventType {
    return Object.assign(new PresenceEventType(), event);
  }

  @FieldResolver(() => ActorUnion, { nullable: true })
  actor(@Root() event: PresenceEventType, @Ctx() context: RequestContext): Promise<Actor | null> {
    return context.loaders.actors.load(event.actor);
  }
}

@Resolver(() => ConversationType)
export class ConversationPresenceResolver {
  @FieldResolver(() => Boolean, { description: 'Whether the customer has the chat open right now.' })
  async customerOnline(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<boolean> {
    return (await context.onlineActors()).has(actorKey({ type: ActorType.CUSTOMER, id: conversation.customerId }));
  }
}
