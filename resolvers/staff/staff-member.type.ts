import { Field, ID, ObjectType } from 'type-graphql';
import { StaffRole } from './staff-role.enum.js';

@ObjectType('StaffMember', { description: 'Someone who works at the pharmacy.' })
export class StaffMemberType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => StaffRole)
  role: StaffRole;

  @Field(() => Date)
  createdAt: Date;
}
