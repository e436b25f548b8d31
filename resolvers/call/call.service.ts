import { Call, CallState, OPEN_CALL_STATES } from '../../entities/call.entity.js';
import { MessageKind, SystemEventKind } from '../../entities/message.entity.js';
import { actorOf, type SignedInViewer } from '../../gateway/auth/viewer.js';
import { iceServersFor, type IceServer } from '../../gateway/calls/turn-credentials.js';
import type { CallSettings } from '../../gateway/calls/call-settings.js';
import { badUserInput, conflict, forbidden } from '../../gateway/errors/domain-error.js';
import { CallEventKind, CallSide, type PublishedIceCandidate, type PublishedMediaState } from '../../gateway/pubsub/call-payloads.js';
import { EVENT_VERSION } from '../../gateway/pubsub/event-payloads.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';
import type { ThreadService } from '../thread/thread.service.js';
import { finishCall, lockedCall, publishState, type CallWriters } from './call-lifecycle.js';
import { scheduleCallMissed } from './call-missed.task.js';
import { assertIceCandidate, assertSessionDescription, mediaState } from './call-signal.js';

/** Which side of a call a viewer is on: the team (staff) or the conversation's customer. Partners take no part. */
export function sideOf(viewer: SignedInViewer): CallSide {
  if (viewer.kind === 'customer') return CallSide.CUSTOMER;
  if (viewer.kind === 'staff') return CallSide.TEAM;
  throw forbidden('API keys take no part in video calls.');
}

const isOpen = (call: Call) => OPEN_CALL_STATES.includes(call.state);

/**
 * Video calls in conversations (issue 21). Whoever sees a conversation (its pharmacy's staff,
 * its customer) may take part in its calls; everyone else gets NOT_FOUND from the scope.
 * Transitions lock the conversation, write the call row and the thread's SYSTEM messages in
 * one transaction and publish after commit; signals only pass through the bus.
 */
export class CallService {
  private readonly writers: CallWriters;

  constructor(
    private readonly scope: TenantScope,
    private readonly thread: ThreadService,
    private readonly realtime: RealtimePublisher,
    private readonly settings: CallSettings,
  ) {
    this.writers = { thread, realtime };
  }

  /** A call the viewer may see, or NOT_FOUND. */
  call(callId: string): Promise<Call> {
    return this.scope.findOne(this.scope.calls('call'), callId, 'callId', 'Call');
  }

  /** The conversation's call still ringing, waiting or going on, if any. */
  async activeCall(conversationId: string): Promise<Call | null> {
    const conversation = await this.thread.conversation(conversationId);
    return this.scope
      .calls('call')
      .andWhere('call.conversationId = :conversationId', { conversationId: conversation.id })
      .andWhere('call.state IN (:...open)', { open: OPEN_CALL_STATES })
      .getOne();
  }

  /** Staff ring the conversation's customer: a SYSTEM message invites them, MISSED follows if they don't come. */
  async start(conversationId: string): Promise<Call> {
    const actor = actorOf(this.scope.viewer);
    return this.scope.transaction(async (tx) => {
      const conversation = await this.thread.lock(tx, conversationId);
      const open = await tx.calls('call').andWhere('call.conversationId = :id', { id: conversation.id }).andWhere('call.state IN (:...open)', { open: OPEN_CALL_STATES }).getOne();
      if (open) throw conflict('A video call is already going on in this conversation.');
      const call = await tx.insert(Call, { conversationId: conversation.id, state: CallState.RINGING, startedById: actor.id, answeredAt: null, endedAt: null, createdAt: new Date() });
      await this.thread.append(tx, conversation, {
        kind: MessageKind.SYSTEM,
        body: 'Video call started.',
        systemEvent: { type: SystemEventKind.CALL_STARTED, from: null, to: call.id, actorType: actor.type, actorId: actor.id, callId: call.id },
      });
      await scheduleCallMissed(tx, call.id, this.settings.ringTimeoutMs);
      publishState(tx, this.realtime, call, actor);
      return call;
    });
  }

  /** The customer opened the waiting room (camera and microphone check): staff see they are coming. */
  enterWaitingRoom(callId: string): Promise<Call> {
    this.assertCustomer('enter the waiting room');
    return this.change(callId, async (tx, call) => {
      if (call.state !== CallState.RINGING) return;
      await tx.update(Call, { id: call.id }, { state: CallState.WAITING });
      call.state = CallState.WAITING;
      publishState(tx, this.realtime, call, actorOf(this.scope.viewer));
    });
  }

