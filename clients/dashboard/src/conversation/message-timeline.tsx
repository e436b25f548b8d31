import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { graphql, readFragment, type FragmentType } from '../gql/index.js';
import { ActorFieldsFragmentDoc } from '../gql/graphql.js';
import { useFormat } from '../format/dates.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { usePendingSends, type PendingSend } from '../composer/pending-sends.js';
import { MessageBubble, type ReplyTarget } from './message-bubble.js';
import { PendingBubble } from './pending-bubble.js';
import { SystemMessage } from './system-message.js';

export const TimelineMessageFields = graphql(`
  fragment TimelineMessageFields on Message {
    id
    sequence
    conversationId
    clientMessageId
    createdAt
    kind
    sender {
      ...ActorFields
    }
    ...MessageBubbleFields
    ...SystemMessageFields
  }
`);

interface MessageTimelineProps {
  messages: FragmentType<typeof TimelineMessageFields>[];
  pending: PendingSend[];
  hasOlder: boolean;
  loadOlder(): Promise<unknown>;
  /** The customer has read up to this sequence. */
  customerReadSequence: number;
  /** Scroll to this message once it is loaded, and highlight it. */
  focusSequence: number | null;
  viewerStaffId: string;
  onReply(target: ReplyTarget): void;
  onLinkExpired(): void;
}

// Within this many pixels of the bottom counts as "at the bottom": new messages follow.
const STICKY_BOTTOM_PX = 48;
const LOAD_OLDER_PX = 120;

/**
 * The thread, oldest at the top. Nothing jumps: older pages are prepended with the
 * scroll position kept on the message the pharmacist was reading, and new messages
 * scroll into view only when the view was already at the bottom (or the pharmacist sent).
 */
