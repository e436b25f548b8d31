import { Repeater } from '@repeaterjs/repeater';
import { OPEN_CALL_STATES } from '../../entities/call.entity.js';
import { actorOf } from '../../gateway/auth/viewer.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { CallEventKind, type CallEventPayload } from '../../gateway/pubsub/call-payloads.js';
import { stateEvent } from './published-call.js';
import { callServiceOf } from './request-call-service.js';

/**
 * A call's events for one participant (authorized once, here, like conversationEvents: the
 * scope finds the call only for its pharmacy's staff and its conversation's customer). The
 * call's current state comes first, once the stream listens, so a client can join knowing it
 * will hear the answer; then every state change, and the other side's signals only (never
 * one's own side's). It completes after a final state.
 */
export async function callEventStream(context: RequestContext, callId: string): Promise<AsyncIterable<CallEventPayload>> {
  const service = callServiceOf(context);
  const side = service.side;
  const call = await service.call(callId);
  const { bus } = context.gateway.realtime;
  return new Repeater<CallEventPayload>(async (push, stop) => {
    let over = false;
    const deliver = (event: CallEventPayload) => {
      if (over) return;
      if (event.kind !== CallEventKind.STATE && event.side === side) return;
      void push(event);
      if (event.kind === CallEventKind.STATE && event.call && !OPEN_CALL_STATES.includes(event.call.state)) {
        over = true;
        // Let the final state go out before the stream completes.
        void Promise.resolve().then(() => stop());
      }
    };
    const stopListening = bus.on('call', call.id, deliver);
    // Read again after listening: a change between the first read and now is in the stream either way.
    try {
      deliver(stateEvent(await service.call(callId), actorOf(context.signedInViewer)));
    } catch (error) {
      stop(error);
    }
    await stop;
    stopListening();
  });
}
