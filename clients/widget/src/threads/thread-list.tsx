import { useId, useState, type FormEvent } from 'react';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { useStrings, type Translate } from '../i18n/widget-i18n.js';
import { useWidget } from '../session/widget-context.js';
import { customerSystemText } from '../conversation/system-note.js';

const ThreadListFragment = graphql(`
  fragment ThreadList_conversation on Conversation {
    id
    subject
    status
    unreadCount
    createdAt
    lastActivityAt
    lastMessage {
      id
      sequence
      kind
      body
      deletedAt
      systemEvent {
        type
        to
      }
      sender {
        __typename
      }
      attachments {
        id
        isImage
      }
    }
  }
`);

type Thread = ReturnType<typeof readThread>;
const readThread = (ref: FragmentType<typeof ThreadListFragment>) => readFragment(ThreadListFragment, ref);

/** What the list shows for the newest message: its text, "Photo"/"File", or "Message deleted". */
function preview(message: Thread['lastMessage'], t: Translate): string {
  if (!message) return t('noMessagesYet');
  if (message.deletedAt) return t('messageDeleted');
  if (message.kind === 'SYSTEM') return customerSystemText(message.systemEvent, message.body, t) ?? '';
  if (message.body) return message.body;
  if (message.attachments.length === 0) return '';
  return message.attachments.every((attachment) => attachment.isImage) ? t('photo') : t('file');
}

/** Closed when the pharmacy closed it; answered when the pharmacy wrote last. */
function statusOf(thread: Thread): 'statusClosed' | 'statusAnswered' | null {
  if (thread.status === 'RESOLVED' || thread.status === 'CLOSED') return 'statusClosed';
  const sender = thread.lastMessage?.sender?.__typename;
  return thread.lastMessage?.kind !== 'SYSTEM' && sender && sender !== 'Customer' ? 'statusAnswered' : null;
}

/** The customer's threads, newest first, and a new one with a subject of their own. */
export function ThreadList(props: {
  threads: FragmentType<typeof ThreadListFragment>[];
  activeId: string | null;
  onPick(id: string): void;
  onNew(subject: string): void;
}) {
  const { format } = useWidget();
  const t = useStrings();
  const id = useId();
  const [subject, setSubject] = useState('');
  const threads = props.threads.map(readThread);
  const start = (event: FormEvent) => {
    event.preventDefault();
    props.onNew(subject);
  };
  return (
    <nav className="cc-threads" aria-label={t('conversations')}>
      <h2 className="cc-section-title">{t('conversations')}</h2>
      <ul className="cc-thread-list">
        {threads.map((thread) => {
          const status = statusOf(thread);
          return (
            <li key={thread.id}>
              <button type="button" className="cc-thread" aria-current={thread.id === props.activeId ? 'true' : undefined} onClick={() => props.onPick(thread.id)}>
                <span className="cc-thread-title">{thread.subject ?? t('conversationOf', { date: format.date(thread.createdAt) })}</span>
                <span className="cc-thread-preview">{preview(thread.lastMessage, t)}</span>
                <span className="cc-thread-meta">
                  {format.timeOrDate(thread.lastActivityAt)}
                  {status && <span className={`cc-status cc-${status}`}>{t(status)}</span>}
                  {thread.unreadCount > 0 && <span className="cc-unread">{t('unread', { count: thread.unreadCount })}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <form className="cc-new-thread" onSubmit={start}>
        <label className="cc-label" htmlFor={`${id}-subject`}>
          {t('subjectLabel')}
        </label>
        <input id={`${id}-subject`} className="cc-input" name="subject" maxLength={200} value={subject} onChange={(event) => setSubject(event.target.value)} placeholder={t('subjectPlaceholder')} />
        <button type="submit" className="cc-primary-button" data-autofocus>
          {t('newConversation')}
        </button>
      </form>
    </nav>
  );
}
