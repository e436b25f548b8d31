import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context.js';
import { StaffMemberType } from './staff-member.type.js';

@Resolver(() => StaffMemberType)
export class StaffResolver {
  @Authorized(Permission.READ_STAFF)
  @Query(() => [StaffMemberType], { description: "The pharmacy's staff, by name (e.g. to pick an assignee)." })
  staffMembers(@Ctx() context: RequestContext): Promise<StaffUser[]> {
    return context.scope.staff('staff').orderBy('staff.name').addOrderBy('staff.id').getMany();
  }

  @FieldResolver(() => String, { nullable: true, description: 'Visible to colleagues only; null for customers and partners.' })
  email(@Root() staff: StaffUser, @Ctx() context: RequestContext): string | null {
    return context.viewer.kind === 'staff' ? staff.email : null;
  }
}
