import type { StaffInvitation } from '../../entities/staff-invitation.entity.js';

export enum InvitationState {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

/** Derived, not stored: an invitation expires by the clock alone. */
export function invitationState(invitation: Pick<StaffInvitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now = new Date()): InvitationState {
  if (invitation.acceptedAt) return InvitationState.ACCEPTED;
  if (invitation.revokedAt) return InvitationState.REVOKED;
  return invitation.expiresAt.getTime() <= now.getTime() ? InvitationState.EXPIRED : InvitationState.PENDING;
}
