import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { ConversationLink, ConversationLinkHeading } from './conversation-link.js';

export const MessageSearchHitFields = graphql(`
  fragment MessageSearchHitFields on MessageSearchHit {
    message {
      id
      sequence
      createdAt
    }
    conversation {
      id
      subject
      customer {
        id
        name
      }
    }
    snippet {
      text
      highlighted
    }
  }
`);

/**
 * One message found by its words. The snippet arrives as parts, never HTML: message text is
 * the customer's input, so it is rendered as text nodes with `<mark>` around the matches.
 */
export function MessageSearchHit(props: { hit: FragmentType<typeof MessageSearchHitFields>; now: number }) {
  const { message, conversation, snippet } = readFragment(MessageSearchHitFields, props.hit);
  const plain = snippet.map((part) => part.text).join('');
  return (
    <li className="conversation-row message-hit">
      <ConversationLink conversationId={conversation.id} messageSequence={message.sequence} label={`${conversation.customer.name}: ${plain}`}>
        <ConversationLinkHeading name={conversation.customer.name} at={message.createdAt} now={props.now} />
        {conversation.subject && <span className="conversation-row__meta">{conversation.subject}</span>}
        <span className="message-hit__snippet">
          {snippet.map((part, index) => (part.highlighted ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
        </span>
      </ConversationLink>
    </li>
  );
}
