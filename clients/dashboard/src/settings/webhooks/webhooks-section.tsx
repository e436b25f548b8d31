import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { CreateWebhookForm } from './create-webhook-form.js';
import { WebhookEndpointCard } from './webhook-endpoint-card.js';

const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints {
    webhookEndpoints {
      id
      ...WebhookEndpointFields
    }
  }
`);

/** Receivers of signed event POSTs, oldest first, each with its delivery log. */
export function WebhooksSection() {
  const { data, error, refetch } = useQuery(WebhookEndpointsQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <>
      <p className="settings__intro">Endpoints receive a signed POST for each event they subscribe to. Delivery is at least once: receivers dedupe by the event id.</p>
      {error && !data && (
        <p className="notice notice--error" role="alert">
          The endpoints could not be loaded. <button type="button" className="link-button" onClick={() => void refetch().catch(() => {})}>Try again</button>
        </p>
      )}
      {data && data.webhookEndpoints.length === 0 && <p className="settings__muted">No endpoints yet.</p>}
      {data && data.webhookEndpoints.length > 0 && (
        <ul className="webhook-list" aria-label="Webhook endpoints">
          {data.webhookEndpoints.map((endpoint) => (
            <WebhookEndpointCard key={endpoint.id} endpoint={endpoint} />
          ))}
        </ul>
      )}
      <CreateWebhookForm />
    </>
  );
}
