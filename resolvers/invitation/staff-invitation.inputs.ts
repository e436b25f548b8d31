import { Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { StaffRole } from '../staff/staff-role.enum.js';

@InputType('InviteStaffInput', { description: 'Who to invite, and as what.' })
export class InviteStaffInput {
  @Field({ description: 'Their e-mail address: the invitation goes there, and it is what they sign in with.' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'Their name as colleagues and customers see it.' })
  @Length(1, 100)
  name: string;

  @Field(() => StaffRole)
  role: StaffRole;
}
