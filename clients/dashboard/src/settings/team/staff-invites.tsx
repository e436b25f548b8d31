import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import type { StaffInviteState } from '../../gql/graphql.js';
import { ConfirmButton } from '../confirm-button.js';
import { useFormat } from '../../format/dates.js';
import { ROLE_LABELS } from './role-labels.js';

const StaffInvitesQuery = graphql(`
  query StaffInvites {
    staffInvites {
      id
      email
      name
      role
      state
      sentAt
      expiresAt
    }
  }
`);
const ResendStaffInviteMutation = graphql(`
  mutation ResendStaffInvite($id: ID!) {
    resendStaffInvite(id: $id) {
      id
      state
      sentAt
      expiresAt
    }
  }
`);
const RevokeStaffInviteMutation = graphql(`
  mutation RevokeStaffInvite($id: ID!) {
    revokeStaffInvite(id: $id) {
      id
      state
    }
  }
`);

const STATE_LABELS: Record<StaffInviteState, string> = { PENDING: 'Pending', ACCEPTED: 'Accepted', EXPIRED: 'Expired', REVOKED: 'Revoked' };

/** Invitations in every state; pending and expired ones can be resent, pending ones revoked. */
export function StaffInvites() {
  const format = useFormat();
  const { data } = useQuery(StaffInvitesQuery, { fetchPolicy: 'cache-and-network' });
  const [resend] = useMutation(ResendStaffInviteMutation, { refetchQueries: ['MailDeliveries'] });
  const [revoke] = useMutation(RevokeStaffInviteMutation);
  if (!data || data.staffInvites.length === 0) return null;
  return (
    <>
      <h2>Invitations</h2>
      <div className="settings-table__scroll">
        <table className="settings-table" aria-label="Invitations">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Sent</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.staffInvites.map((invite) => (
              <tr key={invite.id}>
                <td>{invite.email}</td>
                <td>{invite.name}</td>
                <td>{ROLE_LABELS[invite.role]}</td>
                <td>{STATE_LABELS[invite.state]}</td>
                <td>
                  {format.date(invite.sentAt)}
                  {invite.state === 'PENDING' && <span className="settings__muted"> (until {format.date(invite.expiresAt)})</span>}
                </td>
                <td className="settings-table__actions">
                  {(invite.state === 'PENDING' || invite.state === 'EXPIRED') && (
                    <button type="button" className="button" aria-label={`Resend the invitation to ${invite.email}`} onClick={() => void resend({ variables: { id: invite.id } }).catch(() => {})}>
                      Resend
                    </button>
                  )}
                  {invite.state === 'PENDING' && (
                    <ConfirmButton
                      label="Revoke"
                      accessibleLabel={`Revoke the invitation to ${invite.email}`}
                      question="Revoke this invitation? Its link stops working."
                      confirmLabel="Yes, revoke"
                      onConfirm={() => void revoke({ variables: { id: invite.id } }).catch(() => {})}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
