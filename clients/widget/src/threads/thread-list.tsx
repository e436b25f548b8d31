import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { useStrings } from '../i18n/widget-i18n.js';
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
  const { format } = useWidget();
  const t = useStrings();
  const threads = props.threads.map((thread) => readFragment(ThreadListFragment, thread));
  return (
    <nav className="cc-threads" aria-label={t('conversations')}>
      <h2 className="cc-section-title">{t('conversations')}</h2>
      <ul className="cc-thread-list">
        {threads.map((thread) => (
          <li key={thread.id}>
            <button type="button" className="cc-thread" aria-current={thread.id === props.activeId ? 'true' : undefined} onClick={() => props.onPick(thread.id)}>
              <span className="cc-thread-title">{thread.subject ?? t('untitled')}</span>
              <span className="cc-thread-preview">{thread.lastMessage?.body ?? t('noMessagesYet')}</span>
              <span className="cc-thread-meta">
                {format.timeOrDate(thread.lastActivityAt)}
                {thread.unreadCount > 0 && <span className="cc-unread">{t('unread', { count: thread.unreadCount })}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="cc-primary-button" onClick={props.onNew} data-autofocus>
        {t('newConversation')}
      </button>
    </nav>
  );
}
