import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { CreateWebhookForm } from './create-webhook-form.js';
import { WebhookEndpointCard } from './webhook-endpoint-card.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';
import { LoadFailed } from '../load-failed.js';

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
  const t = useStrings();
  const { data, error, refetch } = useQuery(WebhookEndpointsQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <>
      <p className="settings__intro">{t('webhooksIntro')}</p>
      {error && !data && <LoadFailed message={t('webhooksNotLoaded')} onRetry={refetch} />}
      {data && data.webhookEndpoints.length === 0 && <p className="settings__muted">{t('webhooksNone')}</p>}
      {data && data.webhookEndpoints.length > 0 && (
        <ul className="webhook-list" aria-label={t('webhookEndpoints')}>
          {data.webhookEndpoints.map((endpoint) => (
            <WebhookEndpointCard key={endpoint.id} endpoint={endpoint} />
          ))}
        </ul>
      )}
      <CreateWebhookForm />
    </>
  );
}
