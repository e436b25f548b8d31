import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../gql/index.js';
import { Icon } from '../icons.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { CallPanel } from './call-panel.js';

const ActiveCallQuery = graphql(`
  query ActiveCall($conversationId: ID!) {
    activeCall(conversationId: $conversationId) {
      id
      state
    }
  }
`);

const StartCallMutation = graphql(`
  mutation StartCall($conversationId: ID!) {
    startCall(conversationId: $conversationId) {
      id
      state
    }
  }
`);

/**
 * The header's "Video call" button: starts a call (or joins the one going on in this thread)
 * and opens the call panel. `lastSequence` changes with every message, calls' SYSTEM messages
 * included, so the button learns of calls others started or ended.
 */
export function CallButton({ conversationId, lastSequence }: { conversationId: string; lastSequence: number }) {
  const t = useStrings();
  const { data, refetch } = useQuery(ActiveCallQuery, { variables: { conversationId }, fetchPolicy: 'cache-and-network' });
  const [startCall, { loading, error }] = useMutation(StartCallMutation);
  const [openCallId, setOpenCallId] = useState<string | null>(null);
  useEffect(() => {
    void refetch().catch(() => {});
  }, [lastSequence, refetch]);
  useEffect(() => setOpenCallId(null), [conversationId]);

  const active = data?.activeCall ?? null;
  const open = async () => {
    if (active) return setOpenCallId(active.id);
    const started = await startCall({ variables: { conversationId } }).catch(() => null);
    if (started?.data?.startCall) setOpenCallId(started.data.startCall.id);
  };
  return (
    <>
      <button
        type="button"
        className={`button call-button${active ? ' call-button--active' : ''}`}
        disabled={loading || openCallId !== null}
        title={active ? t('joinVideoCall') : t('startVideoCall')}
        onClick={() => void open()}
      >
        <Icon name="video" /> {active ? t('joinVideoCall') : t('videoCall')}
      </button>
      {error && !openCallId && (
        <span className="visually-hidden" role="alert">
          {t('callStartFailed')}
        </span>
      )}
      {openCallId && (
        <CallPanel
          callId={openCallId}
          onClose={() => {
            setOpenCallId(null);
            void refetch().catch(() => {});
          }}
        />
      )}
    </>
  );
}
