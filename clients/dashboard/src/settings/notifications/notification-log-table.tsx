import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import type { NotificationChannel, NotificationStatus } from '../../gql/graphql.js';

const NotificationLogQuery = graphql(`
  query NotificationLog {
    notificationLog(first: 50) {
      id
      recipientKind
      channel
      maskedAddress
      status
      reason
      createdAt
      sentAt
    }
  }
`);

const CHANNEL_LABELS: Record<NotificationChannel, string> = { EMAIL: 'E-mail', SMS: 'SMS', PUSH: 'Push', DIGEST: 'Digest' };
const STATUS_LABELS: Record<NotificationStatus, string> = { QUEUED: 'Queued', SENT: 'Sent', FAILED: 'Failed', OPTED_OUT: 'Opted out', CANCELLED: 'Cancelled' };
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What was sent to whom (masked), when, by which channel, and how it went. */
export function NotificationLogTable() {
  const { data } = useQuery(NotificationLogQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <>
      <h2>Notification log</h2>
      {!data ? (
        <p className="settings__muted">Loading…</p>
      ) : data.notificationLog.length === 0 ? (
        <p className="settings__muted">No notifications yet.</p>
      ) : (
        <div className="settings-table__scroll">
          <table className="settings-table" aria-label="Notification log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">To</th>
                <th scope="col">Channel</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {data.notificationLog.map((entry) => (
                <tr key={entry.id}>
                  <td>{when(entry.sentAt ?? entry.createdAt)}</td>
                  <td>
                    {entry.recipientKind === 'CUSTOMER' ? 'Customer' : 'Staff'} {entry.maskedAddress ?? ''}
                  </td>
                  <td>{CHANNEL_LABELS[entry.channel]}</td>
                  <td>
                    {STATUS_LABELS[entry.status]}
                    {entry.reason && <span className="field-help"> — {entry.reason}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
