import { MailTemplate } from '../../entities/mail-delivery.entity.js';
import { StaffInvitation } from '../../entities/staff-invitation.entity.js';
import type { StaffRole } from '../../entities/staff-user.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import { generateSingleUseToken } from '../../gateway/auth/single-use-token.js';
import { badUserInput, conflict } from '../../gateway/errors/domain-error.js';
import { queueMail } from '../../gateway/mail/queue-mail.js';
import type { SecretBox } from '../../gateway/secrets/secret-box.js';
import type { AuditingScope } from '../../gateway/tenancy/organization-scope.js';
import { invitationState, InvitationState } from './invitation-state.js';
import { normalizeEmail } from '../../gateway/auth/staff-email.js';

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface InviteStaffCommand {
  email: string;
  name: string;
  role: StaffRole;
}

export interface InvitationServiceDeps {
  secrets: SecretBox;
  /** PUBLIC_URL: the link in the mail opens the dashboard there. */
  publicUrl: string;
  /** Who invites: a staff member, or null for the operator (npm run admin). */
  inviter: { id: string; name: string } | null;
}

/** The dashboard page that accepts an invitation; the token goes in the fragment, never to a server log. */
export const acceptInvitationLink = (publicUrl: string, token: string) => `${publicUrl}/dashboard/accept-invitation#token=${token}`;

/**
 * Invitations to a pharmacy's team: each is a single-use link sent by e-mail (through the
 * job queue, in the same transaction), valid for 7 days, which can be resent (a new link,
 * the old one stops working) or revoked. Accepting is in accept-invitation.service.ts.
 */
export class StaffInvitationService {
  constructor(
    private readonly scope: AuditingScope,
    private readonly deps: InvitationServiceDeps,
  ) {}

  /** Newest first, every state. */
  list(): Promise<StaffInvitation[]> {
    return this.scope.staffInvitations('invitation').orderBy('invitation.createdAt', 'DESC').addOrderBy('invitation.id', 'DESC').limit(200).getMany();
  }

  async invite(command: InviteStaffCommand): Promise<StaffInvitation> {
    const email = normalizeEmail(command.email);
    const name = command.name.trim();
    if (!name || name.length > 100) throw badUserInput('name', 'Give a name of 1 to 100 characters.');
    return this.scope.transaction(async (scope) => {
      if (await scope.staff('staff').andWhere('staff.email = :email', { email }).getExists()) {
        throw conflict(`${email} is already on your team.`);
      }
      if (await scope.emailHasAccount(email)) throw conflict(`${email} already has a Counterchat account and can't be invited.`);
      const open = await scope
        .staffInvitations('invitation')
        .andWhere('invitation.email = :email AND invitation.acceptedAt IS NULL AND invitation.revokedAt IS NULL', { email })
        .setLock('pessimistic_write')
        .getOne();
      if (open && invitationState(open) === InvitationState.PENDING) throw conflict(`${email} has been invited already; resend that invitation instead.`);
      // An expired one gives way: its link is dead anyway, and one open invitation per address is the rule.
      if (open) await scope.update(StaffInvitation, { id: open.id }, { revokedAt: new Date() });

      const { token, hash } = generateSingleUseToken();
      const invitation = await scope.insert(StaffInvitation, {
        email,
        name,
        role: command.role,
        tokenHash: hash,
        invitedById: this.deps.inviter?.id ?? null,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        sentAt: new Date(),
        acceptedAt: null,
        acceptedStaffId: null,
        revokedAt: null,
      });
      await scope.audit(AuditAction.STAFF_INVITED, { type: 'StaffInvitation', id: invitation.id }, { role: invitation.role });
      await this.mail(scope, invitation, token);
      return invitation;
    });
  }

  /** A new link (the previous one stops working) and seven more days; for pending and expired invitations. */
  async resend(id: string): Promise<StaffInvitation> {
    return this.scope.transaction(async (scope) => {
      const invitation = await scope.findOne(scope.staffInvitations('invitation').setLock('pessimistic_write'), id, 'id', 'Invitation');
      const state = invitationState(invitation);
      if (state === InvitationState.ACCEPTED || state === InvitationState.REVOKED) {
        throw conflict(`This invitation was ${state === InvitationState.ACCEPTED ? 'accepted' : 'revoked'}; invite the person again instead.`);
      }
      const { token, hash } = generateSingleUseToken();
      Object.assign(invitation, { tokenHash: hash, expiresAt: new Date(Date.now() + INVITATION_TTL_MS), sentAt: new Date() });
      await scope.update(StaffInvitation, { id: invitation.id }, { tokenHash: hash, expiresAt: invitation.expiresAt, sentAt: invitation.sentAt });
      await scope.audit(AuditAction.STAFF_INVITATION_RESENT, { type: 'StaffInvitation', id: invitation.id });
      await this.mail(scope, invitation, token);
      return invitation;
    });
  }

  /** Its link stops working. Revoking twice keeps the first time; an accepted invitation can't be revoked. */
  async revoke(id: string): Promise<StaffInvitation> {
    return this.scope.transaction(async (scope) => {
      const invitation = await scope.findOne(scope.staffInvitations('invitation').setLock('pessimistic_write'), id, 'id', 'Invitation');
      if (invitation.acceptedAt) throw conflict('This invitation was accepted already; deactivate the staff member instead.');
      if (!invitation.revokedAt) {
        invitation.revokedAt = new Date();
        await scope.update(StaffInvitation, { id: invitation.id }, { revokedAt: invitation.revokedAt });
        await scope.audit(AuditAction.STAFF_INVITATION_REVOKED, { type: 'StaffInvitation', id: invitation.id });
      }
      return invitation;
    });
  }

  private async mail(scope: AuditingScope, invitation: StaffInvitation, token: string): Promise<void> {
    const organization = await scope.organization();
    await queueMail(scope, this.deps.secrets, {
      template: MailTemplate.STAFF_INVITATION,
      to: invitation.email,
      data: {
        pharmacyName: organization.name,
        inviteeName: invitation.name,
        inviterName: this.deps.inviter?.name ?? null,
        role: invitation.role,
        expiresAt: invitation.expiresAt.toISOString(),
        timeZone: organization.settings.timeZone,
      },
      link: acceptInvitationLink(this.deps.publicUrl, token),
      // A resend replaces the mail still waiting with the old link.
      key: `staff-invitation:${invitation.id}`,
    });
  }
}
