import { useMutation } from '@apollo/client/react';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import type { ConversationStatus } from '../gql/graphql.js';
import { StatusBadge } from '../inbox/status-badge.js';
import { openInbox } from '../routing/use-route.js';
import { AssigneePicker } from './assignee-picker.js';
import { LabelChips } from '../label/label-chips.js';
import { LabelPicker } from '../label/label-picker.js';
import { useMarkUnread } from './mark-unread.js';
import { PriorityPicker } from './priority-picker.js';
import { SnoozeMenu } from './snooze-menu.js';
import { CallButton } from '../call/call-button.js';
import { Icon } from '../icons.js';
import { useShortcut } from '../shortcuts/keyboard-shortcuts.js';
import { useConnection } from '../connection/connection-context.js';
import { useBrowserOnline } from '../connection/use-browser-online.js';
import { useStrings, type DashboardKey } from '../i18n/dashboard-i18n.js';

export const ConversationHeaderFields = graphql(`
  fragment ConversationHeaderFields on Conversation {
    id
    subject
    status
    priority
    snoozedUntil
    lastSequence
    customerOnline
    customer {
      id
      name
      phone
      email
    }
    assignee {
      id
      name
    }
    labels {
      id
      ...LabelChipFields
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

const STATUS_ACTIONS: Record<ConversationStatus, { status: ConversationStatus; label: DashboardKey }[]> = {
  OPEN: [
    { status: 'PENDING', label: 'markPending' },
    { status: 'RESOLVED', label: 'resolve' },
  ],
  PENDING: [
    { status: 'OPEN', label: 'reopen' },
    { status: 'RESOLVED', label: 'resolve' },
  ],
  RESOLVED: [{ status: 'OPEN', label: 'reopen' }],
  CLOSED: [{ status: 'OPEN', label: 'reopen' }],
};

export function ConversationHeader(props: ConversationHeaderProps) {
  const conversation = readFragment(ConversationHeaderFields, props.conversation);
  const [setStatus, { loading }] = useMutation(SetConversationStatusMutation);
  const t = useStrings();
  // While the dashboard itself is disconnected it cannot know: show no one as online.
  const connection = useConnection();
  const browserOnline = useBrowserOnline();
  const connected = connection.state === 'online' && browserOnline;
  const customerOnline = connected && conversation.customerOnline;
  const canResolve = STATUS_ACTIONS[conversation.status].some((action) => action.status === 'RESOLVED');
  useShortcut('e', () => void setStatus({ variables: { input: { conversationId: conversation.id, status: 'RESOLVED' } } }).catch(() => {}), canResolve && !loading);
  const { markUnread, loading: markingUnread } = useMarkUnread(conversation.id);
  useShortcut('U', markUnread, !markingUnread);
  const canSnooze = conversation.status === 'OPEN' || conversation.status === 'PENDING';
  return (
    <header className="conversation-header">
      <button type="button" className="icon-button conversation-header__back" aria-label={t('backToInboxButton')} onClick={openInbox}>
        <Icon name="back" />
      </button>
      <div className="conversation-header__who">
        <h2>
          {conversation.customer.name}
          <span className={`presence-dot${customerOnline ? ' presence-dot--online' : ''}`} aria-hidden="true" title={customerOnline ? t('onlineNow') : t('offline')} />
          {customerOnline && <span className="visually-hidden">{t('onlineHidden')}</span>}
        </h2>
        <p>
          {[conversation.customer.phone || conversation.customer.email, conversation.subject].filter(Boolean).join(' · ')} <StatusBadge status={conversation.status} />{' '}
          <LabelChips labels={conversation.labels} />
        </p>
      </div>
      <div className="conversation-header__actions">
        <CallButton conversationId={conversation.id} lastSequence={conversation.lastSequence} />
        <AssigneePicker conversationId={conversation.id} assigneeId={conversation.assignee?.id ?? null} viewerStaffId={props.viewerStaffId} />
        <LabelPicker conversationId={conversation.id} labelIds={conversation.labels.map((label) => label.id)} />
        <PriorityPicker conversationId={conversation.id} priority={conversation.priority} />
        {canSnooze && <SnoozeMenu conversationId={conversation.id} snoozedUntil={conversation.snoozedUntil ?? null} />}
        {STATUS_ACTIONS[conversation.status].map(({ status, label }) => (
          <button
            key={status}
            type="button"
            className={`button${status === 'RESOLVED' ? ' button--primary' : ''}`}
            disabled={loading}
            onClick={() => void setStatus({ variables: { input: { conversationId: conversation.id, status } } }).catch(() => {})}
          >
            {t(label)}
          </button>
        ))}
        <button
          type="button"
          className={`icon-button${props.customerPanelOpen ? ' icon-button--active' : ''}`}
          aria-label={t('customerDetails')}
          title={t('customerDetails')}
          aria-expanded={props.customerPanelOpen}
          onClick={props.onToggleCustomerPanel}
        >
          <Icon name="person" />
        </button>
        <details className="header-menu header-menu--end">
          <summary className="icon-button" aria-label={t('moreActions')} title={t('moreActions')}>
            ⋯
          </summary>
          <div className="header-menu__panel">
            <button type="button" className="header-menu__item" disabled={markingUnread} onClick={markUnread}>
              {t('markUnread')} <kbd>⇧U</kbd>
            </button>
          </div>
        </details>
      </div>
    </header>
  );
}
