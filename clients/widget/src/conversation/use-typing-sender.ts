import { useMutation } from '@apollo/client/react';
import { useCallback, useEffect, useRef } from 'react';
import { graphql } from '../gql/index.js';

const SetTyping = graphql(`
  mutation WidgetSetTyping($conversationId: ID!, $typing: Boolean!) {
    setTyping(conversationId: $conversationId, typing: $typing)
  }
`);

/** The server lapses "typing" after about 6 s; refreshing every 3 s keeps it up without a request per key. */
const REFRESH_MS = 3000;

/** `(typing) => void`, throttled: true at most every 3 s, false once when the customer stops. */
export function useTypingSender(conversationId: string | null): (typing: boolean) => void {
  const [setTyping] = useMutation(SetTyping);
  const lastSent = useRef(0);
  const stop = useCallback(() => {
    if (!conversationId || lastSent.current === 0) return;
    lastSent.current = 0;
    void setTyping({ variables: { conversationId, typing: false } }).catch(() => {});
  }, [conversationId, setTyping]);
  useEffect(() => stop, [stop]);
  return useCallback(
    (typing: boolean) => {
      if (!conversationId) return;
      if (!typing) return stop();
      const now = Date.now();
      if (now - lastSent.current < REFRESH_MS) return;
      lastSent.current = now;
      void setTyping({ variables: { conversationId, typing: true } }).catch(() => {});
    },
    [conversationId, setTyping, stop],
  );
}
