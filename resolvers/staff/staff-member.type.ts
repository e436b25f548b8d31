import { Field, ID, ObjectType } from 'type-graphql';
import { StaffRole } from './staff-role.enum.js';

@ObjectType('StaffMember', { description: 'Someone who works at the pharmacy.' })
export class StaffMemberType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  /** Guarded by `gateway/auth/field-permissions.ts` (COLLEAGUES). */
  @Field(() => String, { nullable: true, description: 'Visible to colleagues only; null for customers and partners.' })
  email: string | null;

  @Field(() => StaffRole)
  role: StaffRole;

  @Field(() => Date)
  createdAt: Date;
}
