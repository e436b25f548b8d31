import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { StaffMemberType } from './staff-member.type.js';

@Resolver(() => StaffMemberType)
export class StaffResolver {
  @Authorized(Permission.READ_STAFF)
  @Query(() => [StaffMemberType], { description: "The pharmacy's staff, by name (e.g. to pick an assignee)." })
  staffMembers(@Ctx() context: RequestContext): Promise<StaffUser[]> {
    return context.scope.staff('staff').orderBy('staff.name').addOrderBy('staff.id').getMany();
  }
}
