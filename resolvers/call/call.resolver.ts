import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription, UseMiddleware } from 'type-graphql';
import type { Call } from '../../entities/call.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import type { Actor } from '../../gateway/loaders/actor-loader.js';
import type { IceServer } from '../../gateway/calls/turn-credentials.js';
import type { CallEventPayload } from '../../gateway/pubsub/call-payloads.js';
import { RateLimited } from '../../gateway/rate-limits/rate-limited.js';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import { ActorUnion } from '../actor/actor.union.js';
import { StaffMemberType } from '../staff/staff-member.type.js';
import { callDurationSeconds } from './call-lifecycle.js';
import { callEventStream } from './call-event-stream.js';
import { CallDescriptionInput, CallMediaInput, IceCandidateInput } from './call.inputs.js';
import { CallEventType, CallType, IceServerType } from './call.type.js';
import { revivedCall } from './published-call.js';
import { callServiceOf } from './request-call-service.js';

const limited = RateLimited((limits) => limits.callSignals);

@Resolver(() => CallType)
export class CallResolver {
  @Authorized(Permission.JOIN_CALLS)
  @Query(() => CallType, { description: 'A video call of a conversation you can see.' })
  call(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Call> {
    return callServiceOf(context).call(id);
  }

  @Authorized(Permission.JOIN_CALLS)
  @Query(() => CallType, { nullable: true, description: "The conversation's video call that is ringing, waiting or going on, if any." })
  activeCall(@Arg('conversationId', () => ID) conversationId: string, @Ctx() context: RequestContext): Promise<Call | null> {
    return callServiceOf(context).activeCall(conversationId);
  }

  @Authorized(Permission.START_CALLS)
  @UseMiddleware(limited)
  @Mutation(() => CallType, { description: "Rings the conversation's customer (CONFLICT if a call is already going on there). Becomes MISSED if they don't join in time." })
  startCall(@Arg('conversationId', () => ID) conversationId: string, @Ctx() context: RequestContext): Promise<Call> {
    return callServiceOf(context).start(conversationId);
  }

  @Authorized(Permission.JOIN_CALLS)
  @UseMiddleware(limited)
  @Mutation(() => CallType, { description: 'Customers: you are in the waiting room, checking camera and microphone (RINGING → WAITING).' })
  enterCallWaitingRoom(@Arg('callId', () => ID) callId: string, @Ctx() context: RequestContext): Promise<Call> {
    return callServiceOf(context).enterWaitingRoom(callId);
  }

  @Authorized(Permission.JOIN_CALLS)
  @UseMiddleware(limited)
  @Mutation(() => CallType, { description: "Joins a call: the customer's joining makes it ACTIVE. Subscribe to callEvents first, then send your offer." })
  joinCall(@Arg('callId', () => ID) callId: string, @Ctx() context: RequestContext): Promise<Call> {
    return callServiceOf(context).join(callId);
  }

  @Authorized(Permission.JOIN_CALLS)
  @UseMiddleware(limited)
  @Mutation(() => CallType, { description: 'Customers: declines a call that is ringing.' })
  declineCall(@Arg('callId', () => ID) callId: string, @Ctx() context: RequestContext): Promise<Call> {
    return callServiceOf(context).decline(callId);
  }

  @Authorized(Permission.JOIN_CALLS)
  @UseMiddleware(limited)
  @Mutation(() => CallType, { description: 'Hangs up: the call ends for both sides and its duration goes into the thread. Leaving a call that is over changes nothing.' })
  leaveCall(@Arg('callId', () => ID) callId: string, @Ctx() context: RequestContext): Promise<Call> {
    return callServiceOf(context).leave(callId);
  }

  @Authorized(Permission.JOIN_CALLS)
  @UseMiddleware(limited)
  @Mutation(() => Boolean, { description: 'Sends an SDP offer to the other side of the call.' })
  sendCallOffer(@Arg('input') input: CallDescriptionInput, @Ctx() context: RequestContext): Promise<boolean> {
    return callServiceOf(context).offer(input.callId, input.sdp);
  }

  @Authorized(Permission.JOIN_CALLS)
  @UseMiddleware(limited)
  @Mutation(() => Boolean, { description: 'Sends an SDP answer to the other side of the call.' })
  sendCallAnswer(@Arg('input') input: CallDescriptionInput, @Ctx() context: RequestContext): Promise<boolean> {
    return callServiceOf(context).answer(input.callId, input.sdp);
  }

  @Authorized(Permission.JOIN_CALLS)
  @UseMiddleware(limited)
  @Mutation(() => Boolean, { description: 'Sends an ICE candidate to the other side of the call.' })
  sendIceCandidate(@Arg('input') input: IceCandidateInput, @Ctx() context: RequestContext): Promise<boolean> {
    return callServiceOf(context).iceCandidate(input.callId, {
      candidate: input.candidate,
      sdpMid: input.sdpMid ?? null,
      sdpMLineIndex: input.sdpMLineIndex ?? null,
      usernameFragment: input.usernameFragment ?? null,
    });
  }

  @Authorized(Permission.JOIN_CALLS)
  @UseMiddleware(limited)
  @Mutation(() => Boolean, { description: 'Tells the other side whether your microphone, camera and screen sharing are on.' })
  setCallMedia(@Arg('input') input: CallMediaInput, @Ctx() context: RequestContext): Promise<boolean> {
    return callServiceOf(context).media(input.callId, input);
  }

  @Authorized(Permission.JOIN_CALLS)
  @Subscription(() => CallEventType, {
    description: "A call's state first, then its state changes and the other side's signals (never your own side's). Completes once the call is over.",
    subscribe: ({ args, context }) => callEventStream(context as RequestContext, args.callId),
  })
  callEvents(@Root() event: CallEventPayload, @Arg('callId', () => ID) _callId: string): CallEventType {
    return {
      kind: event.kind,
      callId: event.callId,
      fromActor: event.from,
      side: event.side,
      call: event.call ? revivedCall(event.call) : null,
      sdp: event.sdp ?? null,
      candidate: event.candidate ?? null,
      media: event.media ?? null,
    };
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Seconds from the customer joining to the end (so far, while ACTIVE).' })
  durationSeconds(@Root() call: Call): number | null {
    return callDurationSeconds({ answeredAt: call.answeredAt, endedAt: call.endedAt ?? (call.answeredAt ? new Date() : null) });
  }

  @FieldResolver(() => StaffMemberType, { nullable: true, description: 'Who started it; null if the account no longer exists.' })
  startedBy(@Root() call: Call, @Ctx() context: RequestContext): Promise<StaffUser | null> {
    return context.loaders.staff.load(call.startedById);
  }

  @Authorized(Permission.JOIN_CALLS)
  @FieldResolver(() => [IceServerType], { description: 'STUN and TURN servers for this call (ICE_SERVERS), TURN with short-lived credentials.' })
  iceServers(@Root() call: Call, @Ctx() context: RequestContext): IceServer[] {
    return callServiceOf(context).iceServers(call);
  }
}

@Resolver(() => CallEventType)
export class CallEventResolver {
  @FieldResolver(() => ActorUnion, { nullable: true, description: 'Who sent it; null for state changes the server made.' })
  from(@Root() event: CallEventType, @Ctx() context: RequestContext): Promise<Actor | null> | null {
    return event.fromActor ? context.loaders.actors.load(event.fromActor) : null;
  }
}
