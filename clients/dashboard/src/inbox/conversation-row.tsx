import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import type { ConversationRowFieldsFragment } from '../gql/graphql.js';
import { StatusBadge } from './status-badge.js';
import { ConversationLink, ConversationLinkHeading } from './conversation-link.js';

export const ConversationRowFields = graphql(`
  fragment ConversationRowFields on Conversation {
    id
    subject
    status
    unreadCount
    lastActivityAt
    customer {
      id
      name
      phone
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
  const unread = conversation.unreadCount > 0;
  const label = `${conversation.customer.name}${unread ? `, ${conversation.unreadCount} unread` : ''}`;
  return (
    <li className={`conversation-row${props.selected ? ' conversation-row--selected' : ''}${unread ? ' conversation-row--unread' : ''}`}>
      <ConversationLink conversationId={conversation.id} label={label} current={props.selected}>
        <ConversationLinkHeading name={conversation.customer.name} at={conversation.lastActivityAt} now={props.now} />
        <span className="conversation-row__meta">
          {conversation.customer.phone && <span>{conversation.customer.phone}</span>}
          {conversation.subject && <span className="conversation-row__subject">{conversation.subject}</span>}
        </span>
        <span className="conversation-row__bottom">
          <span className="conversation-row__preview">{preview(conversation.lastMessage, props.viewerStaffId)}</span>
          {unread && (
            <span className="unread-badge" data-testid="unread-badge">
              {conversation.unreadCount}
            </span>
          )}
        </span>
        <span className="conversation-row__tags">
          <StatusBadge status={conversation.status} />
          <span className="conversation-row__assignee">{conversation.assignee ? conversation.assignee.name : 'Unassigned'}</span>
        </span>
      </ConversationLink>
    </li>
  );
}

type LastMessage = ConversationRowFieldsFragment['lastMessage'];

function preview(message: LastMessage, viewerStaffId: string): string {
  if (!message) return 'No messages yet';
  if (message.deletedAt) return 'Message deleted';
  const fromViewer = message.sender?.__typename === 'StaffMember' && message.sender.id === viewerStaffId;
  const text = message.body?.trim() || (message.attachments.length ? (message.attachments.length === 1 ? 'Attachment' : `${message.attachments.length} attachments`) : '');
  if (message.kind === 'SYSTEM') return text || 'Status changed';
  return fromViewer ? `You: ${text}` : text;
}
