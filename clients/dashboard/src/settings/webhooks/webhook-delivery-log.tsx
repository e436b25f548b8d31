import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql/index.js';
import type { WebhookDeliveryStatus } from '../../gql/graphql.js';
import { errorMessage } from '../input-errors.js';
import { useFormat } from '../../format/dates.js';
import { eventName } from './webhook-events.js';

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

const STATUS_LABELS: Record<WebhookDeliveryStatus, string> = { SUCCEEDED: 'Succeeded', PENDING: 'Pending', FAILED: 'Failed' };

/** The endpoint's deliveries, newest first, with every attempt; Refresh asks again, since deliveries happen in the background. */
export function WebhookDeliveryLog({ endpointId }: { endpointId: string }) {
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
    <section className="delivery-log" aria-label="Deliveries">
      <div className="settings-toolbar">
        <label>
          Status
          <select value={status} onChange={(event) => setStatus(event.target.value as WebhookDeliveryStatus | '')}>
            <option value="">All</option>
            <option value="SUCCEEDED">Succeeded</option>
            <option value="PENDING">Pending</option>
            <option value="FAILED">Failed</option>
          </select>
        </label>
        <button type="button" className="button" disabled={loading} onClick={() => void refetch().catch(() => {})}>
          Refresh
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
      {connection && connection.edges.length === 0 && <p className="settings__muted">No deliveries yet.</p>}
      {connection && connection.edges.length > 0 && (
        <div className="settings-table__scroll">
          <table className="settings-table" aria-label="Delivery log">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Attempts</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  <th scope="row">
                    <code>{eventName(node.event.type)}</code>
                  </th>
                  <td>
                    <span className={`state ${node.status === 'FAILED' ? 'state--failed' : node.status === 'SUCCEEDED' ? 'state--on' : 'state--off'}`}>{STATUS_LABELS[node.status]}</span>
                    {node.nextAttemptAt && <span className="field-help">next try {format.dateTime(node.nextAttemptAt)}</span>}
                  </td>
                  <td>{format.dateTime(node.createdAt)}</td>
                  <td>
                    <ol className="attempts">
                      {node.attempts.map((attempt) => (
                        <li key={attempt.attempt}>
                          #{attempt.attempt}: {attempt.statusCode ?? 'no answer'}
                          {attempt.error ? ` — ${attempt.error}` : ''} <span className="field-help">{format.dateTime(attempt.startedAt)}, {attempt.durationMs} ms</span>
                        </li>
                      ))}
                    </ol>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Redeliver ${eventName(node.event.type)} of ${format.dateTime(node.createdAt)}`}
                      disabled={redelivering.loading || node.status === 'PENDING'}
                      onClick={() => void redeliver({ variables: { deliveryId: node.id } }).catch(() => {})}
                    >
                      Redeliver
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
          Older deliveries
        </button>
      )}
    </section>
  );
}
