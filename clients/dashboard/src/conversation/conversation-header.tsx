import { useMutation } from '@apollo/client/react';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import type { ConversationStatus } from '../gql/graphql.js';
import { StatusBadge } from '../inbox/status-badge.js';
import { openInbox } from '../routing/use-route.js';
import { AssigneePicker } from './assignee-picker.js';
import { Icon } from '../icons.js';

export const ConversationHeaderFields = graphql(`
  fragment ConversationHeaderFields on Conversation {
    id
    subject
    status
    customerOnline
    customer {
      id
      name
      phone
    }
    assignee {
      id
      name
    }
  }
`);

const SetConversationStatusMutation = graphql(`
  mutation SetConversationStatus($input: SetConversationStatusInput!) {
    setConversationStatus(input: $input) {
      id
      status
      updatedAt
    }
  }
`);

interface ConversationHeaderProps {
  conversation: FragmentType<typeof ConversationHeaderFields>;
  viewerStaffId: string;
  customerPanelOpen: boolean;
  onToggleCustomerPanel(): void;
}

const STATUS_ACTIONS: Record<ConversationStatus, { status: ConversationStatus; label: string }[]> = {
  OPEN: [
    { status: 'PENDING', label: 'Mark pending' },
    { status: 'RESOLVED', label: 'Resolve' },
  ],
  PENDING: [
    { status: 'OPEN', label: 'Reopen' },
    { status: 'RESOLVED', label: 'Resolve' },
  ],
  RESOLVED: [{ status: 'OPEN', label: 'Reopen' }],
  CLOSED: [{ status: 'OPEN', label: 'Reopen' }],
};

export function ConversationHeader(props: ConversationHeaderProps) {
  const conversation = readFragment(ConversationHeaderFields, props.conversation);
  const [setStatus, { loading }] = useMutation(SetConversationStatusMutation);
  return (
    <header className="conversation-header">
      <button type="button" className="icon-button conversation-header__back" aria-label="Back to inbox" onClick={openInbox}>
        <Icon name="back" />
      </button>
      <div className="conversation-header__who">
        <h2>
          {conversation.customer.name}
          <span className={`presence-dot${conversation.customerOnline ? ' presence-dot--online' : ''}`} aria-hidden="true" title={conversation.customerOnline ? 'Online now' : 'Offline'} />
          {conversation.customerOnline && <span className="visually-hidden">(online)</span>}
        </h2>
        <p>
          {[conversation.customer.phone, conversation.subject].filter(Boolean).join(' · ')} <StatusBadge status={conversation.status} />
        </p>
      </div>
      <div className="conversation-header__actions">
        <AssigneePicker conversationId={conversation.id} assigneeId={conversation.assignee?.id ?? null} viewerStaffId={props.viewerStaffId} />
        {STATUS_ACTIONS[conversation.status].map(({ status, label }) => (
          <button
            key={status}
            type="button"
            className={`button${status === 'RESOLVED' ? ' button--primary' : ''}`}
            disabled={loading}
            onClick={() => void setStatus({ variables: { input: { conversationId: conversation.id, status } } }).catch(() => {})}
          >
            {label}
          </button>
        ))}
        <button
          type="button"
          className={`icon-button${props.customerPanelOpen ? ' icon-button--active' : ''}`}
          aria-label="Customer details"
          title="Customer details"
          aria-expanded={props.customerPanelOpen}
          onClick={props.onToggleCustomerPanel}
        >
          <Icon name="person" />
        </button>
      </div>
    </header>
  );
}
