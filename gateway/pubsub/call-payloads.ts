import type { ActorRef } from '../../entities/actor-type.js';
import type { CallState } from '../../entities/call.entity.js';

/**
 * What a video call's participants tell each other over the bus (issue 21). Signalling
 * (SDP, ICE candidates, media state) exists only here, for the length of a call: it is
 * never written to a table. Plain JSON, versioned like every payload (event-payloads.ts).
 */
export enum CallEventKind {
  /** The call's state changed (RINGING → WAITING → ACTIVE → ENDED/MISSED/DECLINED): for everyone on the call. */
  STATE = 'STATE',
  /** One side joined (staff opened the call, the customer came in). */
  JOINED = 'JOINED',
  /** One side left. */
  LEFT = 'LEFT',
  OFFER = 'OFFER',
  ANSWER = 'ANSWER',
  ICE_CANDIDATE = 'ICE_CANDIDATE',
  /** Microphone, camera and screen sharing switched on or off. */
  MEDIA = 'MEDIA',
}

/** The two sides of a call: the pharmacy's team, and the conversation's customer. Signals go to the other side only. */
export enum CallSide {
  TEAM = 'TEAM',
  CUSTOMER = 'CUSTOMER',
}

/** The call row, as subscribers show it. */
export interface PublishedCall {
  id: string;
  conversationId: string;
  state: CallState;
  startedById: string;
  createdAt: string;
  answeredAt: string | null;
  endedAt: string | null;
}

export interface PublishedIceCandidate {
  candidate: string;
  sdpMid: string | null;
  sdpMLineIndex: number | null;
  usernameFragment: string | null;
}

export interface PublishedMediaState {
  audioMuted: boolean;
  videoMuted: boolean;
  screenSharing: boolean;
}

export interface CallEventPayload {
  /** EVENT_VERSION (event-payloads.ts, which lists this file's topic and so can't be imported here). */
  v: 1;
  kind: CallEventKind;
  callId: string;
  /** Who sent it; null for state changes the server made (a missed call). */
  from: ActorRef | null;
  /** The sender's side; null for state changes, which everyone hears. */
  side: CallSide | null;
  /** STATE: the call as it is now. */
  call?: PublishedCall;
  /** OFFER, ANSWER: the session description. */
  sdp?: string;
  candidate?: PublishedIceCandidate;
  media?: PublishedMediaState;
}
