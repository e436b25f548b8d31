import { useSubscription } from '@apollo/client/react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { CallEventsDocument } from '../gql/graphql.js';
import { useStrings } from '../i18n/widget-i18n.js';
import { playRingTone } from '../call/ring-tone.js';

// The waiting room and the call view load only when a customer joins: the widget's budget (check-budgets.mjs).
const CallRoom = lazy(() => import('../call/call-room.js'));

const OPEN_STATES = new Set(['RINGING', 'WAITING', 'ACTIVE']);

/**
 * The "Join video call" card where a call started in the thread, while the call is still
 * open; nothing once it is over (the thread's next SYSTEM message says how it ended). The
 * call's events start with its current state, and end once it is over.
 */
export function CallInvitation({ callId, sequence }: { callId: string; sequence: number }) {
  const t = useStrings();
  const [state, setState] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const open = state !== null && OPEN_STATES.has(state);
  useSubscription(CallEventsDocument, {
    variables: { callId },
    skip: joining || (state !== null && !open),
    ignoreResults: true,
    onData: ({ data: event }) => {
      const call = event.data?.callEvents.call;
      if (call) setState(call.state);
    },
  });
  // A call that rings now, not one the thread's history shows: its first state says which.
  const ringing = state === 'RINGING';
  useEffect(() => {
    if (ringing) playRingTone();
  }, [ringing]);
  if (!open && !joining) return null;
  return (
    <li className="cc-system cc-call-card" data-sequence={sequence}>
      <p>{t('callInvitation')}</p>
      <button type="button" className="cc-primary-button" onClick={() => setJoining(true)} disabled={joining}>
        {t('joinVideoCall')}
      </button>
      {joining && (
        <Suspense fallback={null}>
          <CallRoom callId={callId} onClose={() => setJoining(false)} />
        </Suspense>
      )}
    </li>
  );
}
