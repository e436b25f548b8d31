import type { ActorRef } from '../../entities/actor-type.js';
import type { Call } from '../../entities/call.entity.js';
import { CallEventKind, type CallEventPayload, type PublishedCall } from '../../gateway/pubsub/call-payloads.js';
import { EVENT_VERSION } from '../../gateway/pubsub/event-payloads.js';

/** The call row as it travels on the bus. */
export function publishedCall(call: Call): PublishedCall {
  return {
    id: call.id,
    conversationId: call.conversationId,
    state: call.state,
    startedById: call.startedById,
    createdAt: call.createdAt.toISOString(),
    answeredAt: call.answeredAt?.toISOString() ?? null,
    endedAt: call.endedAt?.toISOString() ?? null,
  };
}

/** A call's state as everyone on it hears it. */
export function stateEvent(call: Call, from: ActorRef | null): CallEventPayload {
  return { v: EVENT_VERSION, kind: CallEventKind.STATE, callId: call.id, from, side: null, call: publishedCall(call) };
}

/** Back from the bus: a call object the GraphQL type resolves like a row. */
export function revivedCall(call: PublishedCall): Call {
  return {
    ...call,
    organizationId: '',
    createdAt: new Date(call.createdAt),
    answeredAt: call.answeredAt ? new Date(call.answeredAt) : null,
    endedAt: call.endedAt ? new Date(call.endedAt) : null,
  };
}
