import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import type { ConversationRowFieldsFragment } from '../gql/graphql.js';
import { StatusBadge } from './status-badge.js';
import { ConversationLink, ConversationLinkHeading } from './conversation-link.js';
import { useStrings, type Translate } from '../i18n/dashboard-i18n.js';
import { systemEventText } from '../conversation/system-event-text.js';

export const ConversationRowFields = graphql(`
  fragment ConversationRowFields on Conversation {
    id
    subject
    status
    channel
    unreadCount
    lastActivityAt
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
    lastMessage {
      id
      sequence
      body
      deletedAt
      kind
      systemEvent {
        type
        to
      }
      attachments {
        id
      }
      sender {
        __typename
        ... on StaffMember {
          id
        }
      }
    }
  }
`);

interface ConversationRowProps {
  conversation: FragmentType<typeof ConversationRowFields>;
  selected: boolean;
  /** Re-rendered every minute by the list, so "5 min ago" stays true. */
  now: number;
  viewerStaffId: string;
}

export function ConversationRow(props: ConversationRowProps) {
  const conversation = readFragment(ConversationRowFields, props.conversation);
  const t = useStrings();
  const unread = conversation.unreadCount > 0;
  const label = unread ? t('rowUnread', { name: conversation.customer.name, count: conversation.unreadCount }) : conversation.customer.name;
  return (
    <li className={`conversation-row${props.selected ? ' conversation-row--selected' : ''}${unread ? ' conversation-row--unread' : ''}`}>
      <ConversationLink conversationId={conversation.id} label={label} current={props.selected}>
        <ConversationLinkHeading name={conversation.customer.name} at={conversation.lastActivityAt} now={props.now} />
        <span className="conversation-row__meta">
          {(conversation.customer.phone || conversation.customer.email) && <span>{conversation.customer.phone || conversation.customer.email}</span>}
          {conversation.subject && <span className="conversation-row__subject">{conversation.subject}</span>}
        </span>
        <span className="conversation-row__bottom">
          <span className={`conversation-row__preview${conversation.lastMessage?.kind === 'SYSTEM' ? ' conversation-row__preview--system' : ''}`}>{preview(conversation.lastMessage, props.viewerStaffId, t)}</span>
          {unread && (
            <span className="unread-badge" data-testid="unread-badge">
              {conversation.unreadCount}
            </span>
          )}
        </span>
        <span className="conversation-row__tags">
          <StatusBadge status={conversation.status} />
          {(conversation.channel === 'WHATSAPP' || conversation.channel === 'SMS') && (
            <span className={`conversation-row__channel conversation-row__channel--${conversation.channel.toLowerCase()}`}>{conversation.channel === 'WHATSAPP' ? t('channelWhatsApp') : t('channelSms')}</span>
          )}
          <span className="conversation-row__assignee">{conversation.assignee ? conversation.assignee.name : t('unassigned')}</span>
        </span>
      </ConversationLink>
    </li>
  );
}

type LastMessage = ConversationRowFieldsFragment['lastMessage'];

function preview(message: LastMessage, viewerStaffId: string, t: Translate): string {
  if (!message) return t('noMessagesYet');
  if (message.deletedAt) return t('messageDeleted');
  const fromViewer = message.sender?.__typename === 'StaffMember' && message.sender.id === viewerStaffId;
  const text = message.body?.trim() || (message.attachments.length ? t('attachments', { count: message.attachments.length }) : '');
  if (message.kind === 'SYSTEM') return systemEventText(message.systemEvent, text || t('statusChanged'), t);
  return fromViewer ? t('youSaid', { text }) : text;
}
