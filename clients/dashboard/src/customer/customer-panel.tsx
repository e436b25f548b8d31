import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { CustomerProfileForm } from './customer-profile-form.js';
import { languageName } from './customer-languages.js';
import { BlockCustomerButton } from './block-customer-button.js';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { useFormat } from '../format/dates.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { StatusBadge } from '../inbox/status-badge.js';
import { conversationPath, openConversation } from '../routing/use-route.js';
import { ChatLinkButton } from './chat-link-button.js';
import { NotificationConsentLine } from './notification-consent-line.js';
import { StartConversationForm } from './start-conversation-form.js';
import './customer-panel.css';
import { Icon } from '../icons.js';

export const CustomerPanelFields = graphql(`
  fragment CustomerPanelFields on Conversation {
    id
    customer {
      id
      name
      phone
      email
      externalId
      dateOfBirth
      preferredLanguage
      staffNote
      blockedAt
      unverified
      createdAt
      emailNotifications {
        ...NotificationConsentFields
      }
      smsNotifications {
        ...NotificationConsentFields
      }
    }
  }
`);

const CustomerThreadsQuery = graphql(`
  query CustomerThreads($filter: ConversationFilter!) {
    conversations(first: 20, filter: $filter) {
      edges {
        node {
          id
          subject
          status
          lastActivityAt
        }
      }
    }
  }
`);

/** Who the customer is, their other threads, a new thread, and a chat link to send them. */
export function CustomerPanel(props: { conversation: FragmentType<typeof CustomerPanelFields>; onClose(): void }) {
  const { id: conversationId, customer } = readFragment(CustomerPanelFields, props.conversation);
  const { data } = useQuery(CustomerThreadsQuery, { variables: { filter: { customerId: customer.id } }, fetchPolicy: 'cache-and-network' });
  const others = (data?.conversations.edges ?? []).map((e) => e.node).filter((c) => c.id !== conversationId);
  const [editing, setEditing] = useState(false);
  const t = useStrings();
  const format = useFormat();

  return (
    <aside className="customer-panel" aria-label={t('customerDetails')}>
      <div className="customer-panel__head">
        <h3>{customer.name}</h3>
        <button type="button" className="icon-button" aria-label={t('closeCustomerDetails')} onClick={props.onClose}>
          <Icon name="close" />
        </button>
      </div>
      {editing ? (
        <CustomerProfileForm customer={customer} onDone={() => setEditing(false)} />
      ) : (
      <>
      {customer.unverified && (
        <p className="customer-panel__unverified" role="note">
          {t('customerUnverified')}
        </p>
      )}
      <dl className="customer-panel__details">
        <dt>{t('phone')}</dt>
        <dd>{customer.phone ? <a href={`tel:${customer.phone}`}>{customer.phone}</a> : '—'}</dd>
        <dt>{t('email')}</dt>
        <dd>{customer.email ? <a href={`mailto:${customer.email}`}>{customer.email}</a> : '—'}</dd>
        {customer.externalId && (
          <>
            <dt>{t('storeId')}</dt>
            <dd>{customer.externalId}</dd>
          </>
        )}
        <dt>{t('customerReplyNotices')}</dt>
        <dd>
          <NotificationConsentLine channel={t('customerReplyNoticesEmail')} consent={customer.emailNotifications} />
          <NotificationConsentLine channel={t('customerReplyNoticesSms')} consent={customer.smsNotifications} />
        </dd>
        {customer.dateOfBirth && (
          <>
            <dt>{t('customerDateOfBirth')}</dt>
            {/* Midday UTC: a calendar day stays that day in any time zone. */}
            <dd>{format.date(`${customer.dateOfBirth}T12:00:00Z`)}</dd>
          </>
        )}
        {customer.preferredLanguage && (
          <>
            <dt>{t('customerLanguage')}</dt>
            <dd>{languageName(customer.preferredLanguage, t)}</dd>
          </>
        )}
        <dt>{t('customerSince')}</dt>
        <dd>{format.date(customer.createdAt)}</dd>
      </dl>
      {customer.staffNote && (
        <p className="customer-panel__staff-note" aria-label={t('customerStaffNote')}>
          {customer.staffNote}
        </p>
      )}
      <button type="button" className="button" onClick={() => setEditing(true)}>
        {t('customerEdit')}
      </button>
      <BlockCustomerButton customer={customer} />
      </>
      )}

      <section aria-labelledby="chat-link-title">
        <h4 id="chat-link-title">{t('chatLink')}</h4>
        <ChatLinkButton customerId={customer.id} />
      </section>

      <section aria-labelledby="other-threads-title">
        <h4 id="other-threads-title">{t('otherConversations')}</h4>
        {others.length === 0 ? (
          <p className="customer-panel__muted">{data ? t('none') : t('loading')}</p>
        ) : (
          <ul className="customer-panel__threads">
            {others.map((thread) => (
              <li key={thread.id}>
                <a
                  href={conversationPath(thread.id)}
                  onClick={(event) => {
                    event.preventDefault();
                    openConversation(thread.id);
                  }}
                >
                  <span>{thread.subject || t('chat')}</span>
                  <span className="customer-panel__muted">{format.relative(thread.lastActivityAt)}</span>
                  <StatusBadge status={thread.status} />
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="new-thread-title">
        <h4 id="new-thread-title">{t('newConversation')}</h4>
        <StartConversationForm customerId={customer.id} />
      </section>
    </aside>
  );
}
