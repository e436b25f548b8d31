import { Field, ObjectType } from 'type-graphql';
import { StaffMemberType } from '../staff/staff-member.type.js';

@ObjectType('StaffSession', { description: 'A signed-in staff member and their token.' })
export class StaffSessionType {
  @Field({ description: 'Send as "Authorization: Bearer <token>".' })
  token: string;

  @Field(() => Date)
  expiresAt: Date;

  @Field(() => StaffMemberType)
  staff: StaffMemberType;
}
