import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ActorRef } from '../../entities/actor-type.js';
import { CallState } from '../../entities/call.entity.js';
import { CallEventKind, CallSide } from '../../gateway/pubsub/call-payloads.js';

registerEnumType(CallState, {
  name: 'CallState',
  description: 'Where a video call is in its life.',
  valuesConfig: {
    RINGING: { description: 'Started by staff; the customer is invited.' },
    WAITING: { description: 'The customer is in the waiting room, checking camera and microphone.' },
    ACTIVE: { description: 'The customer joined.' },
    ENDED: { description: 'Someone hung up.' },
    MISSED: { description: 'The customer did not join in time.' },
    DECLINED: { description: 'The customer declined.' },
  },
});
registerEnumType(CallEventKind, { name: 'CallEventKind', description: 'What a call event carries.' });
registerEnumType(CallSide, { name: 'CallSide', description: "The pharmacy's team, or the conversation's customer." });

@ObjectType('Call', { description: 'A video call in a conversation. Its signalling is never stored.' })
export class CallType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  conversationId: string;

  @Field(() => CallState)
  state: CallState;

  @Field(() => Date, { description: 'When it started ringing.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the customer joined.' })
  answeredAt: Date | null;

  @Field(() => Date, { nullable: true })
  endedAt: Date | null;
}

@ObjectType('IceServer', { description: 'One entry of RTCConfiguration.iceServers. TURN credentials are short-lived and made for this call.' })
export class IceServerType {
  @Field(() => [String])
  urls: string[];

  @Field(() => String, { nullable: true, description: 'TURN only: `<expiry as unix seconds>:<call id>`.' })
  username: string | null;

  @Field(() => String, { nullable: true, description: 'TURN only: base64(HMAC-SHA1(TURN_SECRET, username)).' })
  credential: string | null;
}

@ObjectType('IceCandidate', { description: 'RTCIceCandidateInit as the other side sent it.' })
export class IceCandidateType {
  @Field({ description: 'Empty: the sender has no more candidates.' })
  candidate: string;

  @Field(() => String, { nullable: true })
  sdpMid: string | null;

  @Field(() => Int, { nullable: true })
  sdpMLineIndex: number | null;

  @Field(() => String, { nullable: true })
  usernameFragment: string | null;
}

@ObjectType('CallMediaState', { description: "The other side's microphone, camera and screen sharing." })
export class CallMediaStateType {
  @Field()
  audioMuted: boolean;

  @Field()
  videoMuted: boolean;

  @Field()
  screenSharing: boolean;
}

@ObjectType('CallEvent', { description: "A call's new state (for everyone on it), or a signal from the other side." })
export class CallEventType {
  @Field(() => CallEventKind)
  kind: CallEventKind;

  @Field(() => ID)
  callId: string;

  /** Resolved by CallEventResolver.from. */
  fromActor: ActorRef | null;

  @Field(() => CallSide, { nullable: true, description: "The sender's side; null for state changes." })
  side: CallSide | null;

  @Field(() => CallType, { nullable: true, description: 'STATE: the call as it is now.' })
  call: CallType | null;

  @Field(() => String, { nullable: true, description: 'OFFER, ANSWER: the session description.' })
  sdp: string | null;

  @Field(() => IceCandidateType, { nullable: true })
  candidate: IceCandidateType | null;

  @Field(() => CallMediaStateType, { nullable: true })
  media: CallMediaStateType | null;
}
