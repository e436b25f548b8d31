import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { apolloCallTransport, callIceServers } from '../../../shared/calls/call-transport.js';
import { LocalMediaError, openLocalMedia, type MediaProblem } from '../../../shared/calls/local-media.js';
import { PeerCall, type CallSnapshot } from '../../../shared/calls/peer-call.js';
import {
  CallDetailsDocument,
  CallEventsDocument,
  JoinCallDocument,
  LeaveCallDocument,
  SendCallAnswerDocument,
  SendCallOfferDocument,
  SendIceCandidateDocument,
  SetCallMediaDocument,
} from '../gql/graphql.js';

export const CALL_DOCUMENTS = {
  details: CallDetailsDocument,
  events: CallEventsDocument,
  join: JoinCallDocument,
  leave: LeaveCallDocument,
  offer: SendCallOfferDocument,
  answer: SendCallAnswerDocument,
  candidate: SendIceCandidateDocument,
  media: SetCallMediaDocument,
};

export type CallSession = { status: 'opening' } | { status: 'media-problem'; problem: MediaProblem } | { status: 'failed' } | { status: 'live'; call: PeerCall; snapshot: CallSnapshot };

/** The staff side of one call: camera and microphone, the call's ICE servers, the peer connection. */
export function useCallSession(callId: string): CallSession {
  const apollo = useApolloClient();
  const [session, setSession] = useState<CallSession>({ status: 'opening' });
  const call = useRef<PeerCall | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const [iceServers, localStream] = await Promise.all([callIceServers(apollo, callId, CALL_DOCUMENTS), openLocalMedia()]);
        if (cancelled) return localStream.getTracks().forEach((track) => track.stop());
        const peer = new PeerCall({
          side: 'TEAM',
          iceServers,
          localStream,
          transport: apolloCallTransport(apollo, callId, CALL_DOCUMENTS),
          onChange: (snapshot) => !cancelled && setSession({ status: 'live', call: peer, snapshot }),
        });
        call.current = peer;
        setSession({ status: 'live', call: peer, snapshot: peer.current });
        peer.start();
      } catch (error) {
        if (!cancelled) setSession(error instanceof LocalMediaError ? { status: 'media-problem', problem: error.problem } : { status: 'failed' });
      }
    })();
    return () => {
      cancelled = true;
      // Leaving the thread mid-call hangs up: a call nobody is on would otherwise stay ACTIVE.
      if (call.current && call.current.current.phase !== 'ended') void call.current.hangUp().catch(() => {});
      call.current?.dispose();
      call.current = null;
    };
  }, [apollo, callId]);
  return session;
}
