import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { StaffInvitation } from '../../entities/staff-invitation.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { SignInResultType, signInResultOf } from '../auth/sign-in-result.type.js';
import { acceptStaffInvitation } from './accept-invitation.service.js';
import { invitationState, InvitationState } from './invitation-state.enum.js';
import { InviteStaffInput } from './staff-invitation.inputs.js';
import { StaffInvitationService } from './staff-invitation.service.js';
import { StaffInviteType } from './staff-invitation.type.js';

async function service(context: RequestContext): Promise<StaffInvitationService> {
  const viewer = context.signedInViewer;
  const inviter = viewer.kind === 'staff' ? await context.loaders.staff.load(viewer.staffId) : null;
  return new StaffInvitationService(context.scope, {
    secrets: context.gateway.secrets,
    publicUrl: context.gateway.config.publicUrl,
    inviter: inviter ? { id: inviter.id, name: inviter.name } : null,
  });
}

@Resolver(() => StaffInviteType)
export class StaffInvitationResolver {
  @Authorized(Permission.MANAGE_STAFF)
  @Query(() => [StaffInviteType], { description: 'Invitations, newest first, in every state (the latest 200).' })
  async staffInvites(@Ctx() context: RequestContext): Promise<StaffInvitation[]> {
    return (await service(context)).list();
  }

  @Authorized(Permission.MANAGE_STAFF)
  @Mutation(() => StaffInviteType, {
    description:
      'E-mails a single-use link, valid 7 days, to join the pharmacy with this role. CONFLICT when the address is on the team, has an account elsewhere, or has a pending invitation (resend that one).',
  })
  async inviteStaff(@Arg('input') input: InviteStaffInput, @Ctx() context: RequestContext): Promise<StaffInvitation> {
    return (await service(context)).invite(input);
  }

  @Authorized(Permission.MANAGE_STAFF)
  @Mutation(() => StaffInviteType, { description: 'Sends a new link (the old one stops working), valid 7 more days. CONFLICT once accepted or revoked.' })
  async resendStaffInvite(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<StaffInvitation> {
    return (await service(context)).resend(id);
  }

  @Authorized(Permission.MANAGE_STAFF)
  @Mutation(() => StaffInviteType, { description: 'Withdraws an invitation: its link stops working. CONFLICT once accepted.' })
  async revokeStaffInvite(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<StaffInvitation> {
    return (await service(context)).revoke(id);
  }

  @Mutation(() => SignInResultType, {
    description:
      "Accepts an invitation with the token from its link (the `#token=` part) and the staff member's new password (at least 12 characters, not a common one), and signs them in (where the pharmacy requires two-factor sign-in, an ENROL challenge comes first). UNAUTHENTICATED for a link that is unknown, used, expired or revoked; BAD_USER_INPUT (field password) for a weak password.",
  })
  async acceptStaffInvite(@Arg('token') token: string, @Arg('password') password: string, @Ctx() context: RequestContext): Promise<SignInResultType> {
    return signInResultOf(await acceptStaffInvitation(
      { token, password, client: { ip: context.clientIp, userAgent: context.userAgent } },
      { database: context.gateway.database, tokens: context.gateway.tokens, rateLimits: context.gateway.rateLimits },
    ));
  }

  @FieldResolver(() => InvitationState)
  state(@Root() invitation: StaffInvitation): InvitationState {
    return invitationState(invitation);
  }
}
