import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SDP_MAX_BYTES } from './call-signal.js';

@InputType('CallDescriptionInput', { description: 'An offer or answer for the other side of a call.' })
export class CallDescriptionInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"callId" is not a valid id.' })
  callId: string;

  @Field({ description: 'The session description (SDP), at most 64 KB.' })
  @IsString()
  @MaxLength(SDP_MAX_BYTES, { message: `A session description may be at most ${SDP_MAX_BYTES / 1024} KB.` })
  sdp: string;
}

@InputType('IceCandidateInput', { description: 'RTCIceCandidateInit for the other side of a call.' })
export class IceCandidateInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"callId" is not a valid id.' })
  callId: string;

  @Field({ description: '"candidate:…", or empty when there are no more.' })
  @MaxLength(1024, { message: 'This is not an ICE candidate.' })
  candidate: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64, { message: '"sdpMid" is not a media identifier.' })
  sdpMid?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: '"sdpMLineIndex" must be 0 to 63.' })
  @Max(63, { message: '"sdpMLineIndex" must be 0 to 63.' })
  sdpMLineIndex?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(256, { message: '"usernameFragment" is not an ICE username fragment.' })
  usernameFragment?: string | null;
}

@InputType('CallMediaInput', { description: 'Your microphone, camera and screen sharing, for the other side to show.' })
export class CallMediaInput {
  @Field(() => ID)
  @IsUUID('all', { message: '"callId" is not a valid id.' })
  callId: string;

  @Field()
  @IsBoolean()
  audioMuted: boolean;

  @Field()
  @IsBoolean()
  videoMuted: boolean;

  @Field({ defaultValue: false })
  @IsBoolean()
  screenSharing: boolean;
}
