import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../gql/index.js';
import type { ApiKeyScope } from '../../gql/graphql.js';
import { inputErrors } from '../input-errors.js';
import { SecretOnce } from '../secret-once.js';
import { API_KEY_SCOPES, scopeName } from './api-key-scopes.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';

const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      secret
      apiKey {
        id
        ...ApiKeyRowFields
      }
    }
  }
`);

/** Name, scopes and an optional expiry date; the secret is shown once after creation. */
export function CreateApiKeyForm() {
  const t = useStrings();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>([]);
  const [expires, setExpires] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [create, { loading, error, reset }] = useMutation(CreateApiKeyMutation, { refetchQueries: ['ApiKeys'] });
  const errors = inputErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The end of the chosen day, local time: "expires on the 31st" still works on the 31st.
    const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : null;
    const result = await create({ variables: { input: { name: name.trim(), scopes, expiresAt } } }).catch(() => null);
    if (result?.data) {
      setSecret(result.data.createApiKey.secret);
      setName('');
      setScopes([]);
      setExpires('');
    }
  }

  if (secret) {
    return <SecretOnce label={t('apiKeyNewSecret')} secret={secret} onDone={() => setSecret(null)} />;
  }

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} aria-labelledby="create-api-key-title">
      <h2 id="create-api-key-title">{t('apiKeyCreateTitle')}</h2>
      <label className="field">
        <span>{t('teamName')}</span>
        <input value={name} onChange={(event) => { setName(event.target.value); reset(); }} required maxLength={100} placeholder={t('apiKeyNamePlaceholder')} />
        {errors.name && <span className="field-error">{errors.name}</span>}
      </label>
      <fieldset className="field">
        <legend>{t('apiKeyScopes')}</legend>
        <ul className="checkbox-list">
          {API_KEY_SCOPES.map(({ scope, help }) => (
            <li key={scope}>
              <label>
                <input
                  type="checkbox"
                  checked={scopes.includes(scope)}
                  aria-describedby={`scope-help-${scope}`}
                  onChange={(event) => setScopes((current) => (event.target.checked ? [...current, scope] : current.filter((s) => s !== scope)))}
                />
                <code>{scopeName(scope)}</code>
              </label>
              <span id={`scope-help-${scope}`} className="field-help">
                {t(help)}
              </span>
            </li>
          ))}
        </ul>
        {errors.scopes && <span className="field-error">{errors.scopes}</span>}
      </fieldset>
      <label className="field">
        <span>{t('apiKeyExpiresOn')}</span>
        <input type="date" value={expires} min={new Date().toISOString().slice(0, 10)} onChange={(event) => setExpires(event.target.value)} />
        {errors.expiresAt && <span className="field-error">{errors.expiresAt}</span>}
      </label>
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={loading || !name.trim() || scopes.length === 0}>
        {t('apiKeyCreate')}
      </button>
    </form>
  );
}
