import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ParticipantRole } from './participant-role.enum.js';

@ObjectType('Participant', { description: 'Someone in a conversation, and how far they have read.' })
export class ParticipantType {
  @Field(() => ID)
  id: string;

  @Field(() => ParticipantRole)
  role: ParticipantRole;

  @Field(() => Int, { description: 'Every message up to this sequence is read.' })
  lastReadSequence: number;

  @Field(() => Date, { nullable: true })
  lastReadAt: Date | null;

  @Field(() => Date)
  joinedAt: Date;
}
