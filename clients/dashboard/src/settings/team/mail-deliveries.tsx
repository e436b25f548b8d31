import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { useFormat } from '../../format/dates.js';
import type { MailDeliveryStatus, MailTemplate } from '../../gql/graphql.js';
import { useStrings, type DashboardKey } from '../../i18n/dashboard-i18n.js';

const MailDeliveriesQuery = graphql(`
  query MailDeliveries {
    mailDeliveries(first: 20) {
      id
      template
      recipient
      status
      attempts
      lastError
      createdAt
    }
  }
`);

const TEMPLATE_LABELS: Record<MailTemplate, DashboardKey> = { STAFF_INVITATION: 'mailInvitation', PASSWORD_RESET: 'mailPasswordReset', STAFF_DIGEST: 'mailStaffDigest' };
const STATUS_LABELS: Record<MailDeliveryStatus, DashboardKey> = {
  QUEUED: 'deliveryQueued',
  SENT: 'deliverySent',
  RETRYING: 'deliveryRetrying',
  FAILED: 'deliveryFailed',
  REPLACED: 'deliveryReplaced',
};

/** The e-mails sent for the team, and why one did not go out. */
export function MailDeliveries() {
  const t = useStrings();
  const format = useFormat();
  const { data } = useQuery(MailDeliveriesQuery, { fetchPolicy: 'cache-and-network' });
  if (!data || data.mailDeliveries.length === 0) return null;
  return (
    <>
      <h2>{t('mailDeliveries')}</h2>
      <div className="settings-table__scroll">
        <table className="settings-table" aria-label={t('mailDeliveries')}>
          <thead>
            <tr>
              <th scope="col">{t('mailColumn')}</th>
              <th scope="col">{t('logTo')}</th>
              <th scope="col">{t('logStatus')}</th>
              <th scope="col">{t('mailAttempts')}</th>
              <th scope="col">{t('mailQueuedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {data.mailDeliveries.map((delivery) => (
              <tr key={delivery.id}>
                <td>{t(TEMPLATE_LABELS[delivery.template])}</td>
                <td>{delivery.recipient}</td>
                <td>
                  {t(STATUS_LABELS[delivery.status])}
                  {delivery.lastError && delivery.status !== 'SENT' && <span className="field-help"> — {delivery.lastError}</span>}
                </td>
                <td>{delivery.attempts}</td>
                <td>{format.dateTime(delivery.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
