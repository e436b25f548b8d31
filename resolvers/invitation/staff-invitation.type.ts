import { Field, ID, ObjectType } from 'type-graphql';
import { StaffRole } from '../staff/staff-role.enum.js';
import { InvitationState } from './invitation-state.enum.js';

@ObjectType('StaffInvite', { description: 'An invitation to join the pharmacy team, sent by e-mail as a single-use link (admins).' })
export class StaffInviteType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Where the invitation was sent.' })
  email: string;

  @Field({ description: 'The name the staff member will have.' })
  name: string;

  @Field(() => StaffRole)
  role: StaffRole;

  @Field(() => InvitationState)
  state: InvitationState;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { description: 'When the latest link was sent (a resend replaces the link).' })
  sentAt: Date;

  @Field(() => Date, { description: 'The link stops working then.' })
  expiresAt: Date;
}
