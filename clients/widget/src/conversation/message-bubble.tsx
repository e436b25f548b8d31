import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { ActorFieldsFragmentDoc } from '../gql/graphql.js';
import { useStrings } from '../i18n/widget-i18n.js';
import { useWidget } from '../session/widget-context.js';
import { LinkedText } from '../../../shared/links/linked-text.js';
import { customerSystemText } from './system-note.js';
import { CallInvitation } from './call-invitation.js';

export const MessageBubbleFragment = graphql(`
  fragment MessageBubble_message on Message {
    id
    sequence
    kind
    body
    createdAt
    editedAt
    deletedAt
    clientMessageId
    systemEvent {
      type
      to
      callId
      durationSeconds
    }
    sender {
      ...ActorFields
    }
    replyTo {
      id
      body
      deletedAt
      sender {
        ...ActorFields
      }
    }
    reactions {
      id
      emoji
    }
    attachments {
      id
      fileName
      byteSize
      isImage
      url
      thumbnailUrl
    }
  }
`);

export type MessageRef = FragmentType<typeof MessageBubbleFragment>;

export interface MessageBubbleProps {
  message: MessageRef;
  seen: boolean;
  /** Same author as the message above: no name again. */
  continued: boolean;
  /** A photo finished loading: the list may need to stay pinned to the bottom. */
  onMediaLoad?(): void;
  /** Gets the element, for "Seen" (only what was on screen counts as read). */
  observe?(element: HTMLLIElement | null): void;
}

/** One message: the customer's own on the right, the pharmacy's on the left, system notes in the middle. */
export function MessageBubble(props: MessageBubbleProps) {
  const { format } = useWidget();
  const t = useStrings();
  const message = readFragment(MessageBubbleFragment, props.message);
  // The auto-reply is the pharmacy's own words to the customer while it is closed: a bubble of the pharmacy's.
  const autoReply = message.systemEvent?.type === 'AUTO_REPLY' && Boolean(message.body);
  if (message.kind === 'SYSTEM' && !autoReply) {
    if (message.systemEvent?.type === 'CALL_STARTED' && message.systemEvent.callId) return <CallInvitation callId={message.systemEvent.callId} sequence={message.sequence} />;
    const text = customerSystemText(message.systemEvent, message.body, t);
    return text ? <li className="cc-system" data-sequence={message.sequence}>{text}</li> : null;
  }
  const sender = readFragment(ActorFieldsFragmentDoc, message.sender);
  const own = sender?.__typename === 'Customer';
  const author = own ? t('you') : (sender?.name ?? t('pharmacy'));
  const deleted = Boolean(message.deletedAt);
  const quoted = message.replyTo;
  const quotedAuthor = readFragment(ActorFieldsFragmentDoc, quoted?.sender);
  const reactions = countReactions(message.reactions);
  return (
    <li
      ref={own ? undefined : props.observe}
      className={`cc-message${own ? ' cc-own' : ''}${autoReply ? ' cc-auto-reply' : ''}${props.continued ? ' cc-continued' : ''}`}
      data-sequence={message.sequence}
    >
      <span className="cc-visually-hidden">{author}: </span>
      {!own && !props.continued && <span className="cc-author" aria-hidden="true">{author}</span>}
      <div className={deleted ? 'cc-bubble cc-deleted' : 'cc-bubble'}>
        {deleted ? (
          <p className="cc-body">{t('messageDeleted')}</p>
        ) : (
          <>
            {quoted && (
              <blockquote className="cc-quote">
                <span className="cc-quote-author">{quotedAuthor?.__typename === 'Customer' ? t('you') : (quotedAuthor?.name ?? t('pharmacy'))}</span>
                <span className="cc-quote-body">{quoted.deletedAt ? t('messageDeleted') : (quoted.body ?? t('attachment'))}</span>
              </blockquote>
            )}
            {message.body && <LinkedText className="cc-body">{message.body}</LinkedText>}
            {message.attachments.map((attachment) =>
              attachment.isImage ? (
                <a key={attachment.id} href={attachment.url} target="_blank" rel="noreferrer" className="cc-photo">
                  <img src={attachment.thumbnailUrl ?? attachment.url} alt={attachment.fileName} onLoad={props.onMediaLoad} />
                </a>
              ) : (
                <a key={attachment.id} href={attachment.url} target="_blank" rel="noreferrer" className="cc-file">
                  📄 {attachment.fileName} <span className="cc-file-size">({format.fileSize(attachment.byteSize)})</span>
                </a>
              ),
            )}
          </>
        )}
      </div>
      {reactions.length > 0 && !deleted && (
        <ul className="cc-reactions" aria-label={t('reactions')}>
          {reactions.map(([emoji, count]) => (
            <li key={emoji} className="cc-reaction">
              {emoji}
              {count > 1 && <span className="cc-reaction-count">{count}</span>}
            </li>
          ))}
        </ul>
      )}
      <span className="cc-time">
        {format.time(message.createdAt)}
        {message.editedAt && !deleted && <span className="cc-edited"> · {t('edited')}</span>}
        {own && props.seen && <span className="cc-seen"> · {t('seen')}</span>}
      </span>
    </li>
  );
}

function countReactions(reactions: readonly { emoji: string }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const reaction of reactions) counts.set(reaction.emoji, (counts.get(reaction.emoji) ?? 0) + 1);
  return [...counts];
}

/** The sender key used to group consecutive messages. */
export function senderKey(ref: MessageRef): string {
  const message = readFragment(MessageBubbleFragment, ref);
  if (message.kind === 'SYSTEM') return 'system';
  const sender = readFragment(ActorFieldsFragmentDoc, message.sender);
  return `${sender?.__typename ?? 'none'}:${sender && 'id' in sender ? sender.id : ''}`;
}
