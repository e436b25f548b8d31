import { useMutation } from '@apollo/client/react';
import { graphql, readFragment, type FragmentType } from '../../gql/index.js';
import { ConfirmButton } from '../confirm-button.js';
import { errorMessage } from '../input-errors.js';
import { useFormat } from '../../format/dates.js';
import { scopeName } from './api-key-scopes.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';

export const ApiKeyRowFields = graphql(`
  fragment ApiKeyRowFields on ApiKey {
    id
    name
    prefix
    scopes
    createdAt
    lastUsedAt
    expiresAt
    revokedAt
  }
`);

const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      ...ApiKeyRowFields
    }
  }
`);


export function ApiKeyRow(props: { apiKey: FragmentType<typeof ApiKeyRowFields> }) {
  const t = useStrings();
  const format = useFormat();
  const date = (iso: string | null | undefined, none: string) => (iso ? format.dateTime(iso) : none);
  const key = readFragment(ApiKeyRowFields, props.apiKey);
  const [revoke, { loading, error }] = useMutation(RevokeApiKeyMutation);
  const expired = !!key.expiresAt && new Date(key.expiresAt).getTime() < Date.now();
  return (
    <tr className={key.revokedAt ? 'settings-table__row--muted' : undefined}>
      <th scope="row">{key.name}</th>
      <td>
        <code>{key.prefix}…</code>
      </td>
      <td>
        <ul className="chips">
          {key.scopes.map((scope) => (
            <li key={scope} className="chip">
              <code>{scopeName(scope)}</code>
            </li>
          ))}
        </ul>
      </td>
      <td>{date(key.createdAt, '—')}</td>
      <td>{date(key.lastUsedAt, t('apiKeyNever'))}</td>
      <td>{date(key.expiresAt, t('apiKeyNoExpiry'))}</td>
      <td>
        {key.revokedAt ? (
          <span className="state state--off">{t('apiKeyRevokedAt', { time: date(key.revokedAt, '') })}</span>
        ) : expired ? (
          <span className="state state--off">{t('inviteExpired')}</span>
        ) : (
          <ConfirmButton
            label={t('inviteRevoke')}
            accessibleLabel={t('apiKeyRevokeNamed', { name: key.name })}
            question={t('apiKeyRevokeQuestion', { name: key.name })}
            confirmLabel={t('inviteRevokeConfirm')}
            disabled={loading}
            onConfirm={() => void revoke({ variables: { id: key.id } }).catch(() => {})}
          />
        )}
        {error && (
          <p className="field-error" role="alert">
            {errorMessage(error)}
          </p>
        )}
      </td>
    </tr>
  );
}
