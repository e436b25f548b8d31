import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../gql/index.js';
import type { StaffRole } from '../../gql/graphql.js';
import { ROLE_LABELS } from './role-labels.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';
import { ConfirmButton } from '../confirm-button.js';
import { errorMessage, inputErrors } from '../input-errors.js';
import { MailDeliveries } from './mail-deliveries.js';
import { StaffInvites } from './staff-invites.js';
import { LoadFailed } from '../load-failed.js';
import { SettingsTable } from '../settings-table.js';

const TeamQuery = graphql(`
  query Team {
    viewer {
      staff {
        id
      }
    }
    staffMembers(includeDeactivated: true) {
      id
      name
      email
      role
      active
      twoFactorEnabled
    }
  }
`);

const SetStaffRoleMutation = graphql(`
  mutation SetStaffRole($id: ID!, $role: StaffRole!) {
    setStaffRole(id: $id, role: $role) {
      id
      role
    }
  }
`);
const DeactivateStaffMutation = graphql(`
  mutation DeactivateStaff($id: ID!) {
    deactivateStaff(id: $id) {
      id
      active
    }
  }
`);
const ReactivateStaffMutation = graphql(`
  mutation ReactivateStaff($id: ID!) {
    reactivateStaff(id: $id) {
      id
      active
    }
  }
`);
const EndStaffSessionsMutation = graphql(`
  mutation EndStaffSessions($staffId: ID!) {
    endStaffSessions(staffId: $staffId) {
      id
    }
  }
`);
const InviteStaffMutation = graphql(`
  mutation InviteStaff($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      id
      state
    }
  }
`);

const ROLES = Object.keys(ROLE_LABELS) as StaffRole[];

/** The team (roles, former staff, sessions), its invitations, and the e-mails sent for them. */
export function TeamSection() {
  const t = useStrings();
  const { data, error, refetch } = useQuery(TeamQuery, { fetchPolicy: 'cache-and-network' });
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const options = { onError: (caught: unknown) => setActionError(errorMessage(caught)), onCompleted: () => setActionError(null) };
  const [setRole] = useMutation(SetStaffRoleMutation, options);
  const [deactivate] = useMutation(DeactivateStaffMutation, options);
  const [reactivate] = useMutation(ReactivateStaffMutation, options);
  const [endSessions] = useMutation(EndStaffSessionsMutation, { ...options, onCompleted: () => setNotice(t('teamSessionsEnded')) });
  const me = data?.viewer?.staff?.id;

  return (
    <>
      <p className="settings__intro">{t('teamIntro')}</p>
      {error && !data && <LoadFailed message={t('teamNotLoaded')} onRetry={refetch} />}
      {actionError && (
        <p className="notice notice--error" role="alert">
          {actionError}
        </p>
      )}
      {notice && (
        <p className="notice notice--info" role="status">
          {notice}
        </p>
      )}
      {data && (
        <SettingsTable label={t('settingsTeam')} columns={[t('teamName'), t('email'), t('teamRole'), t('teamTwoFactor'), t('teamState')]} actions>
          {data.staffMembers.map((member) => (
            <tr key={member.id}>
              <td>{member.name}</td>
              <td>{member.email}</td>
              <td>
                <select
                  aria-label={t('teamRoleOf', { name: member.name })}
                  value={member.role}
                  disabled={!member.active}
                  onChange={(event) => void setRole({ variables: { id: member.id, role: event.target.value as StaffRole } }).catch(() => {})}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(ROLE_LABELS[role])}
                    </option>
                  ))}
                </select>
              </td>
              <td>{member.twoFactorEnabled ? t('teamOn') : t('teamOff')}</td>
              <td>{member.active ? t('teamActive') : t('teamFormerStaff')}</td>
              <td className="settings-table__actions">
                {member.active ? (
                  <>
                    <ConfirmButton
                      label={t('teamEndSessions')}
                      accessibleLabel={t('teamEndSessionsOf', { name: member.name })}
                      question={t('teamEndSessionsQuestion', { name: member.name })}
                      confirmLabel={t('teamEndSessionsConfirm')}
                      onConfirm={() => void endSessions({ variables: { staffId: member.id } }).catch(() => {})}
                    />
                    {member.id !== me && (
                      <ConfirmButton
                        label={t('teamDeactivate')}
                        accessibleLabel={t('teamDeactivateNamed', { name: member.name })}
                        question={t('teamDeactivateQuestion', { name: member.name })}
                        confirmLabel={t('teamDeactivateConfirm')}
                        onConfirm={() => void deactivate({ variables: { id: member.id } }).catch(() => {})}
                      />
                    )}
                  </>
                ) : (
                  <button type="button" className="button" aria-label={t('teamReactivateNamed', { name: member.name })} onClick={() => void reactivate({ variables: { id: member.id } }).catch(() => {})}>
                    {t('teamReactivate')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </SettingsTable>
      )}
      <InviteStaffForm />
      <StaffInvites />
      <MailDeliveries />
    </>
  );
}

function InviteStaffForm() {
  const t = useStrings();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>('STAFF');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [invite, { loading, error, reset }] = useMutation(InviteStaffMutation, { refetchQueries: ['StaffInvites', 'MailDeliveries'] });
  const errors = inputErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await invite({ variables: { input: { email: email.trim(), name: name.trim(), role } } }).catch(() => null);
    if (result?.data) {
      setSentTo(email.trim());
      setEmail('');
      setName('');
    }
  }

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} aria-labelledby="invite-staff-title">
      <h2 id="invite-staff-title">{t('teamInviteTitle')}</h2>
      {sentTo && (
        <p className="notice notice--info" role="status">
          {t('teamInviteSent', { email: sentTo })}
        </p>
      )}
      <label className="field">
        <span>{t('teamInviteEmail')}</span>
        <input
          type="email"
          value={email}
          required
          maxLength={254}
          onChange={(event) => {
            setEmail(event.target.value);
            setSentTo(null);
            reset();
          }}
        />
        {errors.email && <span className="field-error">{errors.email}</span>}
      </label>
      <label className="field">
        <span>{t('teamInviteName')}</span>
        <input value={name} required maxLength={100} onChange={(event) => setName(event.target.value)} />
        {errors.name && <span className="field-error">{errors.name}</span>}
      </label>
      <label className="field">
        <span>{t('teamRole')}</span>
        <select value={role} onChange={(event) => setRole(event.target.value as StaffRole)}>
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(ROLE_LABELS[option])}
            </option>
          ))}
        </select>
      </label>
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={loading || !email.trim() || !name.trim()}>
        {t('teamInviteSend')}
      </button>
    </form>
  );
}
