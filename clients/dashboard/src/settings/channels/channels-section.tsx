import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { graphql } from '../../gql/index.js';
import type { ChannelKind } from '../../gql/graphql.js';
import { useStrings } from '../../i18n/dashboard-i18n.js';
import { inputErrors } from '../input-errors.js';

const ChannelConnectionsQuery = graphql(`
  query ChannelConnections {
    channelConnections {
      id
      kind
      name
      phoneNumber
      enabled
      webhookUrl
      whatsappPhoneNumberId
      twilioAccountSid
      secretHints {
        accessToken
        appSecret
        verifyToken
        authToken
      }
      whatsappTemplates {
        name
        language
      }
    }
  }
`);

const CreateChannelConnectionMutation = graphql(`
  mutation CreateChannelConnection($input: CreateChannelConnectionInput!) {
    createChannelConnection(input: $input) {
      id
    }
  }
`);

const DeleteChannelConnectionMutation = graphql(`
  mutation DeleteChannelConnection($id: ID!) {
    deleteChannelConnection(id: $id) {
      id
    }
  }
`);

const RefreshWhatsAppTemplatesMutation = graphql(`
  mutation RefreshWhatsAppTemplates($id: ID!) {
    refreshWhatsAppTemplates(id: $id) {
      id
      whatsappTemplates {
        name
        language
      }
    }
  }
`);

/** Settings → Channels (issue 22): the pharmacy's WhatsApp and SMS numbers, their webhook URLs, and connecting one. */
export function ChannelsSection() {
  const t = useStrings();
  const { data, error } = useQuery(ChannelConnectionsQuery);
  const [disconnect] = useMutation(DeleteChannelConnectionMutation, { refetchQueries: ['ChannelConnections'] });
  const [refresh, refreshing] = useMutation(RefreshWhatsAppTemplatesMutation);
  const connections = data?.channelConnections ?? [];
  return (
    <div className="settings-section">
      <p>{t('channelsIntro')}</p>
      {error && <p className="notice notice--error">{error.message}</p>}
      {data && connections.length === 0 && <p>{t('channelsNone')}</p>}
      <ul className="settings-list">
        {connections.map((connection) => (
          <li key={connection.id} className="settings-card">
            <h2>
              {connection.kind === 'WHATSAPP' ? t('channelWhatsApp') : t('channelSms')} · {connection.name} · {connection.phoneNumber}
            </h2>
            <p>
              {t('channelWebhookUrl')}: <code>{connection.webhookUrl}</code>
            </p>
            <p className="field-help">
              {Object.entries(connection.secretHints)
                .filter((entry): entry is [string, string] => entry[0] !== '__typename' && typeof entry[1] === 'string')
                .map(([name, last]) => `${name}: ${t('channelSecretSet', { last })}`)
                .join(' · ')}
            </p>
            {connection.kind === 'WHATSAPP' && (
              <p>
                {t('channelTemplates')}: {connection.whatsappTemplates.map((template) => `${template.name} (${template.language})`).join(', ') || '—'}{' '}
                <button type="button" className="button" disabled={refreshing.loading} onClick={() => void refresh({ variables: { id: connection.id } }).catch(() => {})}>
                  {t('channelFetchTemplates')}
                </button>
              </p>
            )}
            <button type="button" className="button button--danger" onClick={() => void disconnect({ variables: { id: connection.id } }).catch(() => {})}>
              {t('channelDisconnect')}
            </button>
          </li>
        ))}
      </ul>
      {refreshing.error && <p className="notice notice--error">{refreshing.error.message}</p>}
      <ConnectChannelForm />
    </div>
  );
}

const EMPTY = { name: '', phoneNumber: '', whatsappPhoneNumberId: '', whatsappBusinessAccountId: '', accessToken: '', appSecret: '', verifyToken: '', twilioAccountSid: '', authToken: '' };

function ConnectChannelForm() {
  const t = useStrings();
  const [kind, setKind] = useState<ChannelKind>('WHATSAPP');
  const [form, setForm] = useState(EMPTY);
  const [create, { loading, error, reset }] = useMutation(CreateChannelConnectionMutation, { refetchQueries: ['ChannelConnections'] });
  const errors = inputErrors(error);
  const whatsapp = kind === 'WHATSAPP';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = whatsapp
      ? {
          kind,
          name: form.name,
          phoneNumber: form.phoneNumber.trim(),
          whatsappPhoneNumberId: form.whatsappPhoneNumberId.trim(),
          whatsappBusinessAccountId: form.whatsappBusinessAccountId.trim() || null,
          secrets: { accessToken: form.accessToken, appSecret: form.appSecret, verifyToken: form.verifyToken },
        }
      : { kind, name: form.name, phoneNumber: form.phoneNumber.trim(), twilioAccountSid: form.twilioAccountSid.trim(), secrets: { authToken: form.authToken } };
    const result = await create({ variables: { input } }).catch(() => null);
    if (result?.data) setForm(EMPTY);
  }

  const field = (name: keyof typeof EMPTY, label: string, secret = false) => (
    <label className="field" key={name}>
      <span>{label}</span>
      <input
        type={secret ? 'password' : 'text'}
        autoComplete="off"
        value={form[name]}
        required={name !== 'whatsappBusinessAccountId'}
        onChange={(event) => {
          setForm((current) => ({ ...current, [name]: event.target.value }));
          reset();
        }}
      />
      {errors[name] && <span className="field-error">{errors[name]}</span>}
    </label>
  );

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} aria-labelledby="connect-channel-title">
      <h2 id="connect-channel-title">{t('channelConnect')}</h2>
      <fieldset className="field">
        <label>
          <input type="radio" name="channel-kind" checked={whatsapp} onChange={() => setKind('WHATSAPP')} /> {t('channelWhatsApp')}
        </label>{' '}
        <label>
          <input type="radio" name="channel-kind" checked={!whatsapp} onChange={() => setKind('SMS')} /> {t('channelSms')}
        </label>
      </fieldset>
      {field('name', t('channelName'))}
      {field('phoneNumber', t('channelPhoneNumber'))}
      {whatsapp
        ? [
            field('whatsappPhoneNumberId', t('channelWhatsAppPhoneNumberId')),
            field('whatsappBusinessAccountId', t('channelWhatsAppBusinessAccountId')),
            field('accessToken', t('channelAccessToken'), true),
            field('appSecret', t('channelAppSecret'), true),
            field('verifyToken', t('channelVerifyToken'), true),
          ]
        : [field('twilioAccountSid', t('channelTwilioAccountSid')), field('authToken', t('channelAuthToken'), true)]}
      {errors.form && (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={loading}>
        {t('channelConnect')}
      </button>
    </form>
  );
}
