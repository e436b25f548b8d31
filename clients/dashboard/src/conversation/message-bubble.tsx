import { useState } from 'react';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { ActorFieldsFragmentDoc } from '../gql/graphql.js';
import { useFormat } from '../format/dates.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { LinkedText } from '../../../shared/links/linked-text.js';
import { AttachmentList } from './attachment-list.js';
import { MessageActions } from './message-actions.js';
import { MessageEditor } from './message-editor.js';
import { ReactionChips } from './reaction-chips.js';

export const MessageBubbleFields = graphql(`
  fragment MessageBubbleFields on Message {
    id
    sequence
    kind
    body
    createdAt
    editedAt
    deletedAt
    sender {
      ...ActorFields
      ... on StaffMember {
        active
      }
    }
    replyTo {
      id
      body
      deletedAt
      sender {
        ...ActorFields
      }
    }
    attachments {
      ...AttachmentFields
    }
    delivery {
      state
      reason
    }
    ...ReactionChipsFields
  }
`);

export interface ReplyTarget {
  id: string;
  senderName: string;
  body: string;
}

interface MessageBubbleProps {
  message: FragmentType<typeof MessageBubbleFields>;
  viewerStaffId: string;
  /** Show the sender's name (first of a run by the same sender). */
  showSender: boolean;
  /** The customer has read up to here: "Seen" under the viewer's side. */
  seen: boolean;
  /** The message a search hit opened. */
  highlighted?: boolean;
  onReply(target: ReplyTarget): void;
  onLinkExpired(): void;
}

export function MessageBubble(props: MessageBubbleProps) {
  const message = readFragment(MessageBubbleFields, props.message);
  const [editing, setEditing] = useState(false);
  const t = useStrings();
  const format = useFormat();
  const sender = readFragment(ActorFieldsFragmentDoc, message.sender);
  const fromStaffSide = sender?.__typename !== 'Customer';
  const own = sender?.__typename === 'StaffMember' && sender.id === props.viewerStaffId;
  // Someone who has left the pharmacy still signs their old replies, marked as such.
  const former = message.sender?.__typename === 'StaffMember' && message.sender.active === false;
  const senderName = former ? t('formerStaff', { name: sender?.name ?? t('someone') }) : (sender?.name ?? t('someone'));
  const deleted = Boolean(message.deletedAt);
  const isNote = message.kind === 'NOTE';

  return (
    <li className={`message${fromStaffSide ? ' message--staff' : ' message--customer'}${isNote ? ' message--note' : ''}${props.highlighted ? ' message--highlighted' : ''}`} data-sequence={message.sequence} aria-label={t('senderAt', { name: senderName, time: format.time(message.createdAt) })}>
      {props.showSender && <span className="message__sender">{senderName}</span>}
      <div className={`message__bubble${deleted ? ' message__bubble--deleted' : ''}`}>
        {message.replyTo && (
          <blockquote className="message__quote">
            <span className="message__quote-sender">{readFragment(ActorFieldsFragmentDoc, message.replyTo.sender)?.name ?? t('someone')}</span>
            <span>{message.replyTo.deletedAt ? t('messageDeleted') : truncate(message.replyTo.body ?? '', 120)}</span>
          </blockquote>
        )}
        {deleted ? (
          <p className="message__body">{t('messageDeleted')}</p>
        ) : editing ? (
          <MessageEditor messageId={message.id} initialBody={message.body ?? ''} onDone={() => setEditing(false)} />
        ) : (
          message.body && <LinkedText className="message__body">{message.body}</LinkedText>
        )}
        {!deleted && <AttachmentList attachments={message.attachments} onLinkExpired={props.onLinkExpired} />}
      </div>
      <div className="message__footer">
        <time dateTime={message.createdAt} title={format.dateTime(message.createdAt)}>
          {format.time(message.createdAt)}
        </time>
        {message.editedAt && !deleted && <span title={format.dateTime(message.editedAt)}>· {t('edited')}</span>}
        {isNote && <span className="message__team-only">· {t('noteOnlyTeam')}</span>}
        {props.seen && !isNote && <span className="message__seen">· {t('seen')}</span>}
        {message.delivery && !deleted && (
          <span className={`message__delivery message__delivery--${message.delivery.state.toLowerCase()}`} title={message.delivery.reason ?? undefined}>
            · {t(DELIVERY_LABELS[message.delivery.state])}
          </span>
        )}
      </div>
      {!deleted && <ReactionChips message={message} viewerStaffId={props.viewerStaffId} />}
      {!deleted && !editing && (
        <MessageActions
          messageId={message.id}
          own={own}
          onReply={() => props.onReply({ id: message.id, senderName, body: message.body ?? (message.attachments.length ? t('attachments', { count: 1 }) : '') })}
          onEdit={() => setEditing(true)}
        />
      )}
    </li>
  );
}

/** A reply through WhatsApp or SMS: where the provider says it is (issue 22). */
const DELIVERY_LABELS = {
  QUEUED: 'messageDeliveryQueued',
  SENT: 'messageDeliverySent',
  DELIVERED: 'messageDeliveryDelivered',
  READ: 'messageDeliveryRead',
  FAILED: 'messageDeliveryFailed',
} as const;

const truncate = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);
