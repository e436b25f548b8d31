import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql, readFragment, type FragmentType } from '../../gql/index.js';
import { ActorFieldsFragmentDoc, type AuditAction } from '../../gql/graphql.js';
import { useFormat } from '../../format/dates.js';
import { errorMessage } from '../input-errors.js';
import { StaffMembersQuery } from '../../conversation/assignee-picker.js';
import { conversationPath, openConversation } from '../../routing/use-route.js';
import { groupRepeatedReads, type AuditRow } from './audit-log-groups.js';
import { useStrings, type DashboardKey, type Translate } from '../../i18n/dashboard-i18n.js';

const AuditLogQuery = graphql(`
  query AuditLog($actions: [AuditAction!], $actorId: ID, $after: String) {
    auditLog(first: 50, after: $after, actions: $actions, actorId: $actorId) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          action
          createdAt
          ip
          objectType
          objectId
          actor {
            ...ActorFields
          }
        }
      }
    }
  }
`);

const ACTION_LABELS: Record<AuditAction, DashboardKey> = {
  SIGNED_IN: 'auditSignedIn',
  SIGN_IN_FAILED: 'auditSignInFailed',
  MESSAGES_READ: 'auditMessagesRead',
  MESSAGE_DELETED: 'auditMessageDeleted',
  CONVERSATION_STATUS_CHANGED: 'auditConversationStatusChanged',
  CONVERSATION_ASSIGNED: 'auditConversationAssigned',
  CHAT_TOKEN_ISSUED: 'auditChatTokenIssued',
  API_KEY_CREATED: 'auditApiKeyCreated',
  API_KEY_REVOKED: 'auditApiKeyRevoked',
  WEBHOOK_ENDPOINT_CREATED: 'auditWebhookEndpointCreated',
  CHANNEL_CONNECTED: 'auditChannelConnected',
  CHANNEL_UPDATED: 'auditChannelUpdated',
  CHANNEL_DISCONNECTED: 'auditChannelDisconnected',
  WEBHOOK_ENDPOINT_DELETED: 'auditWebhookEndpointDeleted',
  WEBHOOK_SECRET_ROTATED: 'auditWebhookSecretRotated',
  WIDGET_SECRET_ROTATED: 'auditWidgetSecretRotated',
  SETTINGS_CHANGED: 'auditSettingsChanged',
  CUSTOMER_EXPORTED: 'auditCustomerExported',
  CUSTOMER_ERASED: 'auditCustomerErased',
  CUSTOMER_UPDATED: 'auditCustomerUpdated',
  CUSTOMER_BLOCKED: 'auditCustomerBlocked',
  CUSTOMER_UNBLOCKED: 'auditCustomerUnblocked',
  RETENTION_PURGE: 'auditRetentionPurge',
  PHARMACY_CREATED: 'auditPharmacyCreated',
  STAFF_INVITED: 'auditStaffInvited',
  STAFF_INVITATION_RESENT: 'auditStaffInvitationResent',
  STAFF_INVITATION_REVOKED: 'auditStaffInvitationRevoked',
  STAFF_INVITATION_ACCEPTED: 'auditStaffInvitationAccepted',
  STAFF_ROLE_CHANGED: 'auditStaffRoleChanged',
  STAFF_DEACTIVATED: 'auditStaffDeactivated',
  STAFF_REACTIVATED: 'auditStaffReactivated',
  PROFILE_UPDATED: 'auditProfileUpdated',
  PASSWORD_CHANGED: 'auditPasswordChanged',
  PASSWORD_RESET_REQUESTED: 'auditPasswordResetRequested',
  PASSWORD_RESET: 'auditPasswordReset',
  SIGNED_OUT: 'auditSignedOut',
  SESSION_ENDED: 'auditSessionEnded',
  TWO_FACTOR_ENABLED: 'auditTwoFactorEnabled',
  TWO_FACTOR_DISABLED: 'auditTwoFactorDisabled',
  TWO_FACTOR_FAILED: 'auditTwoFactorFailed',
  RECOVERY_CODE_USED: 'auditRecoveryCodeUsed',
  LABEL_CREATED: 'auditLabelCreated',
  LABEL_UPDATED: 'auditLabelUpdated',
  LABEL_DELETED: 'auditLabelDeleted',
  CONVERSATION_LABEL_ADDED: 'auditConversationLabelAdded',
  CONVERSATION_LABEL_REMOVED: 'auditConversationLabelRemoved',
};


/** Who acted, as one key for grouping: the same person, key or customer. */
function actorKey(ref: FragmentType<typeof ActorFieldsFragmentDoc> | null | undefined): string {
  const actor = readFragment(ActorFieldsFragmentDoc, ref);
  return actor ? `${actor.__typename}:${actor.id}` : 'system';
}

/** The object in words: a conversation opens, a colleague by name, anything else by what it is. */
function objectCell(type: string | null, id: string | null, staffName: (id: string) => string | null, t: Translate) {
  if (!type) return '—';
  const known = OBJECT_LABELS[type];
  const label = known ? t(known) : type;
  if (type === 'Conversation' && id) {
    return (
      <a
        href={conversationPath(id)}
        onClick={(event) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          openConversation(id);
        }}
      >
        {t('auditOpenConversation')}
      </a>
    );
  }
  if (type === 'StaffMember' && id) return staffName(id) ?? label;
  return label;
}

