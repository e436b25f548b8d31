import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { ActorFieldsFragmentDoc } from '../gql/graphql.js';
import { useStrings } from '../i18n/widget-i18n.js';
import { useWidget } from '../session/widget-context.js';

export const MessageBubbleFragment = graphql(`
  fragment MessageBubble_message on Message {
    id
    sequence
    kind
    body
    createdAt
    deletedAt
    clientMessageId
    sender {
      ...ActorFields
    }
    attachments {
      id
      fileName
      isImage
      url
      thumbnailUrl
    }
  }
`);

export type MessageRef = FragmentType<typeof MessageBubbleFragment>;

/** One message: the customer's own on the right, the pharmacy's on the left, system notes in the middle. */
export function MessageBubble(props: { message: MessageRef; seen: boolean }) {
  const { format } = useWidget();
  const t = useStrings();
  const message = readFragment(MessageBubbleFragment, props.message);
  const time = format.time(message.createdAt);
  if (message.kind === 'SYSTEM') return <li className="cc-system">{message.body}</li>;
  const sender = readFragment(ActorFieldsFragmentDoc, message.sender);
  const own = sender?.__typename === 'Customer';
  const author = own ? t('you') : (sender?.name ?? t('pharmacy'));
  return (
    <li className={own ? 'cc-message cc-own' : 'cc-message'} data-sequence={message.sequence}>
      <span className="cc-visually-hidden">{author}: </span>
      {!own && <span className="cc-author" aria-hidden="true">{author}</span>}
      <div className="cc-bubble">
        {message.body && <p className="cc-body">{message.body}</p>}
        {message.attachments.map((attachment) =>
          attachment.isImage ? (
            <a key={attachment.id} href={attachment.url} target="_blank" rel="noreferrer" className="cc-photo">
              <img src={attachment.thumbnailUrl ?? attachment.url} alt={attachment.fileName} />
            </a>
          ) : (
            <a key={attachment.id} href={attachment.url} target="_blank" rel="noreferrer" className="cc-file">
              📄 {attachment.fileName}
            </a>
          ),
        )}
      </div>
      <span className="cc-time">
        {time}
        {own && props.seen && <span className="cc-seen"> · {t('seen')}</span>}
      </span>
    </li>
  );
}
