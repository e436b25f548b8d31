import { StaffInvitation } from '../../entities/staff-invitation.entity.js';
import { StaffUser } from '../../entities/staff-user.entity.js';
import { ActorType } from '../../entities/actor-type.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { hashPassword } from '../../gateway/auth/password.js';
import { passwordProblem } from '../../gateway/auth/password-policy.js';
import { hashSingleUseToken, looksLikeSingleUseToken } from '../../gateway/auth/single-use-token.js';
import type { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { badUserInput, conflict, unauthenticated } from '../../gateway/errors/domain-error.js';
import type { RateLimits } from '../../gateway/rate-limits/rate-limits.js';
import type { TenantDatabase } from '../../gateway/tenancy/tenant-database.js';
import type { SessionClient } from '../session/staff-session.service.js';
import { signInOutcome, type SignInOutcome } from '../auth/sign-in-completion.js';
import { invitationState, InvitationState } from './invitation-state.js';

export interface AcceptInvitationCommand {
  /** From the link's `#token=` fragment. */
  token: string;
  password: string;
  client: SessionClient;
}

export interface AcceptInvitationDeps {
  database: TenantDatabase;
  tokens: TokenIssuer;
  rateLimits: RateLimits;
}

const INVALID = 'This invitation link is not valid. Ask your pharmacy for a new invitation.';
const WHY_NOT: Record<Exclude<InvitationState, InvitationState.PENDING>, string> = {
  [InvitationState.ACCEPTED]: 'This invitation has been used already. Sign in with your e-mail address and password.',
  [InvitationState.EXPIRED]: 'This invitation has expired. Ask your pharmacy to send it again.',
  [InvitationState.REVOKED]: 'This invitation was withdrawn. Ask your pharmacy for a new one.',
};

/**
 * Accepting an invitation: the link's token (once, within 7 days) and a password make the
 * staff member, and sign them in. A bad, used, expired or revoked token is UNAUTHENTICATED;
 * a weak password BAD_USER_INPUT (`password`), and the link still works after it. Where the
 * pharmacy requires two-factor sign-in, the answer is an ENROL challenge instead of a session.
 */
export async function acceptStaffInvitation(command: AcceptInvitationCommand, deps: AcceptInvitationDeps): Promise<SignInOutcome> {
  // Tokens have 256 bits; this only keeps one address from hammering the lookup.
  await deps.rateLimits.signIns.consume(`ip:${command.client.ip ?? 'unknown'}`);
  const problem = passwordProblem(command.password);
  if (!looksLikeSingleUseToken(command.token)) throw unauthenticated(INVALID);
  const tokenHash = hashSingleUseToken(command.token);
  const organizationId = await deps.database.lookups.tenantOfStaffInvitation(tokenHash);
  if (!organizationId) throw unauthenticated(INVALID);
  return deps.database.asTenant({ organizationId: organizationId }, (tenant) =>
    tenant.actingAs(null, command.client.ip).transaction(async (scope) => {
      const invitation = await scope
        .staffInvitations('invitation')
        .andWhere('invitation.tokenHash = :tokenHash', { tokenHash })
        .setLock('pessimistic_write')
        .getOne();
      if (!invitation) throw unauthenticated(INVALID);
      const state = invitationState(invitation);
      if (state !== InvitationState.PENDING) throw unauthenticated(WHY_NOT[state]);
      const weak = problem ?? passwordProblem(command.password, { email: invitation.email });
      if (weak) throw badUserInput('password', weak);
      if (await scope.emailHasAccount(invitation.email)) throw conflict(`${invitation.email} already has a Counterchat account. Sign in with it instead.`);

      const staff = await scope.insert(StaffUser, {
        email: invitation.email,
        name: invitation.name,
        role: invitation.role,
        passwordHash: await hashPassword(command.password),
      });
      await scope.update(StaffInvitation, { id: invitation.id }, { acceptedAt: new Date(), acceptedStaffId: staff.id });
      // The new staff member is who did it.
      const asNewcomer = scope.actingAs({ type: ActorType.STAFF, id: staff.id });
      await asNewcomer.audit(AuditAction.STAFF_INVITATION_ACCEPTED, { type: 'StaffMember', id: staff.id }, { invitation: invitation.id });
      // Signed in, unless the pharmacy requires two-factor sign-in: then enrolment comes first.
      return signInOutcome(asNewcomer, deps.tokens, staff, command.client);
    }),
  );
}
