import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Permission } from '../../gateway/auth/permission.js';
import { CustomerType } from '../customer/customer.type.js';
import { OrganizationType } from '../organization/organization.type.js';
import { PartnerAppType } from '../actor/partner-app.type.js';
import { StaffMemberType } from '../staff/staff-member.type.js';

export enum ViewerKind {
  STAFF = 'STAFF',
  CUSTOMER = 'CUSTOMER',
  PARTNER = 'PARTNER',
}
registerEnumType(ViewerKind, { name: 'ViewerKind', description: 'Which credential the request carries: staff JWT, customer chat token or partner API key.' });
registerEnumType(Permission, { name: 'Permission', description: 'What a viewer may do, decided by role (staff), scopes (partner) or fixed (customer).' });

@ObjectType('Viewer', { description: 'Who is signed in, and for which pharmacy.' })
export class ViewerType {
  @Field(() => ViewerKind)
  kind: ViewerKind;

  @Field(() => OrganizationType)
  organization: OrganizationType;

  @Field(() => StaffMemberType, { nullable: true })
  staff: StaffMemberType | null;

  @Field(() => CustomerType, { nullable: true })
  customer: CustomerType | null;

  @Field(() => PartnerAppType, { nullable: true })
  partner: PartnerAppType | null;

  @Field(() => [Permission], { description: 'What this viewer may do; clients hide what they cannot.' })
  permissions: Permission[];
}
