import { useMutation, useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { graphql, readFragment } from '../gql/index.js';
import { ActorFieldsFragmentDoc } from '../gql/graphql.js';
import { useStrings } from '../i18n/dashboard-i18n.js';

const TypingSubscription = graphql(`
  subscription Typing($conversationId: ID!) {
    typing(conversationId: $conversationId) {
      typing
      actor {
        ...ActorFields
      }
    }
  }
`);

// The gateway lapses typing about 6 s after the last refresh; forget a little later in case "false" is lost.
const TYPING_LAPSE_MS = 7_000;

/** "Alice is typing…" under the thread, in a line that is always there so nothing moves. */
export function TypingIndicator({ conversationId }: { conversationId: string }) {
  const [typists, setTypists] = useState<Map<string, { name: string; until: number }>>(new Map());
  useSubscription(TypingSubscription, {
    variables: { conversationId },
    ignoreResults: true,
    onData: ({ data }) => {
      const event = data.data?.typing;
      if (!event?.actor) return;
      const { id, name } = readFragment(ActorFieldsFragmentDoc, event.actor);
      setTypists((current) => {
        const next = new Map(current);
        if (event.typing) next.set(id, { name, until: Date.now() + TYPING_LAPSE_MS });
        else next.delete(id);
        return next;
      });
    },
  });
  useEffect(() => {
    if (typists.size === 0) return;
    const timer = setInterval(() => {
      setTypists((current) => {
        const now = Date.now();
        const next = new Map([...current].filter(([, typist]) => typist.until > now));
        return next.size === current.size ? current : next;
      });
    }, 1_000);
    return () => clearInterval(timer);
  }, [typists.size]);

  const t = useStrings();
  const names = [...typists.values()].map((typist) => typist.name);
  return (
    <div className="typing-indicator" aria-live="polite">
      {names.length > 0 && t('typing', { count: names.length, names: new Intl.ListFormat(document.documentElement.lang || 'en', { type: 'conjunction' }).format(names) })}
    </div>
  );
}

const SetTypingMutation = graphql(`
  mutation SetTyping($conversationId: ID!, $typing: Boolean!) {
    setTyping(conversationId: $conversationId, typing: $typing)
  }
`);

const REFRESH_MS = 3_000;

/** For the composer: call `typed()` on every keystroke and `stopped()` on send or blur. */
export function useTypingSignal(conversationId: string): { typed(): void; stopped(): void } {
  const [setTyping] = useMutation(SetTypingMutation);
  const lastSent = useRef(0);
  const signal = useRef({
    typed() {},
    stopped() {},
  });
  signal.current.typed = () => {
    if (Date.now() - lastSent.current < REFRESH_MS) return;
    lastSent.current = Date.now();
    void setTyping({ variables: { conversationId, typing: true } }).catch(() => {});
  };
  signal.current.stopped = () => {
    if (lastSent.current === 0) return;
    lastSent.current = 0;
    void setTyping({ variables: { conversationId, typing: false } }).catch(() => {});
  };
  useEffect(() => () => signal.current.stopped(), [conversationId]);
  return signal.current;
}