export function MessageTimeline(props: MessageTimelineProps) {
  const messages = props.messages.map((m) => readFragment(TimelineMessageFields, m));
  const t = useStrings();
  const format = useFormat();
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const atBottom = useRef(true);
  const anchor = useRef<number | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);

  // A send stays on screen until the server's message with its clientMessageId is in the
  // thread (from the mutation result or the subscription, whichever came first), so there
  // is never a frame with both or neither.
  const delivered = new Set(messages.map((m) => m.clientMessageId).filter(Boolean));
  const pending = props.pending.filter((p) => !delivered.has(p.clientMessageId));
  const deliveredSends = props.pending.filter((p) => delivered.has(p.clientMessageId)).map((p) => p.clientMessageId);
  const { forget } = usePendingSends();
  const deliveredKey = deliveredSends.join();
  useEffect(() => {
    if (deliveredKey) forget(deliveredKey.split(','));
  }, [deliveredKey, forget]);

  async function loadOlder() {
    const element = scroller.current;
    if (!element || loadingOlder || !props.hasOlder) return;
    anchor.current = element.scrollHeight - element.scrollTop;
    setLoadingOlder(true);
    try {
      await props.loadOlder();
    } finally {
      setLoadingOlder(false);
    }
  }

  const firstSequence = messages[0]?.sequence ?? 0;
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || anchor.current === null) return;
    element.scrollTop = element.scrollHeight - anchor.current;
    anchor.current = null;
  }, [firstSequence]);

  const lastSequence = messages[messages.length - 1]?.sequence ?? 0;
  const pendingCount = pending.length;
  const previousPendingCount = useRef(pendingCount);
  const previousLastSequence = useRef(lastSequence);
  // Someone wrote while the pharmacist was reading further up: say so instead of scrolling.
  const [newBelow, setNewBelow] = useState(false);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const sentJustNow = pendingCount > previousPendingCount.current;
    const arrived = lastSequence > previousLastSequence.current;
    previousPendingCount.current = pendingCount;
    previousLastSequence.current = lastSequence;
    if (atBottom.current || sentJustNow) {
      element.scrollTop = element.scrollHeight;
      atBottom.current = true;
    } else if (arrived) {
      setNewBelow(true);
    }
  }, [lastSequence, pendingCount]);

  // What grows after the first layout (a thumbnail decoding, the "Seen" line, a reaction)
  // keeps a thread that was at the bottom at the bottom: a fresh load stopped short of the
  // newest message by about that much.
  useEffect(() => {
    const element = scroller.current;
    const content = list.current;
    if (!element || !content) return;
    const observer = new ResizeObserver(() => {
      if (atBottom.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(content);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  function scrollToNewest() {
    const element = scroller.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    atBottom.current = true;
    setNewBelow(false);
  }

  // Older pages load only when the pharmacist scrolls up towards the top, not when
  // a layout change happens to leave the view near it.
  const lastScrollTop = useRef(0);
  function onScroll() {
    const element = scroller.current;
    if (!element) return;
    const movingUp = element.scrollTop < lastScrollTop.current;
    lastScrollTop.current = element.scrollTop;
    // Only scrolling up leaves the bottom: content growing under the view (a thumbnail
    // decoding) can bring its scroll event before the ResizeObserver's callback, which must
    // still find the thread at the bottom.
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < STICKY_BOTTOM_PX || (atBottom.current && !movingUp);
    if (atBottom.current) setNewBelow(false);
    if (movingUp && element.scrollTop < LOAD_OLDER_PX && props.hasOlder) void loadOlder();
  }

  // A search hit: centred and highlighted once it is on the page, and only once, so the
  // pharmacist can scroll away; the view is no longer pinned to the bottom.
  const focused = useRef<number | null>(null);
  const [highlighted, setHighlighted] = useState<number | null>(null);
  const focusLoaded = props.focusSequence !== null && messages.some((m) => m.sequence === props.focusSequence);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !focusLoaded || focused.current === props.focusSequence) return;
    const target = element.querySelector(`[data-sequence="${props.focusSequence}"]`);
    if (!target) return;
    focused.current = props.focusSequence;
    target.scrollIntoView({ block: 'center' });
    atBottom.current = false;
    setHighlighted(props.focusSequence);
  }, [focusLoaded, props.focusSequence]);

  // "Seen" goes under the newest staff message the customer has read.
  const lastSeenSequence = [...messages]
    .reverse()
    .find((m) => m.kind === 'TEXT' && m.sender?.__typename !== 'Customer' && m.sequence <= props.customerReadSequence)?.sequence;

  return (
    <div className="timeline-frame">
      {newBelow && (
        <button type="button" className="button button--primary timeline__new-below" onClick={scrollToNewest}>
          {t('newMessagesBelow')}
        </button>
      )}
      <div className="timeline" ref={scroller} onScroll={onScroll} tabIndex={0} aria-label={t('messages')}>
        <div className="timeline__older">
          {props.hasOlder ? (
            <button type="button" className="link-button" onClick={() => void loadOlder()} disabled={loadingOlder}>
              {loadingOlder ? t('loadingOlder') : t('loadOlder')}
            </button>
          ) : (
            messages.length > 0 && <span>{t('startOfConversation')}</span>
          )}
        </div>
        <ol className="timeline__messages" ref={list}>
          {messages.map((message, index) => {
            const previous = messages[index - 1];
            const newDay = !previous || format.dayKey(previous.createdAt) !== format.dayKey(message.createdAt);
            const sender = readFragment(ActorFieldsFragmentDoc, message.sender);
            const previousSender = previous && readFragment(ActorFieldsFragmentDoc, previous.sender);
            const sameSender = previous && !newDay && previous.kind === 'TEXT' && previousSender?.__typename === sender?.__typename && previousSender?.id === sender?.id;
            return (
              <Fragment key={message.id}>
                {newDay && (
                  <li className="day-separator" role="separator">
                    <span>{format.dayHeading(message.createdAt)}</span>
                  </li>
                )}
                {message.kind === 'SYSTEM' ? (
                  <SystemMessage message={message} />
                ) : (
                  <MessageBubble
                    message={message}
                    viewerStaffId={props.viewerStaffId}
                    showSender={!sameSender}
                    seen={message.sequence === lastSeenSequence}
                    highlighted={message.sequence === highlighted}
                    onReply={props.onReply}
                    onLinkExpired={props.onLinkExpired}
                  />
                )}
              </Fragment>
            );
          })}
          {pending.map((send) => (
            <PendingBubble key={send.clientMessageId} send={send} />
          ))}
        </ol>
        {messages.length === 0 && pending.length === 0 && <p className="timeline__empty">{t('noMessagesSayHello')}</p>}
      </div>
    </div>
  );
}