/** "Alice", "Shop sync (API key)", "Jan Jansen (customer)"; a dash when no one did it (the system). */
function actorLabel(ref: FragmentType<typeof ActorFieldsFragmentDoc> | null | undefined, t: Translate): string {
  const actor = readFragment(ActorFieldsFragmentDoc, ref);
  if (!actor) return '—';
  if (actor.__typename === 'PartnerApp') return t('auditActorApiKey', { name: actor.name });
  if (actor.__typename === 'Customer') return t('auditActorCustomer', { name: actor.name });
  return actor.name;
}

// What the objects are called, instead of the code's type names.
const OBJECT_LABELS: Record<string, DashboardKey> = {
  Conversation: 'auditObjectConversation',
  Customer: 'auditObjectCustomer',
  Message: 'auditObjectMessage',
  ApiKey: 'auditObjectApiKey',
  WebhookEndpoint: 'auditObjectWebhookEndpoint',
  StaffMember: 'auditObjectStaffMember',
  StaffInvitation: 'auditObjectStaffInvitation',
  Organization: 'auditObjectOrganization',
};

/**
 * Who did what to which object, newest first, a page at a time, filtered by action and by
 * person; a run of "Messages read" by one person in one conversation is one row with its count.
 */
export function AuditLogSection() {
  const t = useStrings();
  const format = useFormat();
  const [action, setAction] = useState<AuditAction | ''>('');
  const [actorId, setActorId] = useState('');
  const { data: team } = useQuery(StaffMembersQuery);
  const staffName = (id: string | null | undefined) => team?.staffMembers.find((staff) => staff.id === id)?.name ?? null;
  // Cursors of the pages before the current one, so "Newer" can go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const { data, previousData, loading, error, refetch } = useQuery(AuditLogQuery, {
    variables: { actions: action ? [action] : null, actorId: actorId || null, after },
    fetchPolicy: 'network-only',
  });
  const connection = (data ?? previousData)?.auditLog;
  const rows = groupRepeatedReads(
    (connection?.edges ?? []).map(({ node }): AuditRow<typeof node> => ({ entry: node, action: node.action, actorKey: actorKey(node.actor), objectId: node.objectId ?? null })),
  );

  return (
    <>
      <div className="settings-toolbar">
        <label>
          {t('auditAction')}
          <select
            value={action}
            onChange={(event) => {
              setAction(event.target.value as AuditAction | '');
              setCursors([null]);
            }}
          >
            <option value="">{t('auditAllActions')}</option>
            {Object.entries(ACTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('auditPerson')}
          <select
            value={actorId}
            onChange={(event) => {
              setActorId(event.target.value);
              setCursors([null]);
            }}
          >
            <option value="">{t('auditEveryone')}</option>
            {team?.staffMembers.map((staff) => (
              <option key={staff.id} value={staff.id}>
                {staff.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={loading} onClick={() => void refetch().catch(() => {})}>
          {t('auditRefresh')}
        </button>
        {loading && <span className="settings__muted">{t('loading')}</span>}
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {connection && connection.edges.length === 0 && <p className="settings__muted">{t('auditNoEntries')}</p>}
      {connection && connection.edges.length > 0 && (
        <div className="settings-table__scroll">
          <table className="settings-table" aria-label={t('settingsAuditLog')}>
            <thead>
              <tr>
                <th scope="col">{t('auditTime')}</th>
                <th scope="col">{t('auditAction')}</th>
                <th scope="col">{t('auditActor')}</th>
                <th scope="col">{t('auditObject')}</th>
                <th scope="col">{t('auditIp')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ entry: node, count, oldest }) => (
                <tr key={node.id}>
                  <td>
                    <time dateTime={node.createdAt}>{format.dateTime(node.createdAt)}</time>
                    {count > 1 && oldest && (
                      <span className="field-help">
                        {' '}
                        {t('auditSince', { time: format.dateTime(oldest.createdAt) })}
                      </span>
                    )}
                  </td>
                  <th scope="row">
                    {ACTION_LABELS[node.action] ? t(ACTION_LABELS[node.action]) : node.action}
                    {count > 1 && <span className="settings__muted"> ×{format.number(count)}</span>}
                  </th>
                  <td>{actorLabel(node.actor, t)}</td>
                  <td>{objectCell(node.objectType ?? null, node.objectId ?? null, staffName, t)}</td>
                  <td>{node.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="settings-toolbar" aria-label={t('auditPages')}>
        <button type="button" className="button" disabled={cursors.length < 2 || loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('auditNewer')}
        </button>
        <button
          type="button"
          className="button"
          disabled={!connection?.pageInfo.hasNextPage || loading}
          onClick={() => connection?.pageInfo.endCursor && setCursors((c) => [...c, connection.pageInfo.endCursor!])}
        >
          {t('auditOlder')}
        </button>
      </nav>
    </>
  );
}
