import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../gql/index.js';
import type { WebhookAudience, WebhookEventType } from '../../gql/graphql.js';
import { inputErrors } from '../input-errors.js';
import { SecretOnce } from '../secret-once.js';
import { eventName, WEBHOOK_EVENTS } from './webhook-events.js';

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

  if (secret) return <SecretOnce label="The endpoint's signing secret" secret={secret} onDone={() => setSecret(null)} />;

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} aria-labelledby="create-webhook-title">
      <h2 id="create-webhook-title">Add an endpoint</h2>
      <label className="field">
        <span>URL</span>
        <input type="url" value={url} required placeholder="https://orders.example.com/counterchat" onChange={(event) => { setUrl(event.target.value); reset(); }} />
        {errors.url && <span className="field-error">{errors.url}</span>}
      </label>
      <fieldset className="field">
        <legend>Events</legend>
        <ul className="checkbox-list">
          {WEBHOOK_EVENTS.map(({ type, help }) => (
            <li key={type}>
              <label>
                <input
                  type="checkbox"
                  checked={events.includes(type)}
                  aria-describedby={`event-help-${type}`}
                  onChange={(event) => setEvents((current) => (event.target.checked ? [...current, type] : current.filter((t) => t !== type)))}
                />
                <code>{eventName(type)}</code>
              </label>
              <span id={`event-help-${type}`} className="field-help">
                {help}
              </span>
            </li>
          ))}
        </ul>
        {errors.events && <span className="field-error">{errors.events}</span>}
      </fieldset>
      <label className="field field--inline">
        <input type="checkbox" checked={forTeam} onChange={(event) => setForTeam(event.target.checked)} />
        <span>Include internal notes (only for the pharmacy’s own systems)</span>
      </label>
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={loading || !url.trim() || events.length === 0}>
        Add endpoint
      </button>
    </form>
  );
}
