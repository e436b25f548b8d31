import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql/index.js';
import type { WebhookDeliveryStatus } from '../../gql/graphql.js';
import { errorMessage } from '../input-errors.js';
import { useFormat } from '../../format/dates.js';
import { eventName } from './webhook-events.js';
import { useStrings, type DashboardKey } from '../../i18n/dashboard-i18n.js';
import { SettingsTable } from '../settings-table.js';

const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($endpointId: ID!, $status: WebhookDeliveryStatus, $after: String) {
    webhookDeliveries(endpointId: $endpointId, status: $status, first: 20, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          attemptCount
          createdAt
          nextAttemptAt
          event {
            id
            type
          }
          attempts {
            attempt
            statusCode
            error
            durationMs
            startedAt
          }
        }
      }
    }
  }
`);

const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      id
      status
      attemptCount
      nextAttemptAt
    }
  }
`);

const STATUS_LABELS: Record<WebhookDeliveryStatus, DashboardKey> = { SUCCEEDED: 'webhookSucceeded', PENDING: 'webhookPending', FAILED: 'deliveryFailed' };

/** The endpoint's deliveries, newest first, with every attempt; Refresh asks again, since deliveries happen in the background. */
export function WebhookDeliveryLog({ endpointId }: { endpointId: string }) {
  const t = useStrings();
  const format = useFormat();
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  const { data, loading, error, refetch, fetchMore } = useQuery(WebhookDeliveriesQuery, {
    variables: { endpointId, status: status || null },
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  const [redeliver, redelivering] = useMutation(RedeliverWebhookMutation);
  const connection = data?.webhookDeliveries;

  return (
    <section className="delivery-log" aria-label={t('webhookDeliveries')}>
      <div className="settings-toolbar">
        <label>
          {t('logStatus')}
          <select value={status} onChange={(event) => setStatus(event.target.value as WebhookDeliveryStatus | '')}>
            <option value="">{t('filterAll')}</option>
            {(Object.keys(STATUS_LABELS) as WebhookDeliveryStatus[]).map((value) => (
              <option key={value} value={value}>
                {t(STATUS_LABELS[value])}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={loading} onClick={() => void refetch().catch(() => {})}>
          {t('auditRefresh')}
        </button>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {redelivering.error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(redelivering.error)}
        </p>
      )}
      {connection && connection.edges.length === 0 && <p className="settings__muted">{t('webhookNoDeliveries')}</p>}
      {connection && connection.edges.length > 0 && (
        <SettingsTable label={t('webhookDeliveryLog')} columns={[t('webhookEvent'), t('logStatus'), t('webhookCreated'), t('mailAttempts')]} actions>
          {connection.edges.map(({ node }) => (
            <tr key={node.id}>
              <th scope="row">
                <code>{eventName(node.event.type)}</code>
              </th>
              <td>
                <span className={`state ${node.status === 'FAILED' ? 'state--failed' : node.status === 'SUCCEEDED' ? 'state--on' : 'state--off'}`}>{t(STATUS_LABELS[node.status])}</span>
                {node.nextAttemptAt && <span className="field-help">{t('webhookNextTry', { time: format.dateTime(node.nextAttemptAt) })}</span>}
              </td>
              <td>{format.dateTime(node.createdAt)}</td>
              <td>
                <ol className="attempts">
                  {node.attempts.map((attempt) => (
                    <li key={attempt.attempt}>
                      #{attempt.attempt}: {attempt.statusCode ?? t('webhookNoAnswer')}
                      {attempt.error ? ` — ${attempt.error}` : ''} <span className="field-help">{format.dateTime(attempt.startedAt)}, {format.number(attempt.durationMs)} ms</span>
                    </li>
                  ))}
                </ol>
              </td>
              <td>
                <button
                  type="button"
                  className="button"
                  aria-label={t('webhookRedeliverNamed', { event: eventName(node.event.type), time: format.dateTime(node.createdAt) })}
                  disabled={redelivering.loading || node.status === 'PENDING'}
                  onClick={() => void redeliver({ variables: { deliveryId: node.id } }).catch(() => {})}
                >
                  {t('webhookRedeliver')}
                </button>
              </td>
            </tr>
          ))}
        </SettingsTable>
      )}
      {connection?.pageInfo.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={loading}
          onClick={() =>
            void fetchMore({ variables: { after: connection.pageInfo.endCursor } }).catch(() => {})
          }
        >
          {t('webhookOlderDeliveries')}
        </button>
      )}
    </section>
  );
}
