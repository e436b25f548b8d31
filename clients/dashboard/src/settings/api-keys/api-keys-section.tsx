import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql/index.js';
import { ApiKeyRow } from './api-key-row.js';
import { CreateApiKeyForm } from './create-api-key-form.js';

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
  const { data, error, refetch } = useQuery(ApiKeysQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <>
      <p className="settings__intro">Keys let the pharmacy's own systems use the Counterchat API. Give each key only the scopes its system needs.</p>
      {error && !data && (
        <p className="notice notice--error" role="alert">
          The keys could not be loaded. <button type="button" className="link-button" onClick={() => void refetch().catch(() => {})}>Try again</button>
        </p>
      )}
      {data && data.apiKeys.length === 0 && <p className="settings__muted">No keys yet.</p>}
      {data && data.apiKeys.length > 0 && (
        <div className="settings-table__scroll">
          <table className="settings-table" aria-label="API keys">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {data.apiKeys.map((key) => (
                <ApiKeyRow key={key.id} apiKey={key} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CreateApiKeyForm />
    </>
  );
}
