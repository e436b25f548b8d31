import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { StaffUser } from '../../entities/staff-user.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { StaffMemberType } from './staff-member.type.js';
import { StaffRole } from './staff-role.enum.js';
import { TeamService } from './team.service.js';

const service = (context: RequestContext) => {
  const viewer = context.signedInViewer;
  return new TeamService(context.scope, { sessions: context.gateway.sessions, actingStaffId: viewer.kind === 'staff' ? viewer.staffId : null });
};

@Resolver(() => StaffMemberType)
export class StaffResolver {
  @Authorized(Permission.READ_STAFF)
  @Query(() => [StaffMemberType], { description: "The pharmacy's staff, by name (e.g. to pick an assignee): the active ones, and former staff too with includeDeactivated." })
  staffMembers(@Arg('includeDeactivated', { defaultValue: false }) includeDeactivated: boolean, @Ctx() context: RequestContext): Promise<StaffUser[]> {
    return service(context).list({ includeDeactivated });
  }

  @Authorized(Permission.MANAGE_STAFF)
  @Mutation(() => StaffMemberType, {
    description: "Changes a staff member's role; their sessions end (they sign in again with the new role). CONFLICT for the last active admin.",
  })
  setStaffRole(@Arg('id', () => ID) id: string, @Arg('role', () => StaffRole) role: StaffRole, @Ctx() context: RequestContext): Promise<StaffUser> {
    return service(context).setRole(id, role);
  }

  @Authorized(Permission.MANAGE_STAFF)
  @Mutation(() => StaffMemberType, {
    description:
      'Stops a staff member from signing in and ends their sessions at once; their messages and history stay, shown as former staff. CONFLICT for the last active admin or yourself.',
  })
  deactivateStaff(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<StaffUser> {
    return service(context).deactivate(id);
  }

  @Authorized(Permission.MANAGE_STAFF)
  @Mutation(() => StaffMemberType, { description: 'Lets a deactivated staff member sign in again.' })
  reactivateStaff(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<StaffUser> {
    return service(context).reactivate(id);
  }

  @Authorized(Permission.MANAGE_STAFF)
  @Mutation(() => StaffMemberType, { description: "Ends every session of a staff member (a lost phone, a shared computer): they sign in again." })
  endStaffSessions(@Arg('staffId', () => ID) staffId: string, @Ctx() context: RequestContext): Promise<StaffUser> {
    return service(context).endSessions(staffId);
  }

  /** Guarded by `gateway/auth/field-permissions.ts` (COLLEAGUES). */
  @FieldResolver(() => Boolean, { nullable: true, description: 'Whether they sign in with a second factor. Colleagues only; null for customers and partners.' })
  twoFactorEnabled(@Root() staff: StaffUser): boolean {
    return !!staff.totpEnabledAt;
  }

  @FieldResolver(() => Boolean, { description: 'False for former staff (deactivated): shown as such in threads; they cannot sign in.' })
  active(@Root() staff: StaffUser): boolean {
    return !staff.deactivatedAt;
  }
}
