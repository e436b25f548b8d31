import { createUnionType } from 'type-graphql';
import { ApiKey } from '../../entities/api-key.entity.js';
import { Customer } from '../../entities/customer.entity.js';
import { StaffUser } from '../../entities/staff-user.entity.js';
import { CustomerType } from '../customer/customer.type.js';
import { StaffMemberType } from '../staff/staff-member.type.js';
import { PartnerAppType } from './partner-app.type.js';

/** Whoever wrote a message, reacted, or takes part in a conversation. */
export const ActorUnion = createUnionType({
  name: 'Actor',
  description: 'Whoever wrote a message, reacted or takes part: a staff member, a customer or a partner system.',
  types: () => [StaffMemberType, CustomerType, PartnerAppType] as const,
  // Loaders hand out entity instances, so the entity class says which GraphQL type it is.
  resolveType: (value) => {
    if (value instanceof StaffUser) return StaffMemberType;
    if (value instanceof Customer) return CustomerType;
    if (value instanceof ApiKey) return PartnerAppType;
    return undefined;
  },
});
