import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql/index.js';
import { useFormat } from '../format/dates.js';
import { useStrings } from '../i18n/dashboard-i18n.js';

const IssueChatTokenMutation = graphql(`
  mutation IssueChatToken($customerId: ID!) {
    issueChatToken(customerId: $customerId) {
      chatLink
      expiresAt
    }
  }
`);

/**
 * Creates a link that opens the chat signed in as this customer (to send by SMS or
 * email). The token inside it is the customer's credential: it is shown only here and
 * never stored by the dashboard.
 */
export function ChatLinkButton({ customerId }: { customerId: string }) {
  const [issue, { data, loading, error }] = useMutation(IssueChatTokenMutation);
  const [copied, setCopied] = useState(false);
  const t = useStrings();
  const format = useFormat();
  const link = data?.issueChatToken.chatLink;

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions): the field is selected, so Ctrl+C works.
      (document.getElementById(`chat-link-${customerId}`) as HTMLInputElement | null)?.select();
    }
  }

  return (
    <div className="chat-link">
      {link ? (
        <>
          <input id={`chat-link-${customerId}`} readOnly value={link} aria-label={t('chatLinkForCustomer')} onFocus={(e) => e.target.select()} />
          <div className="chat-link__row">
            <button type="button" className="button" onClick={() => void copy()}>
              {copied ? t('copied') : t('copyLink')}
            </button>
            <span className="customer-panel__muted">{t('validUntil', { date: format.dateTime(data!.issueChatToken.expiresAt) })}</span>
          </div>
        </>
      ) : (
        <button type="button" className="button" disabled={loading} onClick={() => void issue({ variables: { customerId } }).catch(() => {})}>
          {t('createChatLink')}
        </button>
      )}
      {error && (
        <p role="alert" className="field-error">
          {t('chatLinkFailed', { reason: error.message })}
        </p>
      )}
    </div>
  );
}
