import type { ReactNode } from 'react';
import { useFormat } from '../format/dates.js';
import { conversationPath, messagePath, navigate } from '../routing/use-route.js';

/** Opens the conversation in place; a modified click (new tab, new window) is left to the browser. */
export function ConversationLink(props: { conversationId: string; label: string; current?: boolean; messageSequence?: number; children: ReactNode }) {
  const href = props.messageSequence ? messagePath(props.conversationId, props.messageSequence) : conversationPath(props.conversationId);
  return (
    <a
      href={href}
      aria-label={props.label}
      aria-current={props.current ? 'page' : undefined}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {props.children}
    </a>
  );
}

/** The first line of an inbox row or a search hit: who, and how long ago. */
export function ConversationLinkHeading(props: { name: string; at: string; now: number }) {
  const format = useFormat();
  return (
    <span className="conversation-row__top">
      <span className="conversation-row__name">{props.name}</span>
      <time className="conversation-row__time" dateTime={props.at} title={format.dateTime(props.at)}>
        {format.relative(props.at, props.now)}
      </time>
    </span>
  );
}
