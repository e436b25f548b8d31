import type { ActorRef } from '../../entities/actor-type.js';
import { Call, CallState } from '../../entities/call.entity.js';
import type { Conversation } from '../../entities/conversation.entity.js';
import { MessageKind, SystemEventKind } from '../../entities/message.entity.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import type { ThreadService } from '../thread/thread.service.js';
import { stateEvent } from './published-call.js';

/** The final states, with the SYSTEM message each leaves in the thread. */
export type FinalCallState = CallState.ENDED | CallState.MISSED | CallState.DECLINED;

const FINAL_EVENT: Record<FinalCallState, SystemEventKind> = {
  [CallState.ENDED]: SystemEventKind.CALL_ENDED,
  [CallState.MISSED]: SystemEventKind.CALL_MISSED,
  [CallState.DECLINED]: SystemEventKind.CALL_DECLINED,
};

/** Whole seconds from the customer joining to the end; null for a call never answered. */
export const callDurationSeconds = (call: Pick<Call, 'answeredAt' | 'endedAt'>): number | null =>
  call.answeredAt && call.endedAt ? Math.max(0, Math.round((call.endedAt.getTime() - call.answeredAt.getTime()) / 1000)) : null;

/** "4 min 05 s": the English body of a CALL_ENDED message (clients word it from systemEvent themselves). */
export function durationWords(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${minutes} min ${String(rest).padStart(2, '0')} s` : `${rest} s`;
}

function finalWording(state: FinalCallState, duration: number | null): string {
  switch (state) {
    case CallState.ENDED:
      return duration === null ? 'Video call ended before it was answered.' : `Video call ended after ${durationWords(duration)}.`;
    case CallState.MISSED:
      return 'Missed video call.';
    case CallState.DECLINED:
      return 'Video call declined.';
  }
}

/** Where a call's transitions write and publish: the thread (SYSTEM messages) and the bus. */
export interface CallWriters {
  thread: ThreadService;
  realtime: RealtimePublisher;
}

/** Everyone on the call hears its new state once `tx` commits. */
export function publishState(tx: TenantScope, realtime: RealtimePublisher, call: Call, actor: ActorRef | null): void {
  tx.afterCommit(`call:${call.id}`, () => realtime.call(stateEvent(call, actor)));
}

/**
 * Ends an open call in `tx` (which holds its conversation locked): its final state and end
 * time, a SYSTEM message for both sides of the counter (with the duration for ENDED), and
 * its state on the bus after commit. A call already final is left as it is: false then.
 */
export async function finishCall(tx: TenantScope, writers: CallWriters, conversation: Conversation, call: Call, state: FinalCallState, actor: ActorRef): Promise<boolean> {
  if (call.state !== CallState.RINGING && call.state !== CallState.WAITING && call.state !== CallState.ACTIVE) return false;
  const endedAt = new Date();
  await tx.update(Call, { id: call.id }, { state, endedAt });
  Object.assign(call, { state, endedAt });
  const durationSeconds = state === CallState.ENDED ? callDurationSeconds(call) : null;
  await writers.thread.append(tx, conversation, {
    kind: MessageKind.SYSTEM,
    body: finalWording(state, durationSeconds),
    systemEvent: { type: FINAL_EVENT[state], from: null, to: call.id, actorType: actor.type, actorId: actor.id, callId: call.id, durationSeconds },
  });
  publishState(tx, writers.realtime, call, actor);
  return true;
}

/**
 * The call, with its conversation locked until `tx` ends (every change of a call takes that
 * lock first, so the call read after it is current); NOT_FOUND when the scope can't see it.
 */
export async function lockedCall(tx: TenantScope, thread: ThreadService, callId: string): Promise<{ call: Call; conversation: Conversation }> {
  const seen = await tx.findOne(tx.calls('call'), callId, 'callId', 'Call');
  const conversation = await thread.lock(tx, seen.conversationId, 'callId');
  const call = await tx.findOne(tx.calls('call'), callId, 'callId', 'Call');
  return { call, conversation };
}
