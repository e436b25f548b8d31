import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { useFormat } from '../../format/dates.js';
import type { MailDeliveryStatus, MailTemplate } from '../../gql/graphql.js';

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

const TEMPLATE_LABELS: Record<MailTemplate, string> = { STAFF_INVITATION: 'Invitation', PASSWORD_RESET: 'Password reset', STAFF_DIGEST: 'Waiting customer' };
const STATUS_LABELS: Record<MailDeliveryStatus, string> = { QUEUED: 'Queued', SENT: 'Sent', RETRYING: 'Retrying', FAILED: 'Failed', REPLACED: 'Replaced by a newer one' };

/** The e-mails sent for the team, and why one did not go out. */
export function MailDeliveries() {
  const format = useFormat();
  const { data } = useQuery(MailDeliveriesQuery, { fetchPolicy: 'cache-and-network' });
  if (!data || data.mailDeliveries.length === 0) return null;
  return (
    <>
      <h2>E-mail deliveries</h2>
      <div className="settings-table__scroll">
        <table className="settings-table" aria-label="E-mail deliveries">
          <thead>
            <tr>
              <th scope="col">Mail</th>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Queued</th>
            </tr>
          </thead>
          <tbody>
            {data.mailDeliveries.map((delivery) => (
              <tr key={delivery.id}>
                <td>{TEMPLATE_LABELS[delivery.template]}</td>
                <td>{delivery.recipient}</td>
                <td>
                  {STATUS_LABELS[delivery.status]}
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
