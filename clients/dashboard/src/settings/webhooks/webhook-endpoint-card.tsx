import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql, readFragment, type FragmentType } from '../../gql/index.js';
import { ConfirmButton } from '../confirm-button.js';
import { errorMessage } from '../input-errors.js';
import { SecretOnce } from '../secret-once.js';
import { WebhookDeliveryLog } from './webhook-delivery-log.js';
import { eventName } from './webhook-events.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';

export const WebhookEndpointFields = graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id
    url
    description
    enabled
    events
    audience
    createdAt
  }
`);

const SetWebhookEnabledMutation = graphql(`
  mutation SetWebhookEnabled($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      id
      ...WebhookEndpointFields
    }
  }
`);

const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      endpoint {
        id
      }
    }
  }
`);

const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      id
    }
  }
`);

/** One endpoint: its events, enable/disable, rotate the secret, delete, and its delivery log. */
export function WebhookEndpointCard(props: { endpoint: FragmentType<typeof WebhookEndpointFields> }) {
  const t = useStrings();
  const endpoint = readFragment(WebhookEndpointFields, props.endpoint);
  const [secret, setSecret] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const [setEnabled, enabling] = useMutation(SetWebhookEnabledMutation);
  const [rotate, rotating] = useMutation(RotateWebhookSecretMutation);
  const [remove, removing] = useMutation(DeleteWebhookEndpointMutation, {
    update(cache, { data }) {
      if (!data) return;
      cache.evict({ id: cache.identify({ __typename: 'WebhookEndpoint', id: data.deleteWebhookEndpoint.id }) });
      cache.gc();
    },
  });
  const error = enabling.error ?? rotating.error ?? removing.error;
  const logId = `webhook-log-${endpoint.id}`;

  return (
    <li className="webhook-card" aria-label={t('webhookEndpointNamed', { url: endpoint.url })}>
      <div className="webhook-card__head">
        <code className="webhook-card__url">{endpoint.url}</code>
        <span className={`state ${endpoint.enabled ? 'state--on' : 'state--off'}`}>{endpoint.enabled ? t('webhookEnabled') : t('webhookPaused')}</span>
      </div>
      {endpoint.description && <p className="settings__muted">{endpoint.description}</p>}
      <p className="settings__muted">{endpoint.audience === 'TEAM' ? t('webhookAudienceTeam') : t('webhookAudienceCustomer')}</p>
      <ul className="chips" aria-label={t('webhookEvents')}>
        {endpoint.events.map((type) => (
          <li key={type} className="chip">
            <code>{eventName(type)}</code>
          </li>
        ))}
      </ul>
      <div className="webhook-card__actions">
        <button
          type="button"
          className="button"
          disabled={enabling.loading}
          onClick={() => void setEnabled({ variables: { input: { id: endpoint.id, enabled: !endpoint.enabled } } }).catch(() => {})}
        >
          {endpoint.enabled ? t('webhookPause') : t('webhookEnable')}
        </button>
        <ConfirmButton
          label={t('webhookRotate')}
          question={t('webhookRotateQuestion')}
          confirmLabel={t('widgetRotateConfirm')}
          disabled={rotating.loading}
          onConfirm={() =>
            void rotate({ variables: { id: endpoint.id } })
              .then((result) => result.data && setSecret(result.data.rotateWebhookSecret.secret))
              .catch(() => {})
          }
        />
        <ConfirmButton
          label={t('delete')}
          accessibleLabel={t('webhookDeleteNamed', { url: endpoint.url })}
          question={t('webhookDeleteQuestion')}
          confirmLabel={t('savedReplyDeleteConfirm')}
          disabled={removing.loading}
          onConfirm={() => void remove({ variables: { id: endpoint.id } }).catch(() => {})}
        />
        <button type="button" className="button button--ghost" aria-expanded={showLog} aria-controls={logId} onClick={() => setShowLog((shown) => !shown)}>
          {showLog ? t('webhookHideDeliveries') : t('webhookShowDeliveries')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {secret && <SecretOnce label={t('webhookNewSecret')} secret={secret} onDone={() => setSecret(null)} />}
      <div id={logId}>{showLog && <WebhookDeliveryLog endpointId={endpoint.id} />}</div>
    </li>
  );
}
