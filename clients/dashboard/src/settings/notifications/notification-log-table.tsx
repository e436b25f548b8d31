import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import type { NotificationChannel, NotificationStatus } from '../../gql/graphql.js';
import { useFormat } from '../../format/dates.js';
import { useStrings, type DashboardKey } from '../../i18n/dashboard-i18n.js';

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

const CHANNEL_LABELS: Record<NotificationChannel, DashboardKey> = { EMAIL: 'channelEmail', SMS: 'channelSms', PUSH: 'channelPush', DIGEST: 'channelDigest' };
const STATUS_LABELS: Record<NotificationStatus, DashboardKey> = {
  QUEUED: 'deliveryQueued',
  SENT: 'deliverySent',
  FAILED: 'deliveryFailed',
  OPTED_OUT: 'deliveryOptedOut',
  CANCELLED: 'deliveryCancelled',
};

/** What was sent to whom (masked), when, by which channel, and how it went. */
export function NotificationLogTable() {
  const t = useStrings();
  const format = useFormat();
  const { data } = useQuery(NotificationLogQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <>
      <h2>{t('notificationLog')}</h2>
      {!data ? (
        <p className="settings__muted">{t('loading')}</p>
      ) : data.notificationLog.length === 0 ? (
        <p className="settings__muted">{t('notificationLogEmpty')}</p>
      ) : (
        <div className="settings-table__scroll">
          <table className="settings-table" aria-label={t('notificationLog')}>
            <thead>
              <tr>
                <th scope="col">{t('logWhen')}</th>
                <th scope="col">{t('logTo')}</th>
                <th scope="col">{t('logChannel')}</th>
                <th scope="col">{t('logStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {data.notificationLog.map((entry) => (
                <tr key={entry.id}>
                  <td>{format.dateTime(entry.sentAt ?? entry.createdAt)}</td>
                  <td>
                    {entry.recipientKind === 'CUSTOMER' ? t('logRecipientCustomer') : t('logRecipientStaff')} {entry.maskedAddress ?? ''}
                  </td>
                  <td>{t(CHANNEL_LABELS[entry.channel])}</td>
                  <td>
                    {t(STATUS_LABELS[entry.status])}
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
