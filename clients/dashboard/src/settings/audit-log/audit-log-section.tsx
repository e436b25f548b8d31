import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql, readFragment, type FragmentType } from '../../gql/index.js';
import { ActorFieldsFragmentDoc, type AuditAction } from '../../gql/graphql.js';
import { useFormat } from '../../format/dates.js';
import { errorMessage } from '../input-errors.js';
import { StaffMembersQuery } from '../../conversation/assignee-picker.js';
import { conversationPath, openConversation } from '../../routing/use-route.js';
import { groupRepeatedReads, type AuditRow } from './audit-log-groups.js';

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

const ACTION_LABELS: Record<AuditAction, string> = {
  SIGNED_IN: 'Signed in',
  SIGN_IN_FAILED: 'Sign-in failed',
  MESSAGES_READ: 'Messages read',
  MESSAGE_DELETED: 'Message deleted',
  CONVERSATION_STATUS_CHANGED: 'Status changed',
  CONVERSATION_ASSIGNED: 'Assigned',
  CHAT_TOKEN_ISSUED: 'Chat link issued',
  API_KEY_CREATED: 'API key created',
  API_KEY_REVOKED: 'API key revoked',
  WEBHOOK_ENDPOINT_CREATED: 'Webhook created',
  CHANNEL_CONNECTED: 'Channel connected',
  CHANNEL_UPDATED: 'Channel changed',
  CHANNEL_DISCONNECTED: 'Channel disconnected',
  WEBHOOK_ENDPOINT_DELETED: 'Webhook deleted',
  WEBHOOK_SECRET_ROTATED: 'Webhook secret rotated',
  WIDGET_SECRET_ROTATED: 'Widget secret rotated',
  SETTINGS_CHANGED: 'Settings changed',
  CUSTOMER_EXPORTED: 'Customer data exported',
  CUSTOMER_ERASED: 'Customer erased',
  CUSTOMER_UPDATED: 'Customer details changed',
  CUSTOMER_BLOCKED: 'Customer blocked',
  CUSTOMER_UNBLOCKED: 'Customer unblocked',
  RETENTION_PURGE: 'Retention purge',
  PHARMACY_CREATED: 'Pharmacy created',
  STAFF_INVITED: 'Staff invited',
  STAFF_INVITATION_RESENT: 'Invitation resent',
  STAFF_INVITATION_REVOKED: 'Invitation revoked',
  STAFF_INVITATION_ACCEPTED: 'Invitation accepted',
  STAFF_ROLE_CHANGED: 'Role changed',
  STAFF_DEACTIVATED: 'Staff deactivated',
  STAFF_REACTIVATED: 'Staff reactivated',
  PROFILE_UPDATED: 'Profile updated',
  PASSWORD_CHANGED: 'Password changed',
  PASSWORD_RESET_REQUESTED: 'Password reset requested',
  PASSWORD_RESET: 'Password reset',
  SIGNED_OUT: 'Signed out',
  SESSION_ENDED: 'Session ended',
  TWO_FACTOR_ENABLED: 'Two-factor on',
  TWO_FACTOR_DISABLED: 'Two-factor off',
  TWO_FACTOR_FAILED: 'Two-factor code wrong',
  RECOVERY_CODE_USED: 'Recovery code used',
};


/** Who acted, as one key for grouping: the same person, key or customer. */
function actorKey(ref: FragmentType<typeof ActorFieldsFragmentDoc> | null | undefined): string {
  const actor = readFragment(ActorFieldsFragmentDoc, ref);
  return actor ? `${actor.__typename}:${actor.id}` : 'system';
}

/** The object in words: a conversation opens, a colleague by name, anything else by what it is. */
function objectCell(type: string | null, id: string | null, staffName: (id: string) => string | null) {
  if (!type) return '—';
  const label = OBJECT_LABELS[type] ?? type;
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
        Open conversation
      </a>
    );
  }
  if (type === 'StaffMember' && id) return staffName(id) ?? label;
  return label;
}

/** "Alice", "Shop sync (API key)", "Jan Jansen (customer)"; a dash when no one did it (the system). */
function actorLabel(ref: FragmentType<typeof ActorFieldsFragmentDoc> | null | undefined): string {
  const actor = readFragment(ActorFieldsFragmentDoc, ref);
  if (!actor) return '—';
  return `${actor.name}${actor.__typename === 'PartnerApp' ? ' (API key)' : actor.__typename === 'Customer' ? ' (customer)' : ''}`;
}

// What the objects are called, instead of the code's type names.
const OBJECT_LABELS: Record<string, string> = {
  Conversation: 'Conversation',
  Customer: 'Customer',
  Message: 'Message',
  ApiKey: 'API key',
  WebhookEndpoint: 'Webhook endpoint',
  StaffMember: 'Staff member',
  StaffInvitation: 'Invitation',
  Organization: 'Pharmacy',
};

/**
 * Who did what to which object, newest first, a page at a time, filtered by action and by
 * person; a run of "Messages read" by one person in one conversation is one row with its count.
 */
export function AuditLogSection() {
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
          Action
          <select
            value={action}
            onChange={(event) => {
              setAction(event.target.value as AuditAction | '');
              setCursors([null]);
            }}
          >
            <option value="">All actions</option>
            {Object.entries(ACTION_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Person
          <select
            value={actorId}
            onChange={(event) => {
              setActorId(event.target.value);
              setCursors([null]);
            }}
          >
            <option value="">Everyone</option>
            {team?.staffMembers.map((staff) => (
              <option key={staff.id} value={staff.id}>
                {staff.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={loading} onClick={() => void refetch().catch(() => {})}>
          Refresh
        </button>
        {loading && <span className="settings__muted">Loading…</span>}
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {connection && connection.edges.length === 0 && <p className="settings__muted">No entries.</p>}
      {connection && connection.edges.length > 0 && (
        <div className="settings-table__scroll">
          <table className="settings-table" aria-label="Audit log">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Action</th>
                <th scope="col">Actor</th>
                <th scope="col">Object</th>
                <th scope="col">IP</th>
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
                        (since {format.dateTime(oldest.createdAt)})
                      </span>
                    )}
                  </td>
                  <th scope="row">
                    {ACTION_LABELS[node.action] ?? node.action}
                    {count > 1 && <span className="settings__muted"> ×{count}</span>}
                  </th>
                  <td>{actorLabel(node.actor)}</td>
                  <td>{objectCell(node.objectType ?? null, node.objectId ?? null, staffName)}</td>
                  <td>{node.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="settings-toolbar" aria-label="Audit log pages">
        <button type="button" className="button" disabled={cursors.length < 2 || loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Newer
        </button>
        <button
          type="button"
          className="button"
          disabled={!connection?.pageInfo.hasNextPage || loading}
          onClick={() => connection?.pageInfo.endCursor && setCursors((c) => [...c, connection.pageInfo.endCursor!])}
        >
          Older
        </button>
      </nav>
    </>
  );
}
