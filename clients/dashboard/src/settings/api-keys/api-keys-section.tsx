import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { ApiKeyRow } from './api-key-row.js';
import { CreateApiKeyForm } from './create-api-key-form.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';
import { LoadFailed } from '../load-failed.js';
import { SettingsTable } from '../settings-table.js';

const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      id
      ...ApiKeyRowFields
    }
  }
`);

/** Partner keys: who may use the API as the pharmacy, with which scopes. */
export function ApiKeysSection() {
  const t = useStrings();
  const { data, error, refetch } = useQuery(ApiKeysQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <>
      <p className="settings__intro">{t('apiKeysIntro')}</p>
      {error && !data && <LoadFailed message={t('apiKeysNotLoaded')} onRetry={refetch} />}
      {data && data.apiKeys.length === 0 && <p className="settings__muted">{t('apiKeysNone')}</p>}
      {data && data.apiKeys.length > 0 && (
        <SettingsTable label={t('settingsApiKeys')} columns={[t('teamName'), t('apiKeyPrefix'), t('apiKeyScopes'), t('webhookCreated'), t('apiKeyLastUsed'), t('apiKeyExpires'), t('teamState')]}>
          {data.apiKeys.map((key) => (
            <ApiKeyRow key={key.id} apiKey={key} />
          ))}
        </SettingsTable>
      )}
      <CreateApiKeyForm />
    </>
  );
}
