import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { useWidget } from '../session/widget-context.js';

const ThreadListFragment = graphql(`
  fragment ThreadList_conversation on Conversation {
    id
    subject
    unreadCount
    lastActivityAt
    lastMessage {
      id
      sequence
      body
    }
  }
`);

/** The customer's threads, newest first, when they have more than one. */
export function ThreadList(props: {
  threads: FragmentType<typeof ThreadListFragment>[];
  activeId: string | null;
  onPick(id: string): void;
  onNew(): void;
}) {
  const { strings, lang } = useWidget();
  const threads = props.threads.map((thread) => readFragment(ThreadListFragment, thread));
  return (
    <nav className="cc-threads" aria-label={strings.conversations}>
      <h2 className="cc-section-title">{strings.conversations}</h2>
      <ul className="cc-thread-list">
        {threads.map((thread) => (
          <li key={thread.id}>
            <button type="button" className="cc-thread" aria-current={thread.id === props.activeId ? 'true' : undefined} onClick={() => props.onPick(thread.id)}>
              <span className="cc-thread-title">{thread.subject ?? strings.untitled}</span>
              <span className="cc-thread-preview">{thread.lastMessage?.body ?? strings.noMessagesYet}</span>
              <span className="cc-thread-meta">
                {new Date(thread.lastActivityAt).toLocaleDateString(lang)}
                {thread.unreadCount > 0 && <span className="cc-unread">{strings.unreadSuffix(thread.unreadCount)}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="cc-primary-button" onClick={props.onNew} data-autofocus>
        {strings.newConversation}
      </button>
    </nav>
  );
}
