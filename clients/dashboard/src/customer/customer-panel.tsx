import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { CustomerProfileForm } from './customer-profile-form.js';
import { CUSTOMER_STRINGS as T } from './customer-strings.js';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { relativeTime } from '../format/time.js';
import { StatusBadge } from '../inbox/status-badge.js';
import { conversationPath, openConversation } from '../routing/use-route.js';
import { ChatLinkButton } from './chat-link-button.js';
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
      createdAt
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

  return (
    <aside className="customer-panel" aria-label="Customer details">
      <div className="customer-panel__head">
        <h3>{customer.name}</h3>
        <button type="button" className="icon-button" aria-label="Close customer details" onClick={props.onClose}>
          <Icon name="close" />
        </button>
      </div>
      {editing ? (
        <CustomerProfileForm customer={customer} onDone={() => setEditing(false)} />
      ) : (
      <>
      <dl className="customer-panel__details">
        <dt>Phone</dt>
        <dd>{customer.phone ? <a href={`tel:${customer.phone}`}>{customer.phone}</a> : '—'}</dd>
        <dt>Email</dt>
        <dd>{customer.email ? <a href={`mailto:${customer.email}`}>{customer.email}</a> : '—'}</dd>
        {customer.externalId && (
          <>
            <dt>Store id</dt>
            <dd>{customer.externalId}</dd>
          </>
        )}
        {customer.dateOfBirth && (
          <>
            <dt>{T.dateOfBirth}</dt>
            <dd>{new Date(`${customer.dateOfBirth}T00:00:00`).toLocaleDateString()}</dd>
          </>
        )}
        {customer.preferredLanguage && (
          <>
            <dt>{T.preferredLanguage}</dt>
            <dd>{T.languages[customer.preferredLanguage] ?? customer.preferredLanguage}</dd>
          </>
        )}
        <dt>Customer since</dt>
        <dd>{new Date(customer.createdAt).toLocaleDateString()}</dd>
      </dl>
      {customer.staffNote && (
        <p className="customer-panel__staff-note" aria-label={T.staffNote}>
          {customer.staffNote}
        </p>
      )}
      <button type="button" className="button" onClick={() => setEditing(true)}>
        {T.edit}
      </button>
      </>
      )}

      <section aria-labelledby="chat-link-title">
        <h4 id="chat-link-title">Chat link</h4>
        <ChatLinkButton customerId={customer.id} />
      </section>

      <section aria-labelledby="other-threads-title">
        <h4 id="other-threads-title">Other conversations</h4>
        {others.length === 0 ? (
          <p className="customer-panel__muted">{data ? 'None.' : 'Loading…'}</p>
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
                  <span>{thread.subject || 'Chat'}</span>
                  <span className="customer-panel__muted">{relativeTime(thread.lastActivityAt)}</span>
                  <StatusBadge status={thread.status} />
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="new-thread-title">
        <h4 id="new-thread-title">New conversation</h4>
        <StartConversationForm customerId={customer.id} />
      </section>
    </aside>
  );
}
