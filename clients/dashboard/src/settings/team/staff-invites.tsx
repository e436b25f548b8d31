import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import type { StaffInviteState } from '../../gql/graphql.js';
import { ConfirmButton } from '../confirm-button.js';
import { useFormat } from '../../format/dates.js';
import { ROLE_LABELS } from './role-labels.js';
import { useStrings, type DashboardKey } from '../../i18n/dashboard-i18n.js';
import { SettingsTable } from '../settings-table.js';

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

const STATE_LABELS: Record<StaffInviteState, DashboardKey> = { PENDING: 'invitePending', ACCEPTED: 'inviteAccepted', EXPIRED: 'inviteExpired', REVOKED: 'inviteRevoked' };

/** Invitations in every state; pending and expired ones can be resent, pending ones revoked. */
export function StaffInvites() {
  const t = useStrings();
  const format = useFormat();
  const { data } = useQuery(StaffInvitesQuery, { fetchPolicy: 'cache-and-network' });
  const [resend] = useMutation(ResendStaffInviteMutation, { refetchQueries: ['MailDeliveries'] });
  const [revoke] = useMutation(RevokeStaffInviteMutation);
  if (!data || data.staffInvites.length === 0) return null;
  return (
    <>
      <h2>{t('invitations')}</h2>
      <SettingsTable label={t('invitations')} columns={[t('email'), t('teamName'), t('teamRole'), t('teamState'), t('inviteSentAt')]} actions>
        {data.staffInvites.map((invite) => (
          <tr key={invite.id}>
            <td>{invite.email}</td>
            <td>{invite.name}</td>
            <td>{t(ROLE_LABELS[invite.role])}</td>
            <td>{t(STATE_LABELS[invite.state])}</td>
            <td>
              {format.date(invite.sentAt)}
              {invite.state === 'PENDING' && <span className="settings__muted"> {t('inviteUntil', { date: format.date(invite.expiresAt) })}</span>}
            </td>
            <td className="settings-table__actions">
              {(invite.state === 'PENDING' || invite.state === 'EXPIRED') && (
                <button type="button" className="button" aria-label={t('inviteResendTo', { email: invite.email })} onClick={() => void resend({ variables: { id: invite.id } }).catch(() => {})}>
                  {t('inviteResend')}
                </button>
              )}
              {invite.state === 'PENDING' && (
                <ConfirmButton
                  label={t('inviteRevoke')}
                  accessibleLabel={t('inviteRevokeTo', { email: invite.email })}
                  question={t('inviteRevokeQuestion')}
                  confirmLabel={t('inviteRevokeConfirm')}
                  onConfirm={() => void revoke({ variables: { id: invite.id } }).catch(() => {})}
                />
              )}
            </td>
          </tr>
        ))}
      </SettingsTable>
    </>
  );
}