  /**
   * Joining: the customer's makes the call ACTIVE (the duration counts from here); staff
   * join a call already open (another colleague, or after a reload). The other side hears JOINED.
   */
  join(callId: string): Promise<Call> {
    const actor = actorOf(this.scope.viewer);
    return this.change(callId, async (tx, call) => {
      if (this.side === CallSide.CUSTOMER && call.state !== CallState.ACTIVE) {
        const answeredAt = new Date();
        await tx.update(Call, { id: call.id }, { state: CallState.ACTIVE, answeredAt });
        Object.assign(call, { state: CallState.ACTIVE, answeredAt });
        publishState(tx, this.realtime, call, actor);
      }
      tx.afterCommit(`call-joined:${call.id}`, () => this.publishSignal(call.id, CallEventKind.JOINED, {}));
    });
  }

  /** The customer says no: DECLINED, with its SYSTEM message. */
  decline(callId: string): Promise<Call> {
    this.assertCustomer('decline a call');
    return this.change(callId, async (tx, call, conversation) => {
      if (call.state === CallState.ACTIVE) throw conflict('The call was already answered: leave it instead.');
      await finishCall(tx, this.writers, conversation, call, CallState.DECLINED, actorOf(this.scope.viewer));
    });
  }

  /**
   * Hanging up ends the call for both sides (calls are one-to-one), with its duration in the
   * thread. Leaving a call already over changes nothing: both sides may hang up at once.
   */
  async leave(callId: string): Promise<Call> {
    const actor = actorOf(this.scope.viewer);
    return this.scope.transaction(async (tx) => {
      const { call, conversation } = await lockedCall(tx, this.thread, callId);
      if (await finishCall(tx, this.writers, conversation, call, CallState.ENDED, actor)) {
        tx.afterCommit(`call-left:${call.id}`, () => this.publishSignal(call.id, CallEventKind.LEFT, {}));
      }
      return call;
    });
  }

  offer(callId: string, sdp: string): Promise<boolean> {
    return this.signal(callId, CallEventKind.OFFER, { sdp: assertSessionDescription(sdp) });
  }

  answer(callId: string, sdp: string): Promise<boolean> {
    return this.signal(callId, CallEventKind.ANSWER, { sdp: assertSessionDescription(sdp) });
  }

  iceCandidate(callId: string, candidate: PublishedIceCandidate): Promise<boolean> {
    return this.signal(callId, CallEventKind.ICE_CANDIDATE, { candidate: assertIceCandidate(candidate) });
  }

  media(callId: string, media: PublishedMediaState): Promise<boolean> {
    return this.signal(callId, CallEventKind.MEDIA, { media: mediaState(media) });
  }

  /** STUN and TURN for this call, TURN with credentials of its own (coturn's shared-secret scheme). */
  iceServers(call: Call): IceServer[] {
    sideOf(this.scope.viewer);
    return iceServersFor(this.settings, call.id);
  }

  get side(): CallSide {
    return sideOf(this.scope.viewer);
  }

  /** Signals go to the other side over the bus and nowhere else; only while the call is open. */
  private async signal(callId: string, kind: CallEventKind, body: { sdp?: string; candidate?: PublishedIceCandidate; media?: PublishedMediaState }): Promise<boolean> {
    const call = await this.call(callId);
    if (!isOpen(call)) throw conflict('This call is over.');
    this.publishSignal(call.id, kind, body);
    return true;
  }

  private publishSignal(callId: string, kind: CallEventKind, body: { sdp?: string; candidate?: PublishedIceCandidate; media?: PublishedMediaState }): void {
    this.realtime.call({ v: EVENT_VERSION, kind, callId, from: actorOf(this.scope.viewer), side: this.side, ...body });
  }

  /** A change of an open call, under its conversation's lock; a call that is over is a CONFLICT. */
  private change(callId: string, work: (tx: TenantScope, call: Call, conversation: Awaited<ReturnType<typeof lockedCall>>['conversation']) => Promise<void>): Promise<Call> {
    return this.scope.transaction(async (tx) => {
      const { call, conversation } = await lockedCall(tx, this.thread, callId);
      if (!isOpen(call)) throw conflict('This call is over.');
      await work(tx, call, conversation);
      return call;
    });
  }

  private assertCustomer(what: string): void {
    if (this.side !== CallSide.CUSTOMER) throw badUserInput('callId', `Only the customer can ${what}.`);
  }
}
