import { registerEnumType } from 'type-graphql';
import { invitationState, InvitationState } from './invitation-state.js';

registerEnumType(InvitationState, {
  name: 'StaffInviteState',
  description: 'Where an invitation stands.',
  valuesConfig: {
    PENDING: { description: 'Sent, not used yet, and its link still works.' },
    ACCEPTED: { description: 'The person set a password: they are on the team.' },
    EXPIRED: { description: 'Its 7 days passed unused; resending gives it a new link and 7 more days.' },
    REVOKED: { description: 'Withdrawn by an admin; its link no longer works.' },
  },
});

export { invitationState, InvitationState };
