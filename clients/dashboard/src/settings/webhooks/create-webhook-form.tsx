import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../gql/index.js';
import type { WebhookAudience, WebhookEventType } from '../../gql/graphql.js';
import { inputErrors } from '../input-errors.js';
import { SecretOnce } from '../secret-once.js';
import { eventName, WEBHOOK_EVENTS } from './webhook-events.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';

const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      secret
      endpoint {
        id
        ...WebhookEndpointFields
      }
    }
  }
`);

/** URL and events; the signing secret is shown once after creation. */
export function CreateWebhookForm() {
  const t = useStrings();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const [forTeam, setForTeam] = useState(false);
  const [create, { loading, error, reset }] = useMutation(CreateWebhookEndpointMutation, { refetchQueries: ['WebhookEndpoints'] });
  const errors = inputErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create({ variables: { input: { url: url.trim(), events, audience: (forTeam ? 'TEAM' : 'CUSTOMER') as WebhookAudience } } }).catch(() => null);
    if (result?.data) {
      setSecret(result.data.createWebhookEndpoint.secret);
      setUrl('');
      setEvents([]);
      setForTeam(false);
    }
  }

  if (secret) return <SecretOnce label={t('webhookSigningSecret')} secret={secret} onDone={() => setSecret(null)} />;

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} aria-labelledby="create-webhook-title">
      <h2 id="create-webhook-title">{t('webhookAddTitle')}</h2>
      <label className="field">
        <span>{t('webhookUrl')}</span>
        <input type="url" value={url} required placeholder="https://orders.example.com/counterchat" onChange={(event) => { setUrl(event.target.value); reset(); }} />
        {errors.url && <span className="field-error">{errors.url}</span>}
      </label>
      <fieldset className="field">
        <legend>{t('webhookEvents')}</legend>
        <ul className="checkbox-list">
          {WEBHOOK_EVENTS.map(({ type, help }) => (
            <li key={type}>
              <label>
                <input
                  type="checkbox"
                  checked={events.includes(type)}
                  aria-describedby={`event-help-${type}`}
                  onChange={(event) => setEvents((current) => (event.target.checked ? [...current, type] : current.filter((other) => other !== type)))}
                />
                <code>{eventName(type)}</code>
              </label>
              <span id={`event-help-${type}`} className="field-help">
                {t(help)}
              </span>
            </li>
          ))}
        </ul>
        {errors.events && <span className="field-error">{errors.events}</span>}
      </fieldset>
      <label className="field field--inline">
        <input type="checkbox" checked={forTeam} onChange={(event) => setForTeam(event.target.checked)} />
        <span>{t('webhookIncludeNotes')}</span>
      </label>
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={loading || !url.trim() || events.length === 0}>
        {t('webhookAdd')}
      </button>
    </form>
  );
}
